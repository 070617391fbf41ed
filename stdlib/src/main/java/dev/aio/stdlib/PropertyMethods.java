package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * Methods of property objects: {@code @x.setter}, {@code @x.getter}, {@code @x.deleter}, and the
 * descriptor methods and {@code __init__} a class derived from property reaches through
 * {@code super()} (CPython's Objects/descrobject.c).
 */
public final class PropertyMethods {
    private PropertyMethods() {
    }

    /** Installs these on {@code property}. */
    static void install() {
        PyDescriptors.propertyType().defineBuiltins(PropertyMethodsFactory.getFactories());
        PyDescriptors.propertyType().setSubclassInstances(PyDescriptors.Property::new);
    }

    @Builtin(name = "property", constructor = true, params = {"cls", "fget", "fset", "fdel", "doc"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        static Object doNew(@SuppressWarnings("unused") Object cls, Object getter, Object setter, Object deleter, Object doc) {
            return new PyDescriptors.Property(getter, givenOrNull(setter), givenOrNull(deleter), givenOrNull(doc));
        }
    }

    /** {@code property.__init__(fget=None, fset=None, fdel=None, doc=None)}: what {@code super().__init__(fget)} in a derived class reaches. */
    @Builtin(name = "__init__", params = {"self", "fget", "fset", "fdel", "doc"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(PyDescriptors.Property self, Object getter, Object setter, Object deleter, Object doc) {
            // A getter of None stays None, as property(None) keeps it.
            self.init(getter == Missing.INSTANCE ? PyNone.NONE : getter, givenOrNull(setter), givenOrNull(deleter), givenOrNull(doc));
            return PyNone.NONE;
        }
    }

    /** {@code property.__get__(obj, type=None)}: the property itself from the class, else the getter's result. */
    @Builtin(name = "__get__", params = {"self", "obj", "type"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGet(PyDescriptors.Property self, Object obj, @SuppressWarnings("unused") Object type) {
            if (obj == PyNone.NONE) {
                return self;
            }
            if (self.getter == null || self.getter == PyNone.NONE) {
                throw missing(self, obj, "getter");
            }
            return Calls.call(self.getter, obj);
        }
    }

    /** {@code property.__set__(obj, value)}: the setter, or CPython's {@code has no setter} AttributeError. */
    @Builtin(name = "__set__", params = {"self", "obj", "value"})
    @GenerateNodeFactory
    abstract static class SetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSet(PyDescriptors.Property self, Object obj, Object value) {
            if (self.setter == null) {
                throw missing(self, obj, "setter");
            }
            Calls.call(self.setter, obj, value);
            return PyNone.NONE;
        }
    }

    /** {@code property.__delete__(obj)}: the deleter, or CPython's {@code has no deleter} AttributeError. */
    @Builtin(name = "__delete__", params = {"self", "obj"})
    @GenerateNodeFactory
    abstract static class DeleteNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDelete(PyDescriptors.Property self, Object obj) {
            if (self.deleter == null) {
                throw missing(self, obj, "deleter");
            }
            Calls.call(self.deleter, obj);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "setter", params = {"self", "fset"})
    @GenerateNodeFactory
    abstract static class SetterNode extends BuiltinNode {
        @Specialization
        static Object doSetter(PyDescriptors.Property self, Object setter) {
            return copied(self, self.getter, setter, self.deleter);
        }
    }

    @Builtin(name = "getter", params = {"self", "fget"})
    @GenerateNodeFactory
    abstract static class GetterNode extends BuiltinNode {
        @Specialization
        static Object doGetter(PyDescriptors.Property self, Object getter) {
            return copied(self, getter, self.setter, self.deleter);
        }
    }

    @Builtin(name = "deleter", params = {"self", "fdel"})
    @GenerateNodeFactory
    abstract static class DeleterNode extends BuiltinNode {
        @Specialization
        static Object doDeleter(PyDescriptors.Property self, Object deleter) {
            return copied(self, self.getter, self.setter, deleter);
        }
    }

    /** CPython's property_copy: a property of the same class, so a derived class's {@code __init__} makes the copy: {@code type(self)(fget, fset, fdel, doc)}. */
    @TruffleBoundary
    private static Object copied(PyDescriptors.Property self, Object getter, Object setter, Object deleter) {
        PyType type = self.getPyType();
        if (type == PyDescriptors.propertyType()) {
            return new PyDescriptors.Property(getter, setter, deleter, self.doc);
        }
        return Calls.call(type, orNone(getter), orNone(setter), orNone(deleter), orNone(self.doc));
    }

    /** CPython 3.11's {@code property 'x' of 'C' object has no setter}, the name taken from the getter. */
    private static RuntimeException missing(PyDescriptors.Property self, Object obj, String what) {
        Object name = self.getter == null || self.getter == PyNone.NONE ? null : Attributes.find(self.getter, "__name__");
        String named = name instanceof String s ? "property '" + s + "'" : "property";
        return PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, named + " of '" + PyOps.typeName(obj) + "' object has no " + what);
    }

    private static Object givenOrNull(Object given) {
        return given == Missing.INSTANCE || given == PyNone.NONE ? null : given;
    }

    private static Object orNone(Object o) {
        return o == null ? PyNone.NONE : o;
    }
}
