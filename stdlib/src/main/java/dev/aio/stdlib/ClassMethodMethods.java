package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyDescriptors;

/** The {@code classmethod} type's constructor: a class, as in CPython, so that {@code isinstance(x, classmethod)} works. */
public final class ClassMethodMethods {
    private ClassMethodMethods() {
    }

    static void install() {
        PyDescriptors.classMethodType().defineBuiltins(ClassMethodMethodsFactory.getFactories());
    }

    @Builtin(name = "classmethod", constructor = true, params = {"cls", "function"}, posOnly = 2)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(@SuppressWarnings("unused") Object cls, Object function) {
            return new PyDescriptors.ClassMethod(function);
        }
    }
}
