package dev.aio.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.IntDigitLimit;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/**
 * Methods of {@code int}: its constructor ({@code int(x)}, {@code int(s, base)}), {@code bit_length},
 * {@code bit_count}, the byte conversions, and the members of the numeric tower every int has as a
 * Rational ({@code numerator}, {@code denominator}, {@code real}, {@code imag}, {@code conjugate},
 * {@code as_integer_ratio}); {@code bool} inherits them.
 */
public final class IntMethods {
    private IntMethods() {
    }

    /** Installs these on {@code int}. */
    static void install() {
        BuiltinTypes.INT.defineBuiltins(IntMethodsFactory.getFactories());
    }

    /** The number of bits of {@code abs(self)} without leading zeros. */
    @Builtin(name = "bit_length", params = {"self"})
    @GenerateNodeFactory
    abstract static class BitLengthNode extends BuiltinNode {
        @Specialization
        static long doLong(long self) {
            return 64 - Long.numberOfLeadingZeros(Math.abs(self));
        }

        @Specialization
        @TruffleBoundary
        static long doBig(BigInteger self) {
            return self.abs().bitLength();
        }

        @Specialization
        static long doBool(boolean self) {
            return self ? 1 : 0;
        }
    }

    /** The number of ones in the binary representation of {@code abs(self)}. */
    @Builtin(name = "bit_count", params = {"self"})
    @GenerateNodeFactory
    abstract static class BitCountNode extends BuiltinNode {
        @Specialization
        static long doLong(long self) {
            return Long.bitCount(Math.abs(self));
        }

        @Specialization
        @TruffleBoundary
        static long doBig(BigInteger self) {
            return self.abs().bitCount();
        }

        @Specialization
        static long doBool(boolean self) {
            return self ? 1 : 0;
        }
    }

    /** The int {@code self} stands for: a bool's int is 0 or 1 (CPython's members give an exact int, never a bool). */
    private static Object exactInt(Object self) {
        return self instanceof Boolean b ? (Object) (b ? 1L : 0L) : self;
    }

    /** {@code int.numerator}: the int itself. */
    @Builtin(name = "numerator", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NumeratorNode extends BuiltinNode {
        @Specialization
        static Object doNumerator(Object self) {
            return exactInt(self);
        }
    }

    /** {@code int.denominator}: always 1. */
    @Builtin(name = "denominator", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class DenominatorNode extends BuiltinNode {
        @Specialization
        static long doDenominator(@SuppressWarnings("unused") Object self) {
            return 1;
        }
    }

    /** {@code int.real}: the int itself. */
    @Builtin(name = "real", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class RealNode extends BuiltinNode {
        @Specialization
        static Object doReal(Object self) {
            return exactInt(self);
        }
    }

    /** {@code int.imag}: always 0. */
    @Builtin(name = "imag", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ImagNode extends BuiltinNode {
        @Specialization
        static long doImag(@SuppressWarnings("unused") Object self) {
            return 0;
        }
    }

    /** {@code int.conjugate()}: the int itself, as a real number is its own conjugate. */
    @Builtin(name = "conjugate", params = {"self"})
    @GenerateNodeFactory
    abstract static class ConjugateNode extends BuiltinNode {
        @Specialization
        static Object doConjugate(Object self) {
            return exactInt(self);
        }
    }

    /** {@code int.as_integer_ratio()}: {@code (self, 1)}. */
    @Builtin(name = "as_integer_ratio", params = {"self"})
    @GenerateNodeFactory
    abstract static class AsIntegerRatioNode extends BuiltinNode {
        @Specialization
        static PyTuple doAsIntegerRatio(Object self) {
            return PyTuple.of(exactInt(self), 1L);
        }
    }

    /** {@code int.to_bytes(length=1, byteorder='big', *, signed=False)}: two's complement when signed. */
    @Builtin(name = "to_bytes", params = {"self", "length", "byteorder"}, required = 1, posOnly = 1, kwOnly = {"signed"})
    @GenerateNodeFactory
    abstract static class ToBytesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doToBytes(Object self, Object length, Object byteorder, Object signed) {
            long n = Args.given(length) ? Args.index(length, "length") : 1;
            if (n < 0) {
                throw PyErrors.valueError("length argument must be non-negative");
            }
            boolean little = littleEndian(byteorder);
            boolean isSigned = Args.given(signed) && PyOps.isTrue(signed);
            BigInteger value = Numbers.big(self instanceof Boolean b ? (Object) (b ? 1L : 0L) : self);
            if (!isSigned && value.signum() < 0) {
                throw PyErrors.overflowError("can't convert negative int to unsigned");
            }
            int bits = isSigned ? value.bitLength() + 1 : value.bitLength();
            if (bits > n * 8 && !(value.signum() == 0 && n == 0)) {
                throw PyErrors.overflowError("int too big to convert");
            }
            byte[] twos = value.toByteArray();
            byte[] out = new byte[PyErrors.checkedLength(n)];
            byte fill = (byte) (value.signum() < 0 ? 0xff : 0);
            for (int i = 0; i < out.length; i++) {
                int from = twos.length - 1 - i;
                out[out.length - 1 - i] = from >= 0 ? twos[from] : fill;
            }
            if (little) {
                for (int i = 0; i < out.length / 2; i++) {
                    byte t = out[i];
                    out[i] = out[out.length - 1 - i];
                    out[out.length - 1 - i] = t;
                }
            }
            return new PyBytes(out);
        }
    }

    private static boolean littleEndian(Object byteorder) {
        String order = Args.given(byteorder) ? Args.string(byteorder, "to_bytes() argument 'byteorder'") : "big";
        if (!order.equals("big") && !order.equals("little")) {
            throw PyErrors.valueError("byteorder must be either 'little' or 'big'");
        }
        return order.equals("little");
    }

    /** {@code int.from_bytes(bytes, byteorder='big', *, signed=False)}. */
    @Builtin(name = "from_bytes", classMethod = true, params = {"cls", "bytes", "byteorder"}, required = 2, posOnly = 1, kwOnly = {"signed"})
    @GenerateNodeFactory
    abstract static class FromBytesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFromBytes(Object cls, Object bytes, Object byteorder, Object signed) {
            byte[] b = Bytes.bufferOf(bytes);
            if (b == null) {
                b = Bytes.fromObject(bytes, "bytes");
            }
            if (littleEndian(byteorder)) {
                for (int i = 0; i < b.length / 2; i++) {
                    byte t = b[i];
                    b[i] = b[b.length - 1 - i];
                    b[b.length - 1 - i] = t;
                }
            }
            boolean isSigned = Args.given(signed) && PyOps.isTrue(signed);
            BigInteger value = b.length == 0 ? BigInteger.ZERO : isSigned ? new BigInteger(b) : new BigInteger(1, b);
            Object result = Numbers.normalize(value);
            return cls == BuiltinTypes.INT ? result : Calls.call(cls, result);
        }
    }

    @Builtin(name = "int", constructor = true, params = {"cls", "x", "base"}, required = 1, posOnly = 2)
    @GenerateNodeFactory
    abstract static class IntNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInt(Object cls, Object x, Object base) {
            if (!Args.given(x)) {
                return 0L;
            }
            if (Args.given(base)) {
                Object text = PyValueInstance.unwrap(x);
                if (text instanceof PyBytesLike b) {
                    // bytes and bytearray are strings here too, as in CPython (pickle's protocol 0 reads ints so).
                    text = new String(b.toArray(), StandardCharsets.ISO_8859_1);
                }
                if (!(text instanceof String s)) {
                    throw PyErrors.typeError("int() can't convert non-string with explicit base");
                }
                return parseInt(s, (int) Args.index(base, "base"));
            }
            if (x instanceof Long || x instanceof BigInteger) {
                return x;
            }
            if (x instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            if (x instanceof Double d) {
                if (d.isNaN()) {
                    throw PyErrors.valueError("cannot convert float NaN to integer");
                }
                if (d.isInfinite()) {
                    throw PyErrors.overflowError("cannot convert float infinity to integer");
                }
                return Numbers.normalize(new BigDecimal(d).toBigInteger());
            }
            if (x instanceof String s) {
                return parseInt(s, 10);
            }
            if (x instanceof PyBytesLike b) {
                return parseInt(new String(b.toArray(), StandardCharsets.ISO_8859_1), 10);
            }
            for (String method : new String[]{"__int__", "__index__"}) {
                Object r = SpecialMethods.call(x, method);
                if (r != SpecialMethods.NOT_DEFINED) {
                    if (!(r instanceof Long || r instanceof BigInteger || r instanceof Boolean)) {
                        throw PyErrors.typeError(method + " returned non-int (type " + PyOps.typeName(r) + ")");
                    }
                    return r instanceof Boolean b ? (b ? 1L : 0L) : r;
                }
            }
            if (x instanceof PyValueInstance v) {
                return doInt(cls, v.value(), base);
            }
            throw PyErrors.typeError("int() argument must be a string, a bytes-like object or a real number, not '" + PyOps.typeName(x) + "'");
        }

        static Object parseInt(String text, int base) {
            String s = text.strip().replace("_", "");
            int radix = base;
            String digits = s;
            boolean negative = false;
            if (digits.startsWith("-") || digits.startsWith("+")) {
                negative = digits.startsWith("-");
                digits = digits.substring(1);
            }
            String lower = digits.toLowerCase();
            if ((radix == 16 || radix == 0) && lower.startsWith("0x")) {
                radix = 16;
                digits = digits.substring(2);
            } else if ((radix == 8 || radix == 0) && lower.startsWith("0o")) {
                radix = 8;
                digits = digits.substring(2);
            } else if ((radix == 2 || radix == 0) && lower.startsWith("0b")) {
                radix = 2;
                digits = digits.substring(2);
            } else if (radix == 0) {
                radix = 10;
            }
            try {
                if (digits.isEmpty() || text.strip().startsWith("_") || text.contains("__") || text.strip().endsWith("_")) {
                    throw new NumberFormatException();
                }
                if (Integer.bitCount(radix) != 1) {
                    IntDigitLimit.checkParse(digits.length() - digits.chars().filter(c -> c == '_').count());
                }
                BigInteger v = new BigInteger(digits, radix);
                return Numbers.normalize(negative ? v.negate() : v);
            } catch (NumberFormatException e) {
                throw PyErrors.valueError("invalid literal for int() with base " + base + ": " + PyOps.repr(text));
            }
        }
    }
}
