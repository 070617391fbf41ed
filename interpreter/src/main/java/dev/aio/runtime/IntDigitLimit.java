package dev.aio.runtime;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * CPython 3.11's limit on conversions between int and decimal str ({@code sys.set_int_max_str_digits},
 * default 4300 digits, 0 for none): a longer decimal string or literal, or an int with more decimal
 * digits, raises ValueError (SyntaxError for a literal) instead of a conversion that takes
 * quadratic time. Bases that are powers of two are not limited, as in CPython. aio keeps one limit
 * per process where CPython keeps one per interpreter.
 */
public final class IntDigitLimit {
    public static final int DEFAULT = 4300;
    /** CPython's {@code _PY_LONG_MAX_STR_DIGITS_THRESHOLD}: a limit is 0 or at least this. */
    public static final int THRESHOLD = 640;
    private static final String HINT = "; use sys.set_int_max_str_digits() to increase the limit";
    /** log10(2): decimal digits per bit. */
    private static final double DIGITS_PER_BIT = 0.30102999566398120;

    private static volatile int limit = DEFAULT;

    private IntDigitLimit() {
    }

    public static int get() {
        return limit;
    }

    /** {@code sys.set_int_max_str_digits(maxdigits)}. */
    @TruffleBoundary
    public static void set(long maxDigits) {
        if (maxDigits != 0 && (maxDigits < THRESHOLD || maxDigits > Integer.MAX_VALUE)) {
            throw PyErrors.valueError("maxdigits must be 0 or larger than " + THRESHOLD);
        }
        limit = (int) maxDigits;
    }

    /** The message for a decimal string of {@code digits} digits over the limit, or null if within it. */
    public static String tooManyDigits(long digits) {
        int max = limit;
        return max > 0 && digits > max ? "Exceeds the limit (" + max + " digits) for integer string conversion: value has " + digits + " digits" + HINT : null;
    }

    /** Raises CPython's ValueError when {@code digits} decimal digits are over the limit. */
    public static void checkParse(long digits) {
        String message = tooManyDigits(digits);
        if (message != null) {
            throw PyErrors.valueError(message);
        }
    }

    /** {@code str(n)} of a big int, or CPython's ValueError when it has more digits than the limit allows. */
    @TruffleBoundary
    public static String toDecimal(BigInteger value) {
        int max = limit;
        if (max > 0 && (value.bitLength() - 1) * DIGITS_PER_BIT >= max) {
            // At least max + 1 digits: refuse before the quadratic conversion.
            throw overLimit(max);
        }
        String s = value.toString();
        if (max > 0 && s.length() - (value.signum() < 0 ? 1 : 0) > max) {
            throw overLimit(max);
        }
        return s;
    }

    private static AioException overLimit(int max) {
        return PyErrors.valueError("Exceeds the limit (" + max + " digits) for integer string conversion" + HINT);
    }
}
