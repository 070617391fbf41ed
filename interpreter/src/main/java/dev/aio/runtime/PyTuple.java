package dev.aio.runtime;

import java.util.Arrays;

/** An immutable sequence. Equality and hashing follow Python, so tuples work as dict keys. */
public final class PyTuple extends PyObject implements BuiltinSubclassInstance {
    public static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;
    /** The class of an instance of a subclass of tuple (a namedtuple...), or null for a tuple. */
    private final PyType subtype;
    private PyDict attributes;

    public PyTuple(Object[] items) {
        this.items = items;
        this.subtype = null;
    }

    /** An instance of {@code type}, a subclass of tuple. */
    public PyTuple(PyType type, Object[] items) {
        this.items = items;
        this.subtype = type == BuiltinTypes.TUPLE ? null : type;
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

    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items);
    }

    public Object[] items() {
        return items;
    }

    public int size() {
        return items.length;
    }

    public Object get(int i) {
        return items[i];
    }

    @Override
    public PyType getPyType() {
        return subtype == null ? BuiltinTypes.TUPLE : subtype;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyTuple other) || other.items.length != items.length) {
            return false;
        }
        for (int i = 0; i < items.length; i++) {
            if (!PyOps.eq(items[i], other.items[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0x345678;
        for (Object item : items) {
            h = h * 1000003 ^ Long.hashCode(PyOps.hash(item));
        }
        return h;
    }

    @Override
    public String repr() {
        return PyOps.repr(this);
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }
}
