package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBuiltinFunction;
import dev.aio.runtime.PyErrors;

/**
 * {@code __reduce__} of builtin functions, as CPython's {@code meth_reduce}: a module's function
 * reduces to its name, which pickle and copy look up in its {@code __module__} (pickle's
 * protocols 0-2 write bytes as a call of {@code _codecs.encode}).
 */
public final class BuiltinFunctionMethods {
    private BuiltinFunctionMethods() {
    }

    static void install() {
        BuiltinTypes.BUILTIN_FUNCTION.defineBuiltins(BuiltinFunctionMethodsFactory.getFactories());
    }

    @Builtin(name = "__reduce__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReduceNode extends BuiltinNode {
        @Specialization
        static Object doReduce(PyBuiltinFunction self) {
            if (self.getModule() == null) {
                throw PyErrors.typeError("cannot pickle 'builtin_function_or_method' object");
            }
            return self.getName();
        }
    }
}
