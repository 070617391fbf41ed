package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyContextToken;

/** Attributes of {@code contextvars.Token}, and its {@code MISSING}. */
public final class ContextTokenMethods {
    private ContextTokenMethods() {
    }

    /** Installs these on the type. */
    static void install() {
        PyContextToken.TYPE.defineBuiltins(ContextTokenMethodsFactory.getFactories());
        PyContextToken.TYPE.define("MISSING", PyContextToken.MISSING);
    }

    @Builtin(name = "var", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class VarNode extends BuiltinNode {
        @Specialization
        static Object doVar(PyContextToken self) {
            return self.var();
        }
    }

    @Builtin(name = "old_value", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class OldValueNode extends BuiltinNode {
        @Specialization
        static Object doOldValue(PyContextToken self) {
            return self.oldValue();
        }
    }
}
