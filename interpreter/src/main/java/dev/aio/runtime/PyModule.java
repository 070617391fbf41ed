package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** A module: a name and a namespace (a dict, as {@code globals()} and {@code vars(module)} give it). The main script's module is also its globals. */
public final class PyModule extends PyObject {
    private final String name;
    private final PyDict namespace = new PyDict();

    public PyModule(String name) {
        this.name = name;
        namespace.put("__name__", name);
    }

    public String getName() {
        return name;
    }

    @TruffleBoundary
    public Object get(String key) {
        return namespace.get(key);
    }

    @TruffleBoundary
    public void put(String key, Object value) {
        namespace.put(key, value);
    }

    @TruffleBoundary
    public Object remove(String key) {
        return namespace.remove(key);
    }

    /** The namespace itself: changes to it are changes to the module. */
    public PyDict namespace() {
        return namespace;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.MODULE;
    }

    @Override
    public String repr() {
        Object file = namespace.get("__file__");
        if (file instanceof String f && !f.startsWith("<")) {
            return "<module '" + name + "' from '" + f + "'>";
        }
        return "<module '" + name + "'>";
    }
}
