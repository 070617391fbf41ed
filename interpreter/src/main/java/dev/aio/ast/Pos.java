package dev.aio.ast;

/**
 * Where a syntax node sits in its source: 1-based lines, 0-based columns counted in Unicode code
 * points (as CPython counts them in its error carets), and the node's end.
 */
public record Pos(int line, int col, int endLine, int endCol) {
    public static final Pos NONE = new Pos(0, 0, 0, 0);
}
