package dev.aio.runtime;

/** {@code ...}. */
public final class PyEllipsis extends PyObject {
    public static final PyEllipsis ELLIPSIS = new PyEllipsis();

    private PyEllipsis() {
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.ELLIPSIS;
    }

    @Override
    public String repr() {
        return "Ellipsis";
    }
}
