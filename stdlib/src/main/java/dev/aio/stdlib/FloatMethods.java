package dev.aio.stdlib;

import java.nio.charset.StandardCharsets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/**
 * Methods of {@code float}: its constructor ({@code float(x)}), {@code as_integer_ratio},
 * {@code is_integer}, {@code hex} and {@code fromhex}, and the members of the numeric tower every
 * float has as a Real ({@code real}, {@code imag}, {@code conjugate}).
 */
public final class FloatMethods {
    private FloatMethods() {
    }

    /** Installs these on {@code float}. */
    static void install() {
        BuiltinTypes.FLOAT.defineBuiltins(FloatMethodsFactory.getFactories());
    }

    @Builtin(name = "float", constructor = true, params = {"cls", "x"}, required = 1)
    @GenerateNodeFactory
    abstract static class FloatNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFloat(Object cls, Object x) {
            if (!Args.given(x)) {
                return 0.0;
            }
            if (Numbers.isNumber(x)) {
                return Numbers.toDouble(x);
            }
            if (x instanceof String s) {
                return parseFloat(s);
            }
            if (x instanceof PyBytesLike b) {
                return parseFloat(new String(b.toArray(), StandardCharsets.ISO_8859_1));
            }
            Object r = SpecialMethods.call(x, "__float__");
            if (r != SpecialMethods.NOT_DEFINED) {
                if (!(r instanceof Double)) {
                    throw PyErrors.typeError(PyOps.typeName(x) + ".__float__ returned non-float (type " + PyOps.typeName(r) + ")");
                }
                return r;
            }
            if (x instanceof PyValueInstance v) {
                return doFloat(cls, v.value());
            }
            throw PyErrors.typeError("float() argument must be a string or a real number, not '" + PyOps.typeName(x) + "'");
        }

        static double parseFloat(String text) {
            String s = text.strip().toLowerCase().replace("_", "");
            switch (s) {
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                case "nan", "+nan", "-nan":
                    return Double.NaN;
                default:
                    break;
            }
            if (!s.matches("[+-]?(\\d+\\.?\\d*([e][+-]?\\d+)?|\\.\\d+([e][+-]?\\d+)?)")) {
                throw PyErrors.valueError("could not convert string to float: " + PyOps.repr(text));
            }
            return Double.parseDouble(s);
        }
    }

    /** The exact fraction a float holds, in lowest terms with a positive denominator (CPython's float_as_integer_ratio). */
    @Builtin(name = "as_integer_ratio", params = {"self"})
    @GenerateNodeFactory
    abstract static class AsIntegerRatioNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static PyTuple doDouble(double self) {
            if (Double.isInfinite(self)) {
                throw PyErrors.overflowError("cannot convert Infinity to integer ratio");
            }
            if (Double.isNaN(self)) {
                throw PyErrors.valueError("cannot convert NaN to integer ratio");
            }
            BigDecimal exact = new BigDecimal(self);
            BigInteger numerator = exact.unscaledValue();
            BigInteger denominator = BigInteger.ONE;
            if (exact.scale() < 0) {
                numerator = numerator.multiply(BigInteger.TEN.pow(-exact.scale()));
            } else {
                denominator = BigInteger.TEN.pow(exact.scale());
            }
            BigInteger common = numerator.gcd(denominator);
            return PyTuple.of(Numbers.normalize(numerator.divide(common)), Numbers.normalize(denominator.divide(common)));
        }
    }

    /** {@code float.is_integer()}: whether the float is finite and has no fractional part. */
    @Builtin(name = "is_integer", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsIntegerNode extends BuiltinNode {
        @Specialization
        static boolean doDouble(double self) {
            return !Double.isInfinite(self) && self == Math.rint(self);
        }
    }

    /** {@code float.real}: the float itself. */
    @Builtin(name = "real", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class RealNode extends BuiltinNode {
        @Specialization
        static double doReal(double self) {
            return self;
        }
    }

    /** {@code float.imag}: always 0.0. */
    @Builtin(name = "imag", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ImagNode extends BuiltinNode {
        @Specialization
        static double doImag(@SuppressWarnings("unused") double self) {
            return 0.0;
        }
    }

    /** {@code float.conjugate()}: the float itself. */
    @Builtin(name = "conjugate", params = {"self"})
    @GenerateNodeFactory
    abstract static class ConjugateNode extends BuiltinNode {
        @Specialization
        static double doConjugate(double self) {
            return self;
        }
    }

    /**
     * {@code float.hex()}: CPython's float_hex form, {@code [-]0x1.<13 hex digits>p<signed exponent>}
     * ({@code 0x0.<digits>p-1022} for a subnormal), {@code inf}, {@code nan}. The JDK's hex form has
     * the same digits with the trailing zeros and the exponent's plus sign dropped. Zero is
     * {@code 0x0.0p+0}.
     */
    @Builtin(name = "hex", params = {"self"})
    @GenerateNodeFactory
    abstract static class HexNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static String doHex(double self) {
            if (Double.isNaN(self) || Double.isInfinite(self)) {
                return PyOps.repr(self);
            }
            if (self == 0.0) {
                return Math.copySign(1.0, self) < 0 ? "-0x0.0p+0" : "0x0.0p+0";
            }
            String jdk = Double.toHexString(self);
            int dot = jdk.indexOf('.');
            int p = jdk.indexOf('p');
            String fraction = (jdk.substring(dot + 1, p) + "0000000000000").substring(0, 13);
            String exponent = jdk.substring(p + 1);
            return jdk.substring(0, dot + 1) + fraction + "p" + (exponent.startsWith("-") ? exponent : "+" + exponent);
        }
    }

    /** What {@code float.fromhex} reads (CPython's float_fromhex): sign, optional {@code 0x}, hex digits with an optional point, optional binary exponent. */
    private static final Pattern HEX_FLOAT = Pattern.compile("([+-]?)(?:0[xX])?([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)(?:[pP]([+-]?[0-9]+))?");

    /** {@code float.fromhex(string)}: the float a hexadecimal string (as {@code hex()} writes) stands for, rounded half to even. */
    @Builtin(name = "fromhex", classMethod = true, params = {"cls", "string"})
    @GenerateNodeFactory
    abstract static class FromHexNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFromHex(Object cls, Object string) {
            if (!(PyValueInstance.unwrap(string) instanceof String text)) {
                throw PyErrors.typeError("bad argument type for built-in operation");
            }
            double value = parseHex(text.strip());
            return cls == BuiltinTypes.FLOAT ? (Object) value : Calls.call(cls, value);
        }

        private static double parseHex(String s) {
            String lower = s.toLowerCase();
            String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
            if (unsigned.equals("inf") || unsigned.equals("infinity") || unsigned.equals("nan")) {
                double special = unsigned.equals("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
                return lower.startsWith("-") ? -special : special;
            }
            Matcher m = HEX_FLOAT.matcher(s);
            if (!m.matches()) {
                throw PyErrors.valueError("invalid hexadecimal floating-point string");
            }
            String exponent = m.group(3) == null ? "0" : m.group(3);
            double value;
            try {
                value = Double.parseDouble(m.group(1) + "0x" + m.group(2) + "p" + exponent);
            } catch (NumberFormatException e) {
                // An exponent beyond int: as large (or small) as it gets.
                value = exponent.startsWith("-") || m.group(2).matches("[0.]*") ? 0.0 : Double.POSITIVE_INFINITY;
                value = m.group(1).equals("-") ? -value : value;
            }
            if (Double.isInfinite(value)) {
                throw PyErrors.overflowError("hexadecimal value too large to represent as a float");
            }
            return value;
        }
    }
}
