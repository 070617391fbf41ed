package dev.aio.runtime.format;

import dev.aio.runtime.PyErrors;

/**
 * A parsed format spec, Python's mini-language:
 * {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}.
 */
public record FormatSpec(int fill, char align, char sign, boolean noNegativeZero, boolean alternate, boolean zeroPad, int width, char grouping,
                int precision, char type) {

    public static final char NONE = 0;

    public static FormatSpec parse(String spec) {
        int[] cps = spec.codePoints().toArray();
        int i = 0;
        int fill = ' ';
        char align = NONE;
        if (cps.length >= 2 && isAlign(cps[1])) {
            fill = cps[0];
            align = (char) cps[1];
            i = 2;
        } else if (cps.length >= 1 && isAlign(cps[0])) {
            align = (char) cps[0];
            i = 1;
        }
        char sign = NONE;
        if (i < cps.length && (cps[i] == '+' || cps[i] == '-' || cps[i] == ' ')) {
            sign = (char) cps[i++];
        }
        boolean z = false;
        if (i < cps.length && cps[i] == 'z') {
            z = true;
            i++;
        }
        boolean alternate = false;
        if (i < cps.length && cps[i] == '#') {
            alternate = true;
            i++;
        }
        boolean zeroPad = false;
        if (i < cps.length && cps[i] == '0') {
            zeroPad = true;
            i++;
        }
        int width = -1;
        int start = i;
        while (i < cps.length && Character.isDigit(cps[i])) {
            i++;
        }
        if (i > start) {
            width = number(cps, start, i);
        }
        char grouping = NONE;
        if (i < cps.length && (cps[i] == ',' || cps[i] == '_')) {
            grouping = (char) cps[i++];
            if (i < cps.length && (cps[i] == ',' || cps[i] == '_')) {
                throw new FormatSpecException("Cannot specify both ',' and '_'.");
            }
        }
        int precision = -1;
        if (i < cps.length && cps[i] == '.') {
            i++;
            start = i;
            while (i < cps.length && Character.isDigit(cps[i])) {
                i++;
            }
            if (i == start) {
                throw new FormatSpecException("Format specifier missing precision");
            }
            precision = number(cps, start, i);
        }
        char type = NONE;
        if (i < cps.length) {
            type = (char) cps[i++];
        }
        if (i < cps.length) {
            throw new FormatSpecException("Invalid format specifier");
        }
        if (zeroPad && align == NONE) {
            fill = '0';
            align = '=';
        }
        return new FormatSpec(fill, align, sign, z, alternate, zeroPad, width, grouping, precision, type);
    }

    /** A width or precision: CPython refuses one beyond its ssize_t; a Java string ends sooner (MemoryError). */
    private static int number(int[] cps, int start, int end) {
        long n;
        try {
            n = Long.parseLong(new String(cps, start, end - start));
        } catch (NumberFormatException e) {
            throw new FormatSpecException("Too many decimal digits in format string");
        }
        return PyErrors.checkedLength(n);
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '^' || c == '=';
    }

    /** Pads {@code body} (which begins with {@code prefixLength} chars of sign/prefix) to the width. */
    String pad(String body, int prefixLength, char defaultAlign) {
        int length = body.codePointCount(0, body.length());
        if (width <= length) {
            return body;
        }
        int padding = width - length;
        String fillText = new String(Character.toChars(fill));
        char a = align == NONE ? defaultAlign : align;
        return switch (a) {
            case '<' -> body + fillText.repeat(padding);
            case '^' -> fillText.repeat(padding / 2) + body + fillText.repeat(padding - padding / 2);
            case '=' -> body.substring(0, prefixLength) + fillText.repeat(padding) + body.substring(prefixLength);
            default -> fillText.repeat(padding) + body;
        };
    }
}
