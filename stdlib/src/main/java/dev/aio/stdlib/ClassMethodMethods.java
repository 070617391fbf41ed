package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyBoundMethod;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * The {@code classmethod} type: a class, as in CPython, so that {@code isinstance(x, classmethod)}
 * works, with the {@code __init__} and {@code __get__} a derived class reaches through {@code super()}.
 */
public final class ClassMethodMethods {
    private ClassMethodMethods() {
    }

    static void install() {
        PyDescriptors.classMethodType().defineBuiltins(ClassMethodMethodsFactory.getFactories());
        PyDescriptors.classMethodType().setSubclassInstances(PyDescriptors.ClassMethod::new);
    }

    @Builtin(name = "classmethod", constructor = true, params = {"cls", "function"}, posOnly = 2)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(@SuppressWarnings("unused") Object cls, Object function) {
            return new PyDescriptors.ClassMethod(function);
        }
    }

    /** {@code classmethod.__init__(function)}. */
    @Builtin(name = "__init__", params = {"self", "function"}, posOnly = 2)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(PyDescriptors.ClassMethod self, Object function) {
            self.function = function;
            return PyNone.NONE;
        }
    }

    /** {@code classmethod.__get__(obj, type=None)}: the function bound to the class ({@code type(obj)} when no class is given). */
    @Builtin(name = "__get__", params = {"self", "obj", "type"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyDescriptors.ClassMethod self, Object obj, Object type) {
            Object cls = type == Missing.INSTANCE || type == PyNone.NONE ? PyOps.typeOf(obj) : type;
            return new PyBoundMethod(cls, self.function);
        }
    }
}
