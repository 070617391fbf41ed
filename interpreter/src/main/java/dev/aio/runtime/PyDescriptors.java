package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

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
        /** The function that {@code del obj.x} calls, or {@code null}. */
        public final Object deleter;
        /** The {@code doc} argument or what was assigned to {@code __doc__}, else {@code null}: then {@code __doc__} is the getter's. */
        public Object doc;

        public Property(Object getter, Object setter) {
            this(getter, setter, null, null);
        }

        public Property(Object getter, Object setter, Object deleter, Object doc) {
            this.getter = getter;
            this.setter = setter;
            this.deleter = deleter;
            this.doc = doc;
        }

        @Override
        public PyType getPyType() {
            return PROPERTY;
        }
    }

    /**
     * The attributes CPython gives these objects: {@code __func__}, {@code fget}/{@code fset}/
     * {@code fdel}, and {@code __isabstractmethod__} (whether a function they wrap is abstract,
     * which {@code abc} reads); {@code null} for other names.
     */
    @TruffleBoundary
    static Object field(Object descriptor, String name) {
        Object[] wrapped = switch (descriptor) {
            case StaticMethod s -> new Object[]{s.function};
            case ClassMethod c -> new Object[]{c.function};
            case Property p -> new Object[]{p.getter, p.setter};
            default -> throw new IllegalArgumentException();
        };
        switch (name) {
            case "__func__":
                return descriptor instanceof Property ? null : wrapped[0];
            case "fget", "fset":
                return descriptor instanceof Property ? orNone(wrapped[name.equals("fget") ? 0 : 1]) : null;
            case "fdel":
                return descriptor instanceof Property p ? orNone(p.deleter) : null;
            case "__doc__":
                if (descriptor instanceof Property p) {
                    return p.doc != null ? p.doc : p.getter == null || p.getter == PyNone.NONE ? PyNone.NONE : Attributes.find(p.getter, "__doc__") instanceof Object d ? d : PyNone.NONE;
                }
                return null;
            case "__isabstractmethod__":
                for (Object function : wrapped) {
                    if (isAbstract(function)) {
                        return true;
                    }
                }
                return false;
            default:
                return null;
        }
    }

    private static Object orNone(Object o) {
        return o == null ? PyNone.NONE : o;
    }

    private static boolean isAbstract(Object function) {
        if (function == null || function == PyNone.NONE) {
            return false;
        }
        try {
            return PyOps.isTrue(Attributes.get(function, "__isabstractmethod__"));
        } catch (AioException e) {
            if (e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                return false;
            }
            throw e;
        }
    }

    public static PyType propertyType() {
        return PROPERTY;
    }

    public static PyType staticMethodType() {
        return STATICMETHOD;
    }

    public static PyType classMethodType() {
        return CLASSMETHOD;
    }
}
