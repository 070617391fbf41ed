package dev.aio.compiler;

/**
 * A program nested too deep to compile ({@link ScopeAnalyzer#MAX_NESTING}): CPython's
 * {@code RecursionError: maximum recursion depth exceeded during compilation}.
 */
public final class CompileRecursionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CompileRecursionError() {
        super("maximum recursion depth exceeded during compilation", null, false, false);
    }
}
