package dev.aio.runtime.format;

/** Thousands separators for the integer part of a number. */
final class Grouping {
    private Grouping() {
    }

    static String group(String digits, char separator, int every) {
        if (separator == FormatSpec.NONE || digits.length() <= every) {
            return digits;
        }
        StringBuilder sb = new StringBuilder();
        int first = digits.length() % every;
        if (first > 0) {
            sb.append(digits, 0, first);
        }
        for (int i = first; i < digits.length(); i += every) {
            if (sb.length() > 0) {
                sb.append(separator);
            }
            sb.append(digits, i, i + every);
        }
        return sb.toString();
    }

    /** With '0' padding and grouping, CPython groups the zeros too: format(1234, '010,') is '00,001,234'. */
    static String zeroPadGrouped(String digits, char separator, int every, int width) {
        String d = digits;
        String grouped = group(d, separator, every);
        while (grouped.length() < width) {
            d = "0" + d;
            grouped = group(d, separator, every);
        }
        return grouped;
    }
}
