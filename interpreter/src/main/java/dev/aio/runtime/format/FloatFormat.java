package dev.aio.runtime.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float to text: {@code repr} (shortest round-tripping digits) and {@code format(float, spec)},
 * rounding the exact binary value half-even as CPython does.
 */
public final class FloatFormat {
    private FloatFormat() {
    }

    /** Significant digits without leading or trailing zeros, and the decimal point position: value = 0.DIGITS × 10^decpt. */
    private record Digits(String digits, int decpt) {
    }

    /** The shortest digits that read back as {@code d} (JDK 19+ {@code Double.toString} finds them). */
    private static Digits shortest(double d) {
        String s = Double.toString(Math.abs(d));
        int e = s.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int decpt = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = stripTrailingZeros(digits.substring(lead));
        decpt -= lead;
        // Java writes at least two digits ("4.9E-324") where one may already read back ("5e-324").
        if (digits.length() == 2) {
            long rounded = Math.round(Integer.parseInt(digits) / 10.0);
            if (rounded < 10 && Double.parseDouble(rounded + "e" + (decpt - 1)) == Math.abs(d)) {
                return new Digits(String.valueOf(rounded), decpt);
            }
        }
        return new Digits(digits, decpt);
    }

    /** {@code d} rounded to {@code n} significant digits (zeros kept to make n digits). */
    private static Digits significant(double d, int n) {
        if (d == 0) {
            return new Digits("0".repeat(n), 1);
        }
        BigDecimal bd = new BigDecimal(Math.abs(d)).round(new MathContext(n, RoundingMode.HALF_EVEN));
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        if (digits.length() < n) {
            digits = digits + "0".repeat(n - digits.length());
        } else if (digits.length() > n) {
            digits = digits.substring(0, n);
        }
        return new Digits(digits, decpt);
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        Digits g = shortest(d);
        if (g.decpt() <= -4 || g.decpt() > 16) {
            return sign + exponential(g.digits(), g.decpt(), false, 'e');
        }
        return sign + positional(g.digits(), g.decpt(), true, false);
    }

    /** d.ddd e±XX from digits and decimal point. */
    private static String exponential(String digits, int decpt, boolean keepPoint, char e) {
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1 || keepPoint) {
            sb.append('.').append(digits, 1, digits.length());
        }
        int exp = digits.equals("0") || digits.chars().allMatch(c -> c == '0') ? 0 : decpt - 1;
        sb.append(e).append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }

    /** Positional notation; {@code addDot0} writes {@code 3.0} instead of {@code 3}. */
    private static String positional(String digits, int decpt, boolean addDot0, boolean keepPoint) {
        StringBuilder sb = new StringBuilder();
        if (decpt <= 0) {
            sb.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits).append("0".repeat(decpt - digits.length()));
            if (addDot0) {
                sb.append(".0");
            } else if (keepPoint) {
                sb.append('.');
            }
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }

    public static String format(double value, FormatSpec spec) {
        char type = spec.type();
        switch (type) {
            case FormatSpec.NONE, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%' -> {
            }
            default -> throw new FormatSpecException("Unknown format code '" + type + "' for object of type 'float'");
        }
        if (spec.grouping() != FormatSpec.NONE && type == 'n') {
            throw new FormatSpecException("Cannot specify '" + spec.grouping() + "' with 'n'.");
        }
        double d = value;
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        String body;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            body = Double.isNaN(d) ? "nan" : "inf";
            if (type == 'E' || type == 'F' || type == 'G') {
                body = body.toUpperCase();
            }
            if (type == '%') {
                body += "%";
            }
            negative = !Double.isNaN(d) && d < 0;
        } else {
            double abs = Math.abs(d);
            body = formatFinite(abs, spec);
            if (negative && spec.noNegativeZero() && body.chars().noneMatch(c -> c >= '1' && c <= '9')) {
                negative = false;
            }
        }
        String sign = negative ? "-" : spec.sign() == '+' ? "+" : spec.sign() == ' ' ? " " : "";
        if (spec.grouping() != FormatSpec.NONE && !Double.isNaN(d) && !Double.isInfinite(d)) {
            int end = 0;
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            String intPart = body.substring(0, end);
            String rest = body.substring(end);
            if (spec.fill() == '0' && spec.align() == '=' && spec.width() > 0) {
                intPart = Grouping.zeroPadGrouped(intPart, spec.grouping(), 3, spec.width() - sign.length() - rest.length());
            } else {
                intPart = Grouping.group(intPart, spec.grouping(), 3);
            }
            body = intPart + rest;
        }
        return spec.pad(sign + body, sign.length(), '>');
    }

    private static String formatFinite(double abs, FormatSpec spec) {
        char type = spec.type();
        int p = spec.precision();
        boolean alt = spec.alternate();
        switch (type) {
            case 'f', 'F' -> {
                return fixed(abs, p < 0 ? 6 : p, alt);
            }
            case '%' -> {
                double percent = abs * 100;
                return (Double.isInfinite(percent) ? "inf" : fixed(percent, p < 0 ? 6 : p, alt)) + "%";
            }
            case 'e', 'E' -> {
                int precision = p < 0 ? 6 : p;
                Digits g = significant(abs, precision + 1);
                return exponential(g.digits(), g.decpt(), alt, type);
            }
            case 'g', 'G', 'n' -> {
                return general(abs, p < 0 ? 6 : Math.max(p, 1), alt, false, type == 'G' ? 'E' : 'e');
            }
            default -> {
                if (p < 0) {
                    return repr(abs);
                }
                return general(abs, Math.max(p, 1), alt, true, 'e');
            }
        }
    }

    private static String fixed(double abs, int precision, boolean alt) {
        String s = new BigDecimal(abs).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return precision == 0 && alt ? s + "." : s;
    }

    /** The 'g' rules; with {@code addDot0} (no type letter) positional results keep one decimal. */
    private static String general(double abs, int precision, boolean alt, boolean addDot0, char e) {
        Digits g = significant(abs, precision);
        String digits = alt ? g.digits() : stripTrailingZeros(g.digits());
        int decpt = abs == 0 ? 1 : g.decpt();
        boolean useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
        if (useExp) {
            return exponential(digits, decpt, alt, e);
        }
        return positional(digits, decpt, addDot0 && !alt, alt);
    }
}
