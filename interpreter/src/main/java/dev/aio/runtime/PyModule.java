package dev.aio.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** A module: a name and a namespace. The main script's module is also its globals. */
public final class PyModule extends PyObject {
    private final String name;
    private final Map<String, Object> dict = new LinkedHashMap<>();

    public PyModule(String name) {
        this.name = name;
        dict.put("__name__", name);
    }

    public String getName() {
        return name;
    }

    @TruffleBoundary
    public Object get(String key) {
        return dict.get(key);
    }

    @TruffleBoundary
    public void put(String key, Object value) {
        dict.put(key, value);
    }

    @TruffleBoundary
    public Object remove(String key) {
        return dict.remove(key);
    }

    public Map<String, Object> dict() {
        return dict;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.MODULE;
    }

    @Override
    public String repr() {
        Object file = dict.get("__file__");
        if (file instanceof String f && !f.startsWith("<")) {
            return "<module '" + name + "' from '" + f + "'>";
        }
        return "<module '" + name + "'>";
    }
}
