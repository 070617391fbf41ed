package dev.aio.launcher.repl;

import java.util.List;
import java.util.Set;

/**
 * Whether the lines typed so far make a complete input, as CPython's interactive console decides:
 * while a bracket, a triple-quoted string or a backslash continuation is open, more lines are
 * needed; a compound statement ({@code def}, {@code if}... even with its body on the same line, or
 * any line that opens a block) goes on until an empty line.
 */
final class InputCompleteness {
    private static final Set<String> COMPOUND = Set.of("if", "while", "for", "try", "with", "def", "class", "async");

    private InputCompleteness() {
    }

    static boolean needsMore(List<String> lines) {
        int depth = 0;
        String openTriple = null;
        boolean continued = false;
        boolean compound = false;
        boolean anyCode = false;
        for (String line : lines) {
            continued = false;
            char last = 0;
            int i = 0;
            while (i < line.length()) {
                if (openTriple != null) {
                    int end = closingQuote(line, i, openTriple);
                    if (end < 0) {
                        i = line.length();
                    } else {
                        openTriple = null;
                        i = end;
                        last = '"';
                    }
                    continue;
                }
                char c = line.charAt(i);
                if (c == '#') {
                    break;
                }
                if (c == '\'' || c == '"') {
                    String q = String.valueOf(c);
                    if (line.startsWith(q.repeat(3), i)) {
                        openTriple = q.repeat(3);
                        i += 3;
                    } else {
                        int end = closingQuote(line, i + 1, q);
                        // An unterminated one-line string is an error for the compiler to report.
                        i = end < 0 ? line.length() : end;
                    }
                    last = c;
                    continue;
                }
                if ("([{".indexOf(c) >= 0) {
                    depth++;
                } else if (")]}".indexOf(c) >= 0 && depth > 0) {
                    depth--;
                } else if (c == '\\' && i == line.length() - 1) {
                    continued = true;
                }
                if (!Character.isWhitespace(c)) {
                    last = c;
                }
                i++;
            }
            if (last != 0 && !anyCode) {
                anyCode = true;
                String stripped = line.strip();
                int wordEnd = 0;
                while (wordEnd < stripped.length() && Character.isJavaIdentifierPart(stripped.charAt(wordEnd))) {
                    wordEnd++;
                }
                compound = stripped.startsWith("@") || COMPOUND.contains(stripped.substring(0, wordEnd));
            }
            if (last == ':' && depth == 0 && openTriple == null) {
                compound = true;
            }
        }
        if (depth > 0 || openTriple != null || continued) {
            return true;
        }
        return compound && !lines.get(lines.size() - 1).isBlank();
    }

    /** The index just past the quote that closes a string at {@code from}, or -1 if the line ends first. */
    private static int closingQuote(String line, int from, String quote) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (line.startsWith(quote, i)) {
                return i + quote.length();
            }
        }
        return -1;
    }
}
