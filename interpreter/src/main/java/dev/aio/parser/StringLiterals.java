package dev.aio.parser;

import java.io.ByteArrayOutputStream;

/**
 * Decodes the body of a (non-f) string or bytes literal: Python's escape sequences, or none for raw
 * literals.
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /** Thrown with a column offset into the body when an escape is malformed. */
    static final class BadEscape extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        BadEscape(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    static String decode(String body, boolean raw) {
        if (raw || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                sb.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            int start = i;
            i += 2;
            switch (e) {
                case '\n' -> {
                }
                case '\r' -> {
                    if (i < body.length() && body.charAt(i) == '\n') {
                        i++;
                    }
                }
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case 'x' -> i = hex(body, i, 2, sb, start, "truncated \\xXX escape");
                case 'u' -> i = hex(body, i, 4, sb, start, "truncated \\uXXXX escape");
                case 'U' -> i = hex(body, i, 8, sb, start, "truncated \\UXXXXXXXX escape");
                case 'N' -> {
                    int close = body.indexOf('}', i);
                    if (i >= body.length() || body.charAt(i) != '{' || close < 0) {
                        throw new BadEscape("(unicode error) 'unicodeescape' codec can't decode bytes in position " + start + "-" + (start + 1) + ": malformed \\N character escape", start);
                    }
                    try {
                        sb.appendCodePoint(Character.codePointOf(body.substring(i + 1, close)));
                    } catch (IllegalArgumentException ex) {
                        throw new BadEscape("(unicode error) 'unicodeescape' codec can't decode bytes in position " + start + "-" + close + ": unknown Unicode character name", start);
                    }
                    i = close + 1;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            value = value * 8 + (body.charAt(i++) - '0');
                            digits++;
                        }
                        sb.appendCodePoint(value);
                    } else {
                        // Python keeps unknown escapes as they are (with a DeprecationWarning).
                        sb.append('\\').append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int hex(String body, int i, int n, StringBuilder sb, int start, String what) {
        if (i + n > body.length()) {
            throw new BadEscape("(unicode error) 'unicodeescape' codec can't decode bytes in position " + start + "-" + (body.length() - 1) + ": " + what, start);
        }
        String digits = body.substring(i, i + n);
        try {
            int cp = Integer.parseUnsignedInt(digits, 16);
            if (digits.chars().anyMatch(ch -> Character.digit(ch, 16) < 0)) {
                throw new NumberFormatException();
            }
            sb.appendCodePoint(cp);
        } catch (IllegalArgumentException ex) {
            throw new BadEscape("(unicode error) 'unicodeescape' codec can't decode bytes in position " + start + "-" + (i + n - 1) + ": " + what, start);
        }
        return i + n;
    }

    /**
     * The bytes of a bytes literal's body (ASCII characters only, which the caller checks), as
     * CPython's {@code _PyBytes_DecodeEscape}: {@code \\u}, {@code \\U} and {@code \\N} are not escapes there and stay as written.
     */
    static byte[] decodeBytes(String body, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (raw || c != '\\' || i + 1 >= body.length()) {
                out.write(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            int start = i;
            i += 2;
            switch (e) {
                case '\n' -> {
                }
                case '\r' -> {
                    if (i < body.length() && body.charAt(i) == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.write(e);
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(0x0b);
                case 'x' -> {
                    int hi = i < body.length() ? Character.digit(body.charAt(i), 16) : -1;
                    int lo = i + 1 < body.length() ? Character.digit(body.charAt(i + 1), 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw new BadEscape("(value error) invalid \\x escape at position " + start, start);
                    }
                    out.write(hi * 16 + lo);
                    i += 2;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            value = value * 8 + (body.charAt(i++) - '0');
                            digits++;
                        }
                        // CPython 3.11 keeps the low 8 bits of an octal escape above 0o377.
                        out.write(value & 0xff);
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }
}
