package dev.aio.runtime;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

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

    public static final class Entry {
        public final Object key;
        public Object value;

        Entry(Object key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    /** How many keys compare through a class's {@code __eq__} (see {@link Keys#resolve}). */
    private int userKeys;

    /** The map key under which {@code key} is (or would be) stored. */
    private Object resolve(Object key) {
        Object nk = Keys.normalize(key);
        return userKeys == 0 && !Keys.isUserKey(nk) || map.containsKey(nk) ? nk : Keys.crossTypeMatch(map, key, nk, userKeys, e -> e.key);
    }

    @TruffleBoundary
    public Object get(Object key) {
        Object nk = Keys.normalize(key);
        Entry e = map.get(nk);
        if (e == null && (userKeys > 0 || Keys.isUserKey(nk))) {
            e = map.get(Keys.crossTypeMatch(map, key, nk, userKeys, x -> x.key));
        }
        return e == null ? null : e.value;
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
        } else {
            e.value = value;
        }
    }

    @TruffleBoundary
    public Object remove(Object key) {
        Object nk = resolve(key);
        Entry e = map.remove(nk);
        if (e != null && Keys.isUserKey(nk)) {
            userKeys--;
        }
        return e == null ? null : e.value;
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
        map.clear();
        userKeys = 0;
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
