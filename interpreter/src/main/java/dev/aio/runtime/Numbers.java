package dev.aio.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.ast.BinaryOperator;

/** int/float/bool arithmetic with Python's semantics: unbounded ints, floor division, modulo sign, errors. */
public final class Numbers {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Numbers() {
    }

    public static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof BigInteger;
    }

    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Boolean || o instanceof BigInteger;
    }

    public static boolean isNaN(Object o) {
        return o instanceof Double d && d.isNaN();
    }

    /** An int in its canonical form: Long when it fits. */
    public static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    public static BigInteger big(Object o) {
        if (o instanceof BigInteger b) {
            return b;
        }
        if (o instanceof PyValueInstance v) {
            // A method of int called on an instance of a subclass (Bits(5).to_bytes(2)): its int.
            return big(v.value());
        }
        return BigInteger.valueOf(asLong(o));
    }

    /** An int (Long, Boolean, an instance of a subclass of int) as long; callers check it is not a BigInteger. */
    public static long asLong(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof PyValueInstance v) {
            return asLong(v.value());
        }
        return ((Boolean) o) ? 1 : 0;
    }

    /**
     * An int or float as a double. Only a big int's conversion is behind a boundary: compiled code
     * (the {@code asyncio.sleep(0)} of every task step, say) converts the common kinds inline
     * instead of calling out.
     */
    public static double toDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return bigToDouble((BigInteger) o);
    }

    @TruffleBoundary
    private static double bigToDouble(BigInteger b) {
        double d = b.doubleValue();
        if (Double.isInfinite(d)) {
            throw PyErrors.overflowError("int too large to convert to float");
        }
        return d;
    }

    /** Three-way comparison of two numbers (NaN compares as unordered: callers check it). */
    @TruffleBoundary
    public static int compare(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            if (a instanceof BigInteger || b instanceof BigInteger) {
                return compareExact(a, b);
            }
            return Double.compare(toDouble(a) + 0.0, toDouble(b) + 0.0);
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return big(a).compareTo(big(b));
        }
        return Long.compare(asLong(a), asLong(b));
    }

    private static int compareExact(Object a, Object b) {
        double d = a instanceof Double x ? x : (Double) b;
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            int sign = Double.isNaN(d) ? 0 : (d > 0 ? 1 : -1);
            return a instanceof Double ? sign : -sign;
        }
        BigDecimal x = a instanceof Double ? new BigDecimal(d) : new BigDecimal(big(a));
        BigDecimal y = b instanceof Double ? new BigDecimal(d) : new BigDecimal(big(b));
        return x.compareTo(y);
    }

    @TruffleBoundary
    public static Object add(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return normalize(big(a).add(big(b)));
        }
        long x = asLong(a);
        long y = asLong(b);
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
            return big(a).add(big(b));
        }
        return r;
    }

    @TruffleBoundary
    public static Object sub(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            return toDouble(a) - toDouble(b);
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return normalize(big(a).subtract(big(b)));
        }
        long x = asLong(a);
        long y = asLong(b);
        long r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) {
            return big(a).subtract(big(b));
        }
        return r;
    }

    @TruffleBoundary
    public static Object mul(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            return toDouble(a) * toDouble(b);
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            try {
                return normalize(big(a).multiply(big(b)));
            } catch (ArithmeticException e) {
                throw tooBig();
            }
        }
        long x = asLong(a);
        long y = asLong(b);
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return big(a).multiply(big(b));
    }

    @TruffleBoundary
    public static double trueDiv(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            double y = toDouble(b);
            if (y == 0.0) {
                throw PyErrors.zeroDivision("float division by zero");
            }
            return toDouble(a) / y;
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw PyErrors.zeroDivision("division by zero");
            }
            return new BigDecimal(big(a)).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
        }
        long x = asLong(a);
        long y = asLong(b);
        if (y == 0) {
            throw PyErrors.zeroDivision("division by zero");
        }
        if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
            return (double) x / (double) y;
        }
        return new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
    }

    @TruffleBoundary
    public static Object floorDiv(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            double x = toDouble(a);
            double y = toDouble(b);
            if (y == 0.0) {
                throw PyErrors.zeroDivision("float floor division by zero");
            }
            return floorDivFloat(x, y);
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw PyErrors.zeroDivision("integer division or modulo by zero");
            }
            BigInteger[] qr = big(a).divideAndRemainder(y);
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
                q = q.subtract(BigInteger.ONE);
            }
            return normalize(q);
        }
        long x = asLong(a);
        long y = asLong(b);
        if (y == 0) {
            throw PyErrors.zeroDivision("integer division or modulo by zero");
        }
        if (x == Long.MIN_VALUE && y == -1) {
            return big(a).negate();
        }
        return Math.floorDiv(x, y);
    }

    /** CPython's float floor division: exact for the representable cases, sign of zero preserved. */
    private static double floorDivFloat(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0.0 && ((y < 0) != (mod < 0))) {
            div -= 1.0;
        }
        if (div == 0.0) {
            return Math.copySign(0.0, x / y);
        }
        double floordiv = Math.floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
        return floordiv;
    }

    private static double floatMod(double x, double y) {
        double mod = x % y;
        if (mod != 0.0) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
            }
        } else {
            mod = Math.copySign(0.0, y);
        }
        return mod;
    }

    @TruffleBoundary
    public static Object mod(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            double y = toDouble(b);
            if (y == 0.0) {
                throw PyErrors.zeroDivision("float modulo");
            }
            return floatMod(toDouble(a), y);
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            BigInteger y = big(b);
            if (y.signum() == 0) {
                throw PyErrors.zeroDivision("integer modulo by zero");
            }
            BigInteger r = big(a).mod(y.abs());
            if (y.signum() < 0 && r.signum() != 0) {
                r = r.add(y);
            }
            return normalize(r);
        }
        long y = asLong(b);
        if (y == 0) {
            throw PyErrors.zeroDivision("integer modulo by zero");
        }
        return Math.floorMod(asLong(a), y);
    }

    @TruffleBoundary
    public static Object pow(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            double x = toDouble(a);
            double y = toDouble(b);
            if (x == 0.0 && y < 0) {
                throw PyErrors.zeroDivision("0.0 cannot be raised to a negative power");
            }
            if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
                // CPython's float_pow: a negative base to a fractional power is complex.
                return PyComplex.binary(BinaryOperator.POW, new PyComplex(x, 0.0), new PyComplex(y, 0.0));
            }
            double r = Math.pow(x, y);
            if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
                throw PyErrors.overflowError("(34, 'Numerical result out of range')");
            }
            return r;
        }
        BigInteger exp = big(b);
        if (exp.signum() < 0) {
            double x = toDouble(a);
            if (x == 0.0) {
                throw PyErrors.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return Math.pow(x, exp.doubleValue());
        }
        BigInteger base = big(a);
        if (exp.bitLength() > 31) {
            if (base.abs().compareTo(BigInteger.ONE) <= 0) {
                return normalize(base.signum() < 0 && exp.testBit(0) ? base : base.abs());
            }
            throw tooBig();
        }
        try {
            return normalize(base.pow(exp.intValue()));
        } catch (ArithmeticException e) {
            throw tooBig();
        }
    }

    /**
     * An int result beyond what Java's BigInteger holds (2^31 bits, some 646 million digits):
     * CPython tries to allocate it and, failing, raises MemoryError.
     */
    private static AioException tooBig() {
        return PyErrors.raiseNoArgs(BuiltinTypes.MEMORY_ERROR);
    }

    @TruffleBoundary
    public static Object lshift(Object a, Object b) {
        BigInteger n = big(b);
        if (n.signum() < 0) {
            throw PyErrors.valueError("negative shift count");
        }
        if (n.bitLength() > 63) {
            throw PyErrors.overflowError("too many digits in integer");
        }
        BigInteger x = big(a);
        if (x.signum() == 0) {
            return 0L;
        }
        if (n.bitLength() > 31) {
            throw tooBig();
        }
        try {
            return normalize(x.shiftLeft(n.intValue()));
        } catch (ArithmeticException e) {
            throw tooBig();
        }
    }

    @TruffleBoundary
    public static Object rshift(Object a, Object b) {
        BigInteger n = big(b);
        if (n.signum() < 0) {
            throw PyErrors.valueError("negative shift count");
        }
        if (n.bitLength() > 31) {
            return big(a).signum() < 0 ? -1L : 0L;
        }
        return normalize(big(a).shiftRight(n.intValue()));
    }

    @TruffleBoundary
    public static Object neg(Object a) {
        if (a instanceof Double d) {
            return -d;
        }
        if (a instanceof BigInteger b) {
            return normalize(b.negate());
        }
        long x = asLong(a);
        return x == Long.MIN_VALUE ? big(a).negate() : (Object) (-x);
    }

    @TruffleBoundary
    public static Object abs(Object a) {
        if (a instanceof Double d) {
            return Math.abs(d);
        }
        if (a instanceof BigInteger b) {
            return normalize(b.abs());
        }
        long x = asLong(a);
        return x == Long.MIN_VALUE ? big(a).negate() : (Object) Math.abs(x);
    }
}
