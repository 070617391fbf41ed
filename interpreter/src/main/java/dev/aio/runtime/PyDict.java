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
    private Map<String, Object> attributes;

    public PyDict() {
        this.subtype = null;
    }

    /** An instance of {@code type}, a subclass of dict. */
    public PyDict(PyType type) {
        this.subtype = type == BuiltinTypes.DICT ? null : type;
    }

    @Override
    public Map<String, Object> instanceDict() {
        if (subtype == null) {
            return null;
        }
        if (attributes == null) {
            attributes = new LinkedHashMap<>();
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

    @TruffleBoundary
    public Object get(Object key) {
        Entry e = map.get(Keys.normalize(key));
        return e == null ? null : e.value;
    }

    @TruffleBoundary
    public void put(Object key, Object value) {
        Object nk = Keys.normalize(key);
        Entry e = map.get(nk);
        if (e == null) {
            map.put(nk, new Entry(key, value));
        } else {
            e.value = value;
        }
    }

    @TruffleBoundary
    public Object remove(Object key) {
        Entry e = map.remove(Keys.normalize(key));
        return e == null ? null : e.value;
    }

    @TruffleBoundary
    public boolean containsKey(Object key) {
        return map.containsKey(Keys.normalize(key));
    }

    public int size() {
        return map.size();
    }

    @TruffleBoundary
    public void clear() {
        map.clear();
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
