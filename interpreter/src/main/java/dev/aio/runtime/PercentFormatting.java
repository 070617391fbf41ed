package dev.aio.runtime;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * {@code "template" % values}: each conversion is translated to the equivalent format spec and
 * rendered by {@link Formatting}, so both notations share one implementation of the number formats.
 * {@code b"template" % values} (PEP 461) runs the same code over the bytes read as Latin-1 text.
 */
public final class PercentFormatting {
    private PercentFormatting() {
    }

    @TruffleBoundary
    public static String format(String template, Object values) {
        return format(template, values, false);
    }

    /** {@code bytes % values}: the result has the type of the template (bytes or bytearray). */
    @TruffleBoundary
    public static PyBytesLike format(PyBytesLike template, Object values) {
        String text = new String(template.array(), 0, template.length(), StandardCharsets.ISO_8859_1);
        return template.make(format(text, values, true).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String format(String template, Object values, boolean bytes) {
        Object[] args = values instanceof PyTuple t ? t.items() : new Object[]{values};
        PyDict mapping = values instanceof PyDict d ? d : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= n) {
                throw PyErrors.valueError("incomplete format");
            }
            Object mappedValue = null;
            if (template.charAt(i) == '(') {
                int close = template.indexOf(')', i);
                if (close < 0) {
                    throw PyErrors.valueError("incomplete format key");
                }
                if (mapping == null) {
                    throw PyErrors.typeError("format requires a mapping");
                }
                String text = template.substring(i + 1, close);
                Object key = bytes ? new PyBytes(text.getBytes(StandardCharsets.ISO_8859_1)) : text;
                mappedValue = mapping.get(key);
                if (mappedValue == null) {
                    throw PyErrors.keyError(key);
                }
                i = close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ #0".indexOf(template.charAt(i)) >= 0) {
                flags.append(template.charAt(i++));
            }
            String width = "";
            if (i < n && template.charAt(i) == '*') {
                width = String.valueOf(intArg(args, next++));
                i++;
            } else {
                int start = i;
                while (i < n && Character.isDigit(template.charAt(i))) {
                    i++;
                }
                width = template.substring(start, i);
            }
            String precision = null;
            if (i < n && template.charAt(i) == '.') {
                i++;
                if (i < n && template.charAt(i) == '*') {
                    precision = String.valueOf(intArg(args, next++));
                    i++;
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(template.charAt(i))) {
                        i++;
                    }
                    precision = template.substring(start, i).isEmpty() ? "0" : template.substring(start, i);
                }
            }
            while (i < n && "hlL".indexOf(template.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw PyErrors.valueError("incomplete format");
            }
            char type = template.charAt(i++);
            if (type == '%') {
                out.append('%');
                continue;
            }
            Object value;
            if (mappedValue != null) {
                value = mappedValue;
            } else {
                if (next >= args.length) {
                    throw PyErrors.typeError("not enough arguments for format string");
                }
                value = args[next++];
            }
            out.append(convert(type, value, flags.toString(), width, precision, bytes));
        }
        if (mapping == null && next < args.length) {
            throw PyErrors.typeError("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static long intArg(Object[] args, int index) {
        if (index >= args.length) {
            throw PyErrors.typeError("not enough arguments for format string");
        }
        if (!(args[index] instanceof Long l)) {
            throw PyErrors.typeError("* wants int");
        }
        return l;
    }

    private static String convert(char type, Object value, String flags, String width, String precision, boolean bytes) {
        boolean left = flags.indexOf('-') >= 0;
        String align = left ? "<" : flags.indexOf('0') >= 0 && type != 's' && type != 'r' && type != 'a' && type != 'c' ? "0" : ">";
        String sign = flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        String alt = flags.indexOf('#') >= 0 ? "#" : "";
        String prefix = align.equals("0") ? sign + alt + "0" : align + sign + alt;
        if (bytes && (type == 's' || type == 'b')) {
            byte[] b = Bytes.bufferOf(value);
            if (b == null) {
                throw PyErrors.typeError("%b requires a bytes-like object, or an object that implements __bytes__, not '" + PyOps.typeName(value) + "'");
            }
            return Formatting.format(new String(b, StandardCharsets.ISO_8859_1), (left ? "<" : ">") + width + (precision == null ? "" : "." + precision));
        }
        if (bytes && type == 'c') {
            byte[] b = Bytes.bufferOf(value);
            if (b != null && b.length != 1 || b == null && !Numbers.isInt(value)) {
                throw PyErrors.typeError("%c requires an integer in range(256) or a single byte");
            }
            if (b == null && value instanceof Long l && (l < 0 || l > 255)) {
                throw PyErrors.overflowError("%c arg not in range(256)");
            }
            int c = b != null ? b[0] & 0xff : Bytes.byteValue(value, "%c arg not in range(256)");
            return Formatting.format(String.valueOf((char) c), (left ? "<" : ">") + width);
        }
        if (bytes && type == 'r') {
            type = 'a';
        }
        if (type != 's' && type != 'r' && type != 'a') {
            // The numeric and character conversions use the value of an instance of a subclass of int, float or str.
            value = PyValueInstance.unwrap(value);
        }
        switch (type) {
            case 's', 'r', 'a' -> {
                String s = type == 's' ? PyOps.str(value) : type == 'r' ? PyOps.repr(value) : Formatting.ascii(PyOps.repr(value));
                return Formatting.format(s, (left ? "<" : ">") + width + (precision == null ? "" : "." + precision));
            }
            case 'c' -> {
                String s;
                if (Numbers.isInt(value)) {
                    Object n = integral(value, type);
                    s = new String(Character.toChars(codePoint(n instanceof Long l ? l : -1)));
                } else if (value instanceof String text && text.codePointCount(0, text.length()) == 1) {
                    s = text;
                } else {
                    throw PyErrors.typeError("%c requires int or char");
                }
                return Formatting.format(s, (left ? "<" : ">") + width);
            }
            case 'd', 'i', 'u' -> {
                Object number = integral(value, type);
                String spec = prefix + width + "d";
                String r = Formatting.format(number, spec);
                return precision == null ? r : zeroPadDigits(r, precision(precision));
            }
            case 'x', 'X', 'o' -> {
                Object number = integral(value, type);
                return Formatting.format(number, prefix + width + type);
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                if (!Numbers.isNumber(value)) {
                    throw PyErrors.typeError("must be real number, not " + PyOps.typeName(value));
                }
                return Formatting.format(Numbers.toDouble(value), prefix + width + "." + (precision == null ? "6" : precision) + type);
            }
            default -> throw PyErrors.valueError("unsupported format character '" + type + "' (0x" + Integer.toHexString(type) + ")");
        }
    }

    private static Object integral(Object value, char type) {
        if (Numbers.isInt(value)) {
            return value instanceof Boolean b ? (Object) (b ? 1L : 0L) : value;
        }
        if (value instanceof Double d && (type == 'd' || type == 'i' || type == 'u')) {
            if (d.isNaN()) {
                throw PyErrors.valueError("cannot convert float NaN to integer");
            }
            if (d.isInfinite()) {
                throw PyErrors.overflowError("cannot convert float infinity to integer");
            }
            return Numbers.normalize(new BigDecimal(d).toBigInteger());
        }
        String what = type == 'd' || type == 'i' || type == 'u' ? "a real number" : "an integer";
        throw PyErrors.typeError("%" + type + " format: " + what + " is required, not " + PyOps.typeName(value));
    }

    private static int precision(String digits) {
        try {
            return PyErrors.checkedLength(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            throw PyErrors.valueError("precision too big");
        }
    }

    private static int codePoint(long c) {
        if (c < 0 || c > Character.MAX_CODE_POINT) {
            throw PyErrors.overflowError("%c arg not in range(0x110000)");
        }
        return (int) c;
    }

    /** {@code %.3d}: at least that many digits. */
    private static String zeroPadDigits(String formatted, int digits) {
        String trimmed = formatted.strip();
        boolean negative = trimmed.startsWith("-");
        String body = negative ? trimmed.substring(1) : trimmed;
        if (body.length() >= digits) {
            return formatted;
        }
        String padded = (negative ? "-" : "") + "0".repeat(digits - body.length()) + body;
        return formatted.length() > padded.length() ? " ".repeat(formatted.length() - padded.length()) + padded : padded;
    }
}
