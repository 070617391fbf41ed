package dev.aio.runtime;

import java.util.LinkedHashMap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** A mutable set with Python's key semantics (see {@link Keys}). */
public final class PySet extends PyObject {
    private final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();

    @TruffleBoundary
    public void add(Object value) {
        map.putIfAbsent(Keys.normalize(value), value);
    }

    @TruffleBoundary
    public boolean contains(Object value) {
        return map.containsKey(Keys.normalize(value));
    }

    @TruffleBoundary
    public boolean remove(Object value) {
        return map.remove(Keys.normalize(value)) != null;
    }

    public int size() {
        return map.size();
    }

    @TruffleBoundary
    public Object[] toArray() {
        return map.values().toArray();
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.SET;
    }

    @Override
    public String repr() {
        return PyOps.repr(this);
    }
}
