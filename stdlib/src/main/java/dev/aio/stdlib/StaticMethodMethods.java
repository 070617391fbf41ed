package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyNone;

/**
 * The {@code staticmethod} type: a class, as in CPython, so that {@code isinstance(x, staticmethod)}
 * works, with the {@code __init__} and {@code __get__} a derived class reaches through {@code super()}.
 */
public final class StaticMethodMethods {
    private StaticMethodMethods() {
    }

    static void install() {
        PyDescriptors.staticMethodType().defineBuiltins(StaticMethodMethodsFactory.getFactories());
        PyDescriptors.staticMethodType().setSubclassInstances(PyDescriptors.StaticMethod::new);
    }

    @Builtin(name = "staticmethod", constructor = true, params = {"cls", "function"}, posOnly = 2)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(@SuppressWarnings("unused") Object cls, Object function) {
            return new PyDescriptors.StaticMethod(function);
        }
    }

    /** {@code staticmethod.__init__(function)}. */
    @Builtin(name = "__init__", params = {"self", "function"}, posOnly = 2)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(PyDescriptors.StaticMethod self, Object function) {
            self.function = function;
            return PyNone.NONE;
        }
    }

    /** {@code staticmethod.__get__(obj, type=None)}: the function itself. */
    @Builtin(name = "__get__", params = {"self", "obj", "type"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyDescriptors.StaticMethod self, @SuppressWarnings("unused") Object obj, @SuppressWarnings("unused") Object type) {
            return self.function;
        }
    }
}
