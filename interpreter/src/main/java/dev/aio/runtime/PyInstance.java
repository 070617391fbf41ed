package dev.aio.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** An instance of a class defined in aio code: its class and its attribute dict. */
public final class PyInstance extends PyObject {
    private final PyType type;
    private final Map<String, Object> dict = new LinkedHashMap<>();

    public PyInstance(PyType type) {
        this.type = type;
    }

    @Override
    public PyType getPyType() {
        return type;
    }

    public Map<String, Object> dict() {
        return dict;
    }
}
