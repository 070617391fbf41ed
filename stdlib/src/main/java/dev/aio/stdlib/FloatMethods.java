package dev.aio.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/** Methods of {@code float}: its constructor ({@code float(x)}), {@code as_integer_ratio}. */
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
}
