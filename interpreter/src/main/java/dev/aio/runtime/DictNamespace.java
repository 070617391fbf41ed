package dev.aio.runtime;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A dict seen as the namespace a class body binds its names in: the locals of code that
 * {@code exec}/{@code eval} run with a locals mapping apart from their globals.
 */
public final class DictNamespace extends AbstractMap<String, Object> {
    private final PyDict dict;

    public DictNamespace(PyDict dict) {
        this.dict = dict;
    }

    public PyDict dict() {
        return dict;
    }

    @Override
    public Object get(Object key) {
        return dict.get(key);
    }

    @Override
    public Object put(String key, Object value) {
        Object old = dict.get(key);
        dict.put(key, value);
        return old;
    }

    @Override
    public Object remove(Object key) {
        return dict.remove(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return dict.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>();
        for (PyDict.Entry e : dict.entries()) {
            if (e.key instanceof String name) {
                entries.add(new SimpleEntry<>(name, e.value));
            }
        }
        return entries;
    }

    /** A namespace as a dict: the dict itself for this view, a copy of a class body's. */
    public static PyDict asDict(Map<?, ?> namespace) {
        if (namespace instanceof DictNamespace d) {
            return d.dict;
        }
        PyDict copy = new PyDict();
        namespace.forEach(copy::put);
        return copy;
    }
}
