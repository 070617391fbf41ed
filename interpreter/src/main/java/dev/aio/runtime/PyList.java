package dev.aio.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mutable sequence backed by a Java list. */
public final class PyList extends PyObject implements BuiltinSubclassInstance {
    private final ArrayList<Object> items;
    /** The class of an instance of a subclass of list, or null for a list. */
    private PyType subtype;
    private PyDict attributes;

    public PyList() {
        this.items = new ArrayList<>();
    }

    /** An empty instance of {@code type}, a subclass of list. */
    public PyList(PyType type) {
        this.items = new ArrayList<>();
        this.subtype = type == BuiltinTypes.LIST ? null : type;
    }

    @Override
    public PyDict instanceDict() {
        if (subtype == null) {
            return null;
        }
        if (attributes == null) {
            attributes = new PyDict();
        }
        return attributes;
    }

    public PyList(Object[] items) {
        this.items = new ArrayList<>(Arrays.asList(items));
    }

    public PyList(List<Object> items) {
        this.items = new ArrayList<>(items);
    }

    public ArrayList<Object> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public Object get(int i) {
        return items.get(i);
    }

    public void set(int i, Object value) {
        items.set(i, value);
    }

    public void append(Object value) {
        items.add(value);
    }

    public Object[] toArray() {
        return items.toArray();
    }

    @Override
    public PyType getPyType() {
        return subtype == null ? BuiltinTypes.LIST : subtype;
    }

    @Override
    public String repr() {
        return PyOps.repr(this);
    }
}
