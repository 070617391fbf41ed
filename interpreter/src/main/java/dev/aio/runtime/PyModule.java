package dev.aio.runtime;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.NodeFactory;

import dev.aio.AioLanguage;
import dev.aio.nodes.builtins.BuiltinNode;

/** A module: a name and a namespace (a dict, as {@code globals()} and {@code vars(module)} give it). The main script's module is also its globals. */
public final class PyModule extends PyObject {
    private final String name;
    private final PyDict namespace;

    public PyModule(String name) {
        this.name = name;
        this.namespace = new PyDict();
        namespace.put("__name__", name);
    }

    /** The globals of code that {@code exec}/{@code eval} run in a dict of the program's: names live in that dict. */
    public PyModule(String name, PyDict namespace) {
        this.name = name;
        this.namespace = namespace;
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

    /** Puts a class of builtin functions (the node factories Truffle generates for it) into this module. */
    @TruffleBoundary
    public void defineFunctions(AioLanguage language, List<? extends NodeFactory<? extends BuiltinNode>> factories) {
        for (NodeFactory<? extends BuiltinNode> factory : factories) {
            BuiltinSpec spec = BuiltinSpec.of(factory);
            PyBuiltinFunction function = language.builtinFunction(spec);
            function.setModule(getName());
            namespace.put(spec.name(), function);
        }
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
