package dev.aio.runtime;

/**
 * An instance of a class defined in aio code that derives from {@code int}, {@code float} or
 * {@code str} ({@code class Money(int)}, {@code class Name(str)}): the builtin value it stands
 * for (a Java Long, BigInteger, Double or String, which cannot carry a class) and an attribute
 * dict. As in CPython, what the class does not override behaves as the value does, and the
 * builtin operations give values of the base type: {@code type(Money(1) + 1) is int}.
 */
public final class PyValueInstance extends PyObject implements BuiltinSubclassInstance {
    private final PyType type;
    private final Object value;
    private PyDict attributes;

    public PyValueInstance(PyType type, Object value) {
        this.type = type;
        this.value = value;
    }

    /** The int, float or str this instance stands for. */
    public Object value() {
        return value;
    }

    /** The builtin value of {@code o} when it is an instance of a subclass of int, float or str; else {@code o} itself. */
    public static Object unwrap(Object o) {
        return o instanceof PyValueInstance v ? v.value : o;
    }

    /**
     * The int of an instance of a subclass of int, else {@code o}: where CPython's {@code PyNumber_Index}
     * takes any int as it is (an IntEnum member as a signal number or an index), without its {@code __index__}.
     */
    public static Object unwrapInt(Object o) {
        return o instanceof PyValueInstance v && Numbers.isInt(v.value) ? v.value : o;
    }

    @Override
    public PyDict instanceDict() {
        if (attributes == null) {
            attributes = new PyDict();
        }
        return attributes;
    }

    @Override
    public PyType getPyType() {
        return type;
    }

    /** What {@code int.__repr__}, {@code float.__repr__} and {@code str.__repr__} give for the value. */
    @Override
    public String repr() {
        return PyOps.builtinRepr(value);
    }
}
