package dev.aio.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A mutable sequence backed by a Java list. */
public final class PyList extends PyObject {
    private final ArrayList<Object> items;

    public PyList() {
        this.items = new ArrayList<>();
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
        return BuiltinTypes.LIST;
    }

    @Override
    public String repr() {
        return PyOps.repr(this);
    }
}
