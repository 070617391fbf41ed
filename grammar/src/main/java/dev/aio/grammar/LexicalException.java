package dev.aio.grammar;

/**
 * A layout error the lexer finds: an unexpected or inconsistent indentation, or a bracket that is
 * never closed or closes the wrong one. Lines are 1-based, columns 0-based (code points); -1 where
 * CPython shows no caret (a TabError, too many indentation levels).
 */
public final class LexicalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final int line;
    private final int column;

    public LexicalException(String kind, String message, int line, int column) {
        super(message, null, false, false);
        this.kind = kind;
        this.line = line;
        this.column = column;
    }

    /** {@code SyntaxError}, {@code IndentationError} or {@code TabError}. */
    public String kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
