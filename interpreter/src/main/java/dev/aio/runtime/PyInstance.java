package dev.aio.runtime;

/** An instance of a class defined in aio code: its class and its attribute dict ({@code obj.__dict__}). */
public final class PyInstance extends PyObject {
    private final PyType type;
    private PyDict dict = new PyDict();

    public PyInstance(PyType type) {
        this.type = type;
    }

    @Override
    public PyType getPyType() {
        return type;
    }

    public PyDict dict() {
        return dict;
    }

    public void setDict(PyDict dict) {
        this.dict = dict;
    }
}
