package dev.aio.runtime;

import java.util.LinkedHashMap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** A mutable set with Python's key semantics (see {@link Keys}). */
public final class PySet extends PyObject {
    private final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();

    /** How many members compare through a class's {@code __eq__} (see {@link Keys#resolve}). */
    private int userKeys;

    /** The map key under which {@code value} is (or would be) stored. */
    private Object resolve(Object value) {
        Object nk = Keys.normalize(value);
        return userKeys == 0 && !Keys.isUserKey(nk) || map.containsKey(nk) ? nk : Keys.crossTypeMatch(map, value, nk, userKeys, v -> v);
    }

    @TruffleBoundary
    public void add(Object value) {
        Object nk = resolve(value);
        if (map.putIfAbsent(nk, value) == null && Keys.isUserKey(nk)) {
            userKeys++;
        }
    }

    @TruffleBoundary
    public boolean contains(Object value) {
        return map.containsKey(resolve(value));
    }

    @TruffleBoundary
    public boolean remove(Object value) {
        Object nk = resolve(value);
        boolean removed = map.remove(nk) != null;
        if (removed && Keys.isUserKey(nk)) {
            userKeys--;
        }
        return removed;
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
