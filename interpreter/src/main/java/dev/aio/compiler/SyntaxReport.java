package dev.aio.compiler;

import dev.aio.ast.Pos;

/** CPython's layout of a SyntaxError report: file and line, the stripped source line, a caret, the message. */
final class SyntaxReport {
    private SyntaxReport() {
    }

    static String format(String fileName, String text, Pos pos, String kind, String message) {
        StringBuilder sb = new StringBuilder();
        sb.append("  File \"").append(fileName).append("\", line ").append(pos.line()).append('\n');
        String[] lines = text.split("\n", -1);
        if (pos.line() >= 1 && pos.line() <= lines.length) {
            String line = lines[pos.line() - 1].stripTrailing();
            String stripped = line.stripLeading();
            int indent = line.length() - stripped.length();
            sb.append("    ").append(stripped).append('\n');
            int col = Math.max(0, pos.col() - indent);
            int width = pos.endLine() == pos.line() ? Math.max(1, pos.endCol() - pos.col()) : Math.max(1, stripped.length() - col);
            sb.append("    ").append(" ".repeat(col)).append("^".repeat(width)).append('\n');
        }
        sb.append(kind).append(": ").append(message).append('\n');
        return sb.toString();
    }
}
