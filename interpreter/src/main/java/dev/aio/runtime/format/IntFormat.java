package dev.aio.runtime.format;

import java.math.BigInteger;

import dev.aio.runtime.IntDigitLimit;

/** {@code format(int, spec)}. */
public final class IntFormat {
    private IntFormat() {
    }

    public static String format(BigInteger value, FormatSpec spec) {
        char type = spec.type();
        switch (type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return FloatFormat.format(value.doubleValue(), spec);
            }
            case FormatSpec.NONE, 'd', 'n', 'b', 'o', 'x', 'X', 'c' -> {
            }
            default -> throw new FormatSpecException("Unknown format code '" + type + "' for object of type 'int'");
        }
        if (spec.precision() >= 0) {
            throw new FormatSpecException("Precision not allowed in integer format specifier");
        }
        if (type == 'c') {
            if (spec.sign() != FormatSpec.NONE) {
                throw new FormatSpecException("Sign not allowed with integer format specifier 'c'");
            }
            if (value.signum() < 0 || value.bitLength() > 21 || value.intValue() > 0x10FFFF) {
                throw new FormatSpecException("%c arg not in range(0x110000)");
            }
            return spec.pad(new String(Character.toChars(value.intValue())), 0, '<');
        }
        if (spec.grouping() == ',' && (type == 'b' || type == 'o' || type == 'x' || type == 'X')) {
            throw new FormatSpecException("Cannot specify ',' with '" + type + "'.");
        }
        int radix = switch (type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = radix == 10 ? IntDigitLimit.toDecimal(value.abs()) : value.abs().toString(radix);
        if (type == 'X') {
            digits = digits.toUpperCase();
        }
        String prefix = !spec.alternate() ? "" : switch (type) {
            case 'b' -> "0b";
            case 'o' -> "0o";
            case 'x' -> "0x";
            case 'X' -> "0X";
            default -> "";
        };
        String sign = value.signum() < 0 ? "-" : spec.sign() == '+' ? "+" : spec.sign() == ' ' ? " " : "";
        int every = radix == 10 ? 3 : 4;
        String grouped;
        if (spec.grouping() != FormatSpec.NONE && spec.fill() == '0' && spec.align() == '=' && spec.width() > 0) {
            grouped = Grouping.zeroPadGrouped(digits, spec.grouping(), every, spec.width() - sign.length() - prefix.length());
        } else {
            grouped = Grouping.group(digits, spec.grouping(), every);
        }
        return spec.pad(sign + prefix + grouped, sign.length() + prefix.length(), '>');
    }
}
