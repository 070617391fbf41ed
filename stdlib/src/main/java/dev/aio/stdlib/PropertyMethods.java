package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyDescriptors;

/** Methods of property objects: {@code @x.setter}. */
public final class PropertyMethods {
    private PropertyMethods() {
    }

    /** Installs these on {@code property}. */
    static void install() {
        PyDescriptors.propertyType().defineBuiltins(PropertyMethodsFactory.getFactories());
    }

    @Builtin(name = "setter", params = {"self", "fset"})
    @GenerateNodeFactory
    abstract static class SetterNode extends BuiltinNode {
        @Specialization
        static Object doSetter(PyDescriptors.Property self, Object setter) {
            return new PyDescriptors.Property(self.getter, setter);
        }
    }

    @Builtin(name = "getter", params = {"self", "fget"})
    @GenerateNodeFactory
    abstract static class GetterNode extends BuiltinNode {
        @Specialization
        static Object doGetter(PyDescriptors.Property self, Object getter) {
            return new PyDescriptors.Property(getter, self.setter);
        }
    }
}

