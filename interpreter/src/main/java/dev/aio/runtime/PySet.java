package dev.aio.runtime;

import java.util.LinkedHashMap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * A {@code set}, or a {@code frozenset} (which Java code does not mutate after building it), with
 * Python's key semantics (see {@link Keys}). A frozenset is hashable: it equals and hashes as its
 * members do, so it can be a dict key or a set member.
 */
public final class PySet extends PyObject implements BuiltinSubclassInstance {
    private final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
    private final boolean frozen;
    /** The class of an instance of a subclass of set or frozenset ({@code class Tags(set)}), or null. */
    private final PyType subtype;
    private PyDict attributes;

    public PySet() {
        this(false);
    }

    public PySet(boolean frozen) {
        this.frozen = frozen;
        this.subtype = null;
    }

    /** An empty instance of {@code type}, a subclass of set or frozenset. */
    public PySet(PyType type) {
        this.frozen = type.isSubtypeOf(BuiltinTypes.FROZENSET);
        this.subtype = type;
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

    public boolean isFrozen() {
        return frozen;
    }

    /** An empty set of the same builtin type: operations on a frozenset give frozensets, on a subclass of set sets, as in CPython. */
    public PySet emptyOfSameType() {
        return new PySet(frozen);
    }

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
        if (subtype != null) {
            return subtype;
        }
        return frozen ? BuiltinTypes.FROZENSET : BuiltinTypes.SET;
    }

    /** A frozenset equals a set or frozenset with the same members; a set is a key only by identity (never, as it is unhashable). */
    @Override
    @TruffleBoundary
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!frozen || !(o instanceof PySet other) || other.size() != size()) {
            return false;
        }
        for (Object key : map.keySet()) {
            if (!other.map.containsKey(key)) {
                return false;
            }
        }
        return true;
    }

    /** Independent of the order of the members (CPython mixes each member's hash likewise, then combines them with xor). */
    @Override
    @TruffleBoundary
    public int hashCode() {
        if (!frozen) {
            return System.identityHashCode(this);
        }
        long h = 0;
        for (Object member : map.values()) {
            long m = PyOps.hash(member);
            h ^= ((m ^ 89869747L) ^ (m << 16)) * 3644798167L;
        }
        h ^= (map.size() + 1L) * 1927868237L;
        return Long.hashCode(h);
    }

    @Override
    public String repr() {
        return PyOps.repr(this);
    }
}
