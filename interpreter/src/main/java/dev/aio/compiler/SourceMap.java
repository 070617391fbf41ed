package dev.aio.compiler;

import com.oracle.truffle.api.source.Source;

import dev.aio.ast.Pos;

/** Turns syntax positions (line, code-point column) into the UTF-16 character ranges Truffle's sources use. */
final class SourceMap {
    private final Source source;
    private final String text;
    private final int[] lineStarts;

    SourceMap(Source source) {
        this.source = source;
        this.text = source.getCharacters().toString();
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines + 1];
        int line = 1;
        lineStarts[1] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && line < lines) {
                lineStarts[++line] = i + 1;
            }
        }
    }

    Source source() {
        return source;
    }

    int index(int line, int col) {
        if (line < 1 || line >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line];
        int i = start;
        for (int c = 0; c < col && i < text.length() && text.charAt(i) != '\n'; c++) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** {index, length}, or {@code null} when the position is unknown. */
    int[] range(Pos pos) {
        if (pos == null || pos.line() <= 0) {
            return null;
        }
        int start = index(pos.line(), pos.col());
        int end = pos.endLine() > 0 ? index(pos.endLine(), pos.endCol()) : start;
        return new int[]{start, Math.max(0, end - start)};
    }
}
