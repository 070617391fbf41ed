package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * {@code f.__call__(...)} of functions, builtin functions and bound methods, as CPython's
 * {@code tp_call} slot shows it: calling it calls the object (unittest.mock tells callables
 * apart by {@code getattr(obj, '__call__', None)}).
 */
public final class CallableMethods {
    private CallableMethods() {
    }

    static void install() {
        for (PyType t : new PyType[]{BuiltinTypes.FUNCTION, BuiltinTypes.BUILTIN_FUNCTION, BuiltinTypes.METHOD}) {
            t.defineBuiltins(CallableMethodsFactory.getFactories());
        }
    }

    @Builtin(name = "__call__", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class CallNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCall(Object self, PyTuple args, PyDict kwargs) {
            TypeMethods.Keywords kw = TypeMethods.Keywords.of(kwargs);
            return Calls.call(self, args.items(), kw.names(), kw.values());
        }
    }
}
