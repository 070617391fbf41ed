package dev.aio.runtime;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.NodeFactory;

import dev.aio.AioLanguage;
import dev.aio.nodes.builtins.BuiltinNode;

/**
 * A module: a name and a namespace (a dict, as {@code globals()} and {@code vars(module)} give it). The main script's module is also its globals.
 * Its class is {@code types.ModuleType} or a class derived from it, which the program may also assign to
 * {@code module.__class__} (CPython allows that for ModuleType subclasses); the class's attributes
 * then come before the namespace's, as CPython's generic attribute lookup takes them.
 */
public final class PyModule extends PyObject {
    private String name;
    private final PyDict namespace;
    private PyType type = BuiltinTypes.MODULE;

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

    /** An empty module of {@code cls}, a class derived from ModuleType, for {@code module.__init__} to name ({@code '?'} until then, as CPython's). */
    public PyModule(PyType cls) {
        this("?", new PyDict());
        this.type = cls;
    }

    /** {@code module.__init__(name, doc)}: the name, and the attributes CPython gives a new module. */
    @TruffleBoundary
    public void init(String moduleName, Object doc) {
        this.name = moduleName;
        namespace.put("__name__", moduleName);
        namespace.put("__doc__", doc);
        namespace.put("__package__", PyNone.NONE);
        namespace.put("__loader__", PyNone.NONE);
        namespace.put("__spec__", PyNone.NONE);
    }

    /** Whether the module's class is one derived from ModuleType, whose attributes the module's lookups consult. */
    public boolean isDerived() {
        return type != BuiltinTypes.MODULE;
    }

    /** {@code module.__class__ = cls}: ModuleType or a class derived from it, as CPython's object_set_class allows. */
    @TruffleBoundary
    public void setClass(Object cls) {
        if (!(cls instanceof PyType t)) {
            throw PyErrors.typeError("__class__ must be set to a class, not '" + PyOps.typeName(cls) + "' object");
        }
        if (!t.isSubtypeOf(BuiltinTypes.MODULE)) {
            throw PyErrors.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        this.type = t;
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
        return type;
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
