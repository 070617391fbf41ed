package dev.aio.stdlib;

import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBoundMethod;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/**
 * The introspection attributes of a function: its code, globals, closure cells and keyword-only
 * defaults (CPython's Objects/funcobject.c); {@code __name__}, {@code __defaults__} and the other
 * writable ones are the runtime's {@code Attributes}.
 */
public final class FunctionMethods {
    private FunctionMethods() {
    }

    static void install() {
        BuiltinTypes.FUNCTION.defineBuiltins(FunctionMethodsFactory.getFactories());
    }

    /** {@code function.__get__(obj, type=None)}: a method bound to {@code obj}, the function itself for None (CPython's func_descr_get). */
    @Builtin(name = "__get__", params = {"self", "obj", "type"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyFunction self, Object obj, @SuppressWarnings("unused") Object type) {
            return obj == PyNone.NONE ? self : new PyBoundMethod(obj, self);
        }
    }

    @Builtin(name = "__code__", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class CodeNode extends BuiltinNode {
        @Specialization
        static Object doCode(PyFunction self) {
            return self.getCode();
        }
    }

    @Builtin(name = "__globals__", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class GlobalsNode extends BuiltinNode {
        @Specialization
        static Object doGlobals(PyFunction self) {
            return self.getGlobals().namespace();
        }
    }

    @Builtin(name = "__builtins__", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class BuiltinsNode extends BuiltinNode {
        @Specialization
        Object doBuiltins(@SuppressWarnings("unused") PyFunction self) {
            return AioContext.get(this).getBuiltins().namespace();
        }
    }

    /** The cells of the variables the function uses from enclosing functions, or None. */
    @Builtin(name = "__closure__", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ClosureNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doClosure(PyFunction self) {
            return self.getClosure() == null || self.getClosure().length == 0 ? PyNone.NONE : new PyTuple(self.getClosure().clone());
        }
    }

    @Builtin(name = "__kwdefaults__", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class KwDefaultsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doKwDefaults(PyFunction self) {
            Map<String, Object> defaults = self.getKwDefaults();
            if (defaults == null || defaults.isEmpty()) {
                return PyNone.NONE;
            }
            PyDict d = new PyDict();
            defaults.forEach(d::put);
            return d;
        }
    }
}
