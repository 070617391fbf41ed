package dev.aio.runtime;

/** Python's {@code None}. */
public final class PyNone extends PyObject {
    public static final PyNone NONE = new PyNone();

    private PyNone() {
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.NONE_TYPE;
    }

    @Override
    public String repr() {
        return "None";
    }
}
