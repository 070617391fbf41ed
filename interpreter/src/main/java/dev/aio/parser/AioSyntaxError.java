package dev.aio.parser;

/**
 * A program that does not parse: where (1-based line and column, as CPython reports
 * {@code lineno}/{@code offset}), what kind ({@code SyntaxError}, {@code IndentationError}), and why.
 */
public final class AioSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String kind;
    private final int line;
    private final int column;
    private final int endColumn;
    private final String sourceLine;

    public AioSyntaxError(String fileName, String kind, String message, int line, int column, int endColumn, String sourceLine) {
        super(message, null, false, false);
        this.fileName = fileName;
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.endColumn = Math.max(endColumn, column + 1);
        this.sourceLine = sourceLine;
    }

    public String fileName() {
        return fileName;
    }

    public String kind() {
        return kind;
    }

    public String message() {
        return getMessage();
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int endColumn() {
        return endColumn;
    }

    public String sourceLine() {
        return sourceLine;
    }

    /**
     * The report as CPython 3.11 prints it: file and line, the stripped line, carets, then kind and
     * message; only the last when there is no line (a file that cannot be decoded, a parser stack
     * overflow).
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (line == 0) {
            return sb.append(kind).append(getMessage().isEmpty() ? "" : ": " + getMessage()).append('\n').toString();
        }
        sb.append("  File \"").append(fileName).append("\", line ").append(line).append('\n');
        if (sourceLine != null) {
            String line = sourceLine.stripTrailing();
            String stripped = line.stripLeading();
            int indent = line.length() - stripped.length();
            if (!stripped.isEmpty()) {
                sb.append("    ").append(stripped).append('\n');
            }
            // CPython prints no caret when it has no column (an unexpected indent).
            if (!stripped.isEmpty() && column > 0) {
                int caret = Math.max(0, Math.min(column - 1 - indent, stripped.length()));
                int width = Math.max(1, Math.min(endColumn - column, stripped.length() + 1 - caret));
                sb.append("    ").append(" ".repeat(caret)).append("^".repeat(width)).append('\n');
            }
        }
        sb.append(kind).append(": ").append(getMessage()).append('\n');
        return sb.toString();
    }
}
