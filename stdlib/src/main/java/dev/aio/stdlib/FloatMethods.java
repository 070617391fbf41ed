package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.SpecialMethods;

/** Methods of {@code float}: its constructor ({@code float(x)}). */
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
}
