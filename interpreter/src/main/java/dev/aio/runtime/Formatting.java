package dev.aio.runtime;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.format.FloatFormat;
import dev.aio.runtime.format.FormatSpec;
import dev.aio.runtime.format.FormatSpecException;
import dev.aio.runtime.format.IntFormat;
import dev.aio.runtime.format.TextFormat;

/** {@code format(value, spec)} for every value, and {@code ascii()}. */
public final class Formatting {
    private Formatting() {
    }

    @TruffleBoundary
    public static String format(Object value, String spec) {
        if (SpecialMethods.isUserObject(value)) {
            Object r = SpecialMethods.call(value, "__format__", spec);
            if (r != SpecialMethods.NOT_DEFINED) {
                if (!(r instanceof String s)) {
                    throw PyErrors.typeError("__format__ must return a str, not " + PyOps.typeName(r));
                }
                return s;
            }
        }
        if (spec.isEmpty()) {
            return PyOps.str(value);
        }
        // int.__format__, float.__format__, str.__format__ for an instance of a subclass: they format its value.
        value = PyValueInstance.unwrap(value);
        try {
            if (value instanceof String s) {
                return TextFormat.format(s, FormatSpec.parse(spec));
            }
            if (value instanceof Boolean b) {
                return IntFormat.format(b ? BigInteger.ONE : BigInteger.ZERO, FormatSpec.parse(spec));
            }
            if (value instanceof Long l) {
                return IntFormat.format(BigInteger.valueOf(l), FormatSpec.parse(spec));
            }
            if (value instanceof BigInteger b) {
                return IntFormat.format(b, FormatSpec.parse(spec));
            }
            if (value instanceof Double d) {
                return FloatFormat.format(d.doubleValue(), FormatSpec.parse(spec));
            }
        } catch (FormatSpecException e) {
            throw PyErrors.valueError(e.getMessage());
        }
        throw PyErrors.typeError("unsupported format string passed to " + PyOps.typeName(value) + ".__format__");
    }

    /** {@code ascii()}: a repr with every non-ASCII character escaped. */
    @TruffleBoundary
    public static String ascii(String repr) {
        StringBuilder sb = new StringBuilder();
        repr.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        });
        return sb.toString();
    }
}
