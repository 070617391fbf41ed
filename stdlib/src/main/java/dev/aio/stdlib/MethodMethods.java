package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.ValueOps;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyBoundMethod;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/**
 * The bound method type ({@code types.MethodType}, CPython's Objects/classobject.c): made by
 * {@code MethodType(function, instance)} (binding a function to one object, and how
 * {@code copy.deepcopy} rebuilds a method), and taken apart by {@code __reduce__}.
 */
public final class MethodMethods {
    private MethodMethods() {
    }

    /** Installs these on the method type. */
    static void install() {
        BuiltinTypes.METHOD.defineBuiltins(MethodMethodsFactory.getFactories());
    }

    @Builtin(name = "method", constructor = true, params = {"cls", "function", "instance"}, posOnly = 3)
    @GenerateNodeFactory
    abstract static class MethodNode extends BuiltinNode {
        @Specialization
        static Object doMethod(@SuppressWarnings("unused") Object cls, Object function, Object instance) {
            if (!Calls.isCallable(function)) {
                throw PyErrors.typeError("first argument must be callable");
            }
            if (instance == PyNone.NONE) {
                throw PyErrors.typeError("instance must not be None");
            }
            return new PyBoundMethod(instance, function);
        }
    }

    /** {@code method.__reduce__()}: {@code (getattr, (self.__self__, self.__func__.__name__))}. */
    @Builtin(name = "__reduce__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReduceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReduce(PyBoundMethod self) {
            Object getattr = ((PyModule) ValueOps.importModule("builtins")).get("getattr");
            return PyTuple.of(getattr, PyTuple.of(self.getSelf(), Attributes.get(self.getFunction(), "__name__")));
        }
    }
}
