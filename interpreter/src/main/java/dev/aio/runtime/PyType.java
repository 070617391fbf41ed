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
    /** A class defined by a {@code class} statement: its special methods are looked up in its dict. */
    private final boolean userDefined;

    public PyType(String name, String module, PyType... bases) {
        this(name, module, false, bases);
    }

    private PyType(String name, String module, boolean userDefined, PyType... bases) {
        this.name = name;
        this.module = module;
        this.userDefined = userDefined;
        this.bases = bases.length == 0 && !name.equals("object") ? new PyType[]{BuiltinTypes.OBJECT} : bases;
        this.mro = computeMro(this, this.bases);
    }

    /** A class from a {@code class} statement, with the namespace its body built. */
    public static PyType createClass(String name, String module, PyType[] bases, Map<String, Object> namespace) {
        for (PyType b : bases) {
            if (b == BuiltinTypes.BOOL || b == BuiltinTypes.FUNCTION || b == BuiltinTypes.NONE_TYPE) {
                throw PyErrors.typeError("type '" + b.getName() + "' is not an acceptable base type");
            }
        }
        PyType t = new PyType(name, module, true, bases);
        t.dict.putAll(namespace);
        if (t.dict.get("__new__") instanceof PyFunction f) {
            // __new__ is a static method without saying so, as in CPython.
            t.dict.put("__new__", new PyDescriptors.StaticMethod(f));
        }
        for (Object v : namespace.values()) {
            Object f = v instanceof PyDescriptors.StaticMethod sm ? sm.function : v instanceof PyDescriptors.ClassMethod cm ? cm.function : v;
            if (f instanceof PyFunction fn && fn.getOwner() == null) {
                fn.setOwner(t);
            }
            if (v instanceof PyDescriptors.Property p) {
                for (Object accessor : new Object[]{p.getter, p.setter}) {
                    if (accessor instanceof PyFunction fn && fn.getOwner() == null) {
                        fn.setOwner(t);
                    }
                }
            }
        }
        return t;
    }

    public boolean isUserDefined() {
        return userDefined;
    }

    public PyType[] getBases() {
        return bases;
    }

    /** C3 linearization, as Python orders a class's bases. */
    private static PyType[] computeMro(PyType self, PyType[] bases) {
        List<List<PyType>> sequences = new ArrayList<>();
        for (PyType b : bases) {
            sequences.add(new ArrayList<>(List.of(b.mro)));
        }
        sequences.add(new ArrayList<>(List.of(bases)));
        List<PyType> order = new ArrayList<>();
        order.add(self);
        while (true) {
            sequences.removeIf(List::isEmpty);
            if (sequences.isEmpty()) {
                return order.toArray(new PyType[0]);
            }
            PyType next = null;
            for (List<PyType> seq : sequences) {
                PyType candidate = seq.get(0);
                boolean inTail = sequences.stream().anyMatch(other -> other.indexOf(candidate) > 0);
                if (!inTail) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw PyErrors.typeError("Cannot create a consistent method resolution order (MRO) for bases "
                                + String.join(", ", java.util.Arrays.stream(bases).map(PyType::getName).toList()));
            }
            order.add(next);
            for (List<PyType> seq : sequences) {
                if (seq.get(0) == next) {
                    seq.remove(0);
                }
            }
        }
    }

    /** The first builtin type in the MRO: what instances are made of (object, dict, list, tuple, or an exception type). */
    public PyType builtinBase() {
        for (PyType t : mro) {
            if (!t.userDefined) {
                return t;
            }
        }
        return BuiltinTypes.OBJECT;
    }

    public String getName() {
        return name;
    }

    public String getModule() {
        return module;
    }

    /** {@code int} for builtins, {@code asyncio.Task} elsewhere, as Python prints a type's qualified name. */
    public Map<String, Object> dict() {
        return dict;
    }

    public String qualifiedName() {
        return module.equals("builtins") ? name : module + "." + name;
    }

    public PyType[] getMro() {
        return mro;
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
