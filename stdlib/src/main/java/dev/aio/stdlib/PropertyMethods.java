package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyNone;

/** Methods of property objects: {@code @x.setter}, {@code @x.getter}, {@code @x.deleter}. */
public final class PropertyMethods {
    private PropertyMethods() {
    }

    /** Installs these on {@code property}. */
    static void install() {
        PyDescriptors.propertyType().defineBuiltins(PropertyMethodsFactory.getFactories());
    }

    @Builtin(name = "property", constructor = true, params = {"cls", "fget", "fset", "fdel", "doc"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(@SuppressWarnings("unused") Object cls, Object getter, Object setter, Object deleter, Object doc) {
            return new PyDescriptors.Property(getter, givenOrNull(setter), givenOrNull(deleter), givenOrNull(doc));
        }

        private static Object givenOrNull(Object given) {
            return given == Missing.INSTANCE || given == PyNone.NONE ? null : given;
        }
    }

    @Builtin(name = "setter", params = {"self", "fset"})
    @GenerateNodeFactory
    abstract static class SetterNode extends BuiltinNode {
        @Specialization
        static Object doSetter(PyDescriptors.Property self, Object setter) {
            return new PyDescriptors.Property(self.getter, setter, self.deleter, self.doc);
        }
    }

    @Builtin(name = "getter", params = {"self", "fget"})
    @GenerateNodeFactory
    abstract static class GetterNode extends BuiltinNode {
        @Specialization
        static Object doGetter(PyDescriptors.Property self, Object getter) {
            return new PyDescriptors.Property(getter, self.setter, self.deleter, self.doc);
        }
    }

    @Builtin(name = "deleter", params = {"self", "fdel"})
    @GenerateNodeFactory
    abstract static class DeleterNode extends BuiltinNode {
        @Specialization
        static Object doDeleter(PyDescriptors.Property self, Object deleter) {
            return new PyDescriptors.Property(self.getter, self.setter, deleter, self.doc);
        }
    }
}

