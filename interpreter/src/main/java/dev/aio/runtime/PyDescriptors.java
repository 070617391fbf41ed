package dev.aio.runtime;

/** {@code @staticmethod}, {@code @classmethod} and {@code @property}: how a class attribute binds. */
public final class PyDescriptors {
    private PyDescriptors() {
    }

    static final PyType STATICMETHOD = new PyType("staticmethod", "builtins", BuiltinTypes.OBJECT);
    static final PyType CLASSMETHOD = new PyType("classmethod", "builtins", BuiltinTypes.OBJECT);
    static final PyType PROPERTY = new PyType("property", "builtins", BuiltinTypes.OBJECT);

    /** Not bound: the function as is, from the class and from instances. */
    public static final class StaticMethod extends PyObject {
        public final Object function;

        public StaticMethod(Object function) {
            this.function = function;
        }

        @Override
        public PyType getPyType() {
            return STATICMETHOD;
        }
    }

    /** Bound to the class, also when looked up on an instance. */
    public static final class ClassMethod extends PyObject {
        public final Object function;

        public ClassMethod(Object function) {
            this.function = function;
        }

        @Override
        public PyType getPyType() {
            return CLASSMETHOD;
        }
    }

    /** A computed attribute: getter, and optionally setter ({@code @x.setter}). */
    public static final class Property extends PyObject {
        public final Object getter;
        public final Object setter;

        public Property(Object getter, Object setter) {
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        public PyType getPyType() {
            return PROPERTY;
        }
    }

    public static PyType propertyType() {
        return PROPERTY;
    }
}
