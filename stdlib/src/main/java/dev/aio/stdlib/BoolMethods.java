package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyOps;

/** Methods of {@code bool}: its constructor ({@code bool(x)}). */
public final class BoolMethods {
    private BoolMethods() {
    }

    /** Installs these on {@code bool}. */
    static void install() {
        BuiltinTypes.BOOL.defineBuiltins(BoolMethodsFactory.getFactories());
    }

    @Builtin(name = "bool", constructor = true, params = {"cls", "x"}, required = 1)
    @GenerateNodeFactory
    abstract static class BoolNode extends BuiltinNode {
        @Specialization
        static boolean doBool(Object cls, Object x) {
            return Args.given(x) && PyOps.isTrue(x);
        }
    }
}
