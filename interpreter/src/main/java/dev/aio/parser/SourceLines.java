package dev.aio.parser;

/** The lines of a source text, for error reports and positions. */
final class SourceLines {
    private final String[] lines;

    SourceLines(String source) {
        this.lines = source.split("\r\n|\r|\n", -1);
    }

    /** The text of a 1-based line, or {@code null}. */
    String line(int line) {
        return line >= 1 && line <= lines.length ? lines[line - 1] : null;
    }

    int count() {
        int n = lines.length;
        // A final newline does not start another line.
        return n > 1 && lines[n - 1].isEmpty() ? n - 1 : n;
    }
}
