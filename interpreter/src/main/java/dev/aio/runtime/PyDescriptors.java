package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** {@code @staticmethod}, {@code @classmethod} and {@code @property}: how a class attribute binds. */
public final class PyDescriptors {
    private PyDescriptors() {
    }

    static final PyType STATICMETHOD = new PyType("staticmethod", "builtins", BuiltinTypes.OBJECT);
    static final PyType CLASSMETHOD = new PyType("classmethod", "builtins", BuiltinTypes.OBJECT);
    static final PyType PROPERTY = new PyType("property", "builtins", BuiltinTypes.OBJECT);

    /**
     * Not bound: the function as is, from the class and from instances. An instance of a class
     * derived from staticmethod carries that class and an attribute dict and gets its function
     * from {@code staticmethod.__init__}; its class's {@code __get__} decides what it binds to.
     */
    public static final class StaticMethod extends SubclassableObject {
        public Object function;

        public StaticMethod(Object function) {
            super(STATICMETHOD);
            this.function = function;
        }

        /** A static method of {@code type}, a class derived from staticmethod, for its {@code __init__} to fill. */
        public StaticMethod(PyType type) {
            super(type);
        }
    }

    /** Bound to the class, also when looked up on an instance; derived classes as {@link StaticMethod}'s. */
    public static final class ClassMethod extends SubclassableObject {
        public Object function;

        public ClassMethod(Object function) {
            super(CLASSMETHOD);
            this.function = function;
        }

        /** A class method of {@code type}, a class derived from classmethod, for its {@code __init__} to fill. */
        public ClassMethod(PyType type) {
            super(type);
        }
    }

    /**
     * A computed attribute: getter, and optionally setter ({@code @x.setter}). An instance of a
     * class derived from property ({@code class cached(property)}) carries that class and an
     * attribute dict, gets its functions from {@code property.__init__}, and its class's
     * {@code __get__} decides what reading the attribute gives.
     */
    public static final class Property extends SubclassableObject {
        public Object getter;
        public Object setter;
        /** The function that {@code del obj.x} calls, or {@code null}. */
        public Object deleter;
        /** The {@code doc} argument or what was assigned to {@code __doc__}, else {@code null}: then {@code __doc__} is the getter's. */
        public Object doc;

        public Property(Object getter, Object setter) {
            this(getter, setter, null, null);
        }

        public Property(Object getter, Object setter, Object deleter, Object doc) {
            this(PROPERTY);
            init(getter, setter, deleter, doc);
        }

        /** A property of {@code type}, a class derived from property, with no functions until its {@code __init__}. */
        public Property(PyType type) {
            super(type);
        }

        /** {@code property.__init__(fget, fset, fdel, doc)}: {@code null} for each one not given. */
        public void init(Object get, Object set, Object delete, Object docString) {
            this.getter = get;
            this.setter = set;
            this.deleter = delete;
            this.doc = docString;
        }

        /** {@code obj.x}: the getter's result, or what the class's own {@code __get__} gives for an instance of a derived class. */
        @TruffleBoundary
        public Object get(Object obj, PyType type) {
            if (isDerived() && SpecialMethods.lookup(this, "__get__") != null) {
                return SpecialMethods.call(this, "__get__", obj, type);
            }
            return Calls.call(getter, obj);
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
