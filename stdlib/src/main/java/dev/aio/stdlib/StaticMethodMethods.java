package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyDescriptors;

/** The {@code staticmethod} type's constructor: a class, as in CPython, so that {@code isinstance(x, staticmethod)} works. */
public final class StaticMethodMethods {
    private StaticMethodMethods() {
    }

    static void install() {
        PyDescriptors.staticMethodType().defineBuiltins(StaticMethodMethodsFactory.getFactories());
    }

    @Builtin(name = "staticmethod", constructor = true, params = {"cls", "function"}, posOnly = 2)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(@SuppressWarnings("unused") Object cls, Object function) {
            return new PyDescriptors.StaticMethod(function);
        }
    }
}
