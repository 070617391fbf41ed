package dev.aio.compiler;

import dev.aio.ast.Pos;

/** A construct the parser accepts but aio cannot compile (yet); reported like a SyntaxError. */
public final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Pos pos;

    public CompileError(Pos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    public Pos pos() {
        return pos;
    }
}
