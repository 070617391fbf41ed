package dev.aio.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * A Python type. Builtin types are shared singletons ({@link BuiltinTypes}); their methods are
 * {@link BuiltinSpec}s that each language instance turns into callable functions on first use.
 */
public final class PyType extends PyObject {
    private final String name;
    private final String module;
    private final PyType[] bases;
    private final PyType[] mro;
    private final Map<String, Object> dict = new LinkedHashMap<>();
    /** What calling the type does, for builtin types; {@code null} when it cannot be instantiated. */
    private BuiltinSpec constructor;

    public PyType(String name, String module, PyType... bases) {
        this.name = name;
        this.module = module;
        this.bases = bases;
        this.mro = computeMro(this, bases);
    }

    /** Single inheritance for now: the type, then its first base's MRO. */
    private static PyType[] computeMro(PyType self, PyType[] bases) {
        List<PyType> order = new ArrayList<>();
        order.add(self);
        if (bases.length > 0) {
            for (PyType t : bases[0].mro) {
                order.add(t);
            }
        }
        return order.toArray(new PyType[0]);
    }

    public String getName() {
        return name;
    }

    public String getModule() {
        return module;
    }

    /** {@code int} for builtins, {@code asyncio.Task} elsewhere, as Python prints a type's qualified name. */
    public String qualifiedName() {
        return module.equals("builtins") ? name : module + "." + name;
    }

    public PyType[] getMro() {
        return mro;
    }

    public PyType getBase() {
        return bases.length == 0 ? null : bases[0];
    }

    public boolean isSubtypeOf(PyType other) {
        for (PyType t : mro) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    /** Finds an attribute along the MRO, or {@code null}. */
    @TruffleBoundary
    public Object lookup(String key) {
        for (PyType t : mro) {
            Object v = t.dict.get(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @TruffleBoundary
    public void define(String key, Object value) {
        dict.put(key, value);
    }

    public void defineMethods(List<BuiltinSpec> specs) {
        for (BuiltinSpec spec : specs) {
            define(spec.name(), spec);
        }
    }

    public BuiltinSpec getConstructor() {
        return constructor;
    }

    public void setConstructor(BuiltinSpec constructor) {
        this.constructor = constructor;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.TYPE;
    }

    @Override
    public String repr() {
        return "<class '" + qualifiedName() + "'>";
    }
}
