package dev.aio.runtime;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.dsl.NonIdempotent;

/**
 * An insertion-ordered mapping with Python's key semantics: {@code 1}, {@code 1.0} and
 * {@code True} are the same key, and the dict keeps the key object first inserted.
 */
public final class PyDict extends PyObject implements BuiltinSubclassInstance {
    /** Normalized key → the original key and its value. */
    private final LinkedHashMap<Object, Entry> map = new LinkedHashMap<>();
    /** The class of an instance of a subclass of dict ({@code class C(dict)}, Counter...), or null for a dict. */
    private final PyType subtype;
    private PyDict attributes;
    /** The class whose instance has this dict as its {@code __dict__}: told of each key added. */
    private InstanceAttributeNames attributesOf;

    public PyDict() {
        this.subtype = null;
    }

    /** An instance of {@code type}, a subclass of dict. */
    public PyDict(PyType type) {
        this.subtype = type == BuiltinTypes.DICT ? null : type;
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

    /** Makes this dict the {@code __dict__} of a new instance of {@code type}. */
    void becomeAttributesOf(PyType type) {
        attributesOf = type.instanceAttributeNames();
    }

    /** A key's slot: it stays the same object while the key is in the dict, so a cache may hold it (LoadGlobal does). */
    public static final class Entry {
        public final Object key;
        public Object value;
        private boolean removed;

        Entry(Object key, Object value) {
            this.key = key;
            this.value = value;
        }

        /** False once its key is removed from the dict: a cached entry is then stale (a guard to check on every use). */
        @NonIdempotent
        public boolean isLive() {
            return !removed;
        }
    }

    /**
     * Valid while no key is added or removed: a cache that relies on a key being absent (a global
     * name that is a builtin) holds it. Made on first request, invalidated by the next change.
     */
    private Assumption keysUnchanged;

    /**
     * Counts the additions and removals of keys: what a cache that relies on a key being absent
     * checks when it cannot hold {@link #keysUnchanged} as a constant (one per function, see
     * {@code FunctionCaches}). CPython's {@code dk_version} plays this role.
     */
    private int keysVersion;

    /** How many keys compare through a class's {@code __eq__} (see {@link Keys#resolve}). */
    private int userKeys;

    /** The map key under which {@code key} is (or would be) stored. */
    private Object resolve(Object key) {
        Object nk = Keys.normalize(key);
        return userKeys == 0 && !Keys.isUserKey(nk) || map.containsKey(nk) ? nk : Keys.crossTypeMatch(map, key, nk, userKeys, e -> e.key);
    }

    @TruffleBoundary
    public Object get(Object key) {
        Entry e = entry(key);
        return e == null ? null : e.value;
    }

    /** The slot of {@code key}, or {@code null} when the dict has no such key. */
    @TruffleBoundary
    public Entry entry(Object key) {
        Object nk = Keys.normalize(key);
        Entry e = map.get(nk);
        if (e == null && (userKeys > 0 || Keys.isUserKey(nk))) {
            e = map.get(Keys.crossTypeMatch(map, key, nk, userKeys, x -> x.key));
        }
        return e;
    }

    @TruffleBoundary
    public Assumption keysUnchanged() {
        if (keysUnchanged == null) {
            keysUnchanged = Truffle.getRuntime().createAssumption("dict keys unchanged");
        }
        return keysUnchanged;
    }

    public int keysVersion() {
        return keysVersion;
    }

    private void keysChanged() {
        keysVersion++;
        if (keysUnchanged != null) {
            keysUnchanged.invalidate();
            keysUnchanged = null;
        }
    }

    @TruffleBoundary
    public void put(Object key, Object value) {
        Object nk = resolve(key);
        Entry e = map.get(nk);
        if (e == null) {
            map.put(nk, new Entry(key, value));
            if (Keys.isUserKey(nk)) {
                userKeys++;
            }
            keysChanged();
            if (attributesOf != null) {
                attributesOf.added(key);
            }
        } else {
            e.value = value;
        }
    }

    @TruffleBoundary
    public Object remove(Object key) {
        Object nk = resolve(key);
        Entry e = map.remove(nk);
        if (e == null) {
            return null;
        }
        if (Keys.isUserKey(nk)) {
            userKeys--;
        }
        e.removed = true;
        keysChanged();
        return e.value;
    }

    @TruffleBoundary
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    public int size() {
        return map.size();
    }

    @TruffleBoundary
    public void clear() {
        for (Entry e : map.values()) {
            e.removed = true;
        }
        map.clear();
        userKeys = 0;
        keysChanged();
    }

    public Iterable<Entry> entries() {
        return map.values();
    }

    @TruffleBoundary
    public Object[] keys() {
        Object[] keys = new Object[map.size()];
        int i = 0;
        for (Entry e : map.values()) {
            keys[i++] = e.key;
        }
        return keys;
    }

    @TruffleBoundary
    public Entry popLast() {
        Iterator<Map.Entry<Object, Entry>> it = map.entrySet().iterator();
        Entry last = null;
        Object lastKey = null;
        while (it.hasNext()) {
            Map.Entry<Object, Entry> me = it.next();
            last = me.getValue();
            lastKey = me.getKey();
        }
        if (last != null) {
            map.remove(lastKey);
            if (Keys.isUserKey(lastKey)) {
                userKeys--;
            }
            last.removed = true;
            keysChanged();
        }
        return last;
    }

    @Override
    public PyType getPyType() {
        return subtype == null ? BuiltinTypes.DICT : subtype;
    }

    @Override
    public String repr() {
        return PyOps.repr(this);
    }
}
