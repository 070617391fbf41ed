package dev.aio.runtime.format;

/** {@code format(str, spec)}. */
public final class TextFormat {
    private TextFormat() {
    }

    public static String format(String value, FormatSpec spec) {
        if (spec.type() != FormatSpec.NONE && spec.type() != 's') {
            throw new FormatSpecException("Unknown format code '" + spec.type() + "' for object of type 'str'");
        }
        if (spec.sign() != FormatSpec.NONE) {
            throw new FormatSpecException("Sign not allowed in string format specifier");
        }
        if (spec.alternate()) {
            throw new FormatSpecException("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.align() == '=') {
            throw new FormatSpecException("'=' alignment not allowed in string format specifier");
        }
        if (spec.grouping() != FormatSpec.NONE) {
            throw new FormatSpecException("Cannot specify '" + spec.grouping() + "' with 's'.");
        }
        String s = value;
        if (spec.precision() >= 0 && s.codePointCount(0, s.length()) > spec.precision()) {
            s = s.substring(0, s.offsetByCodePoints(0, spec.precision()));
        }
        return spec.pad(s, 0, '<');
    }
}
