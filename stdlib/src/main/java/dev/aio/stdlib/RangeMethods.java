package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyRange;

/** Methods of {@code range}: its constructor ({@code range(stop)}, {@code range(start, stop, step)}). */
public final class RangeMethods {
    private RangeMethods() {
    }

    /** Installs these on {@code range}. */
    static void install() {
        BuiltinTypes.RANGE.defineBuiltins(RangeMethodsFactory.getFactories());
    }

    @Builtin(name = "range", constructor = true, params = {"cls", "start", "stop", "step"}, required = 2)
    @GenerateNodeFactory
    abstract static class RangeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRange(Object cls, Object a, Object b, Object c) {
            if (!Args.given(b)) {
                return new PyRange(0, Args.index(a, "range"), 1);
            }
            long step = Args.given(c) ? Args.index(c, "range") : 1;
            if (step == 0) {
                throw PyErrors.valueError("range() arg 3 must not be zero");
            }
            return new PyRange(Args.index(a, "range"), Args.index(b, "range"), step);
        }
    }
}
