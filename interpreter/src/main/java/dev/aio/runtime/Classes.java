package dev.aio.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.nodes.ops.CallSite;

/**
 * Making classes and their instances as CPython's {@code type} does: the metaclass of a class
 * statement, {@code type.__new__} ({@code __set_name__}, {@code __init_subclass__}) and
 * {@code type.__call__} ({@code __new__}, then {@code __init__}). A metaclass is a subclass of
 * {@code type} written in aio; its methods apply to the classes it makes.
 */
public final class Classes {
    private Classes() {
    }

    /**
     * {@code class name(bases, **keywords): body}: resolves {@code __mro_entries__} and the
     * metaclass, runs the body into a fresh namespace and lets the metaclass make the class.
     */
    @TruffleBoundary
    public static Object build(String name, PyFunction body, Object[] bases, String[] kwNames, Object[] kwValues) {
        Object[] resolved = resolveBases(bases);
        PyType[] baseTypes = new PyType[resolved.length];
        for (int i = 0; i < resolved.length; i++) {
            if (!(resolved[i] instanceof PyType t)) {
                throw PyErrors.typeError("bases must be types");
            }
            baseTypes[i] = t;
        }
        Object explicit = null;
        int nKw = 0;
        String[] names = new String[kwNames.length];
        Object[] values = new Object[kwNames.length];
        for (int i = 0; i < kwNames.length; i++) {
            if (kwNames[i].equals("metaclass")) {
                explicit = kwValues[i];
            } else {
                names[nKw] = kwNames[i];
                values[nKw++] = kwValues[i];
            }
        }
        names = Arrays.copyOf(names, nKw);
        values = Arrays.copyOf(values, nKw);
        Object meta = explicit instanceof PyType || explicit == null ? metaclassFor((PyType) explicit, baseTypes) : explicit;
        Map<String, Object> namespace = new LinkedHashMap<>();
        namespace.put("__module__", body.getGlobals().get("__name__"));
        namespace.put("__qualname__", body.getCode().qualName());
        if (body.getCode().doc() != null) {
            namespace.put("__doc__", body.getCode().doc());
        }
        if (resolved != bases) {
            namespace.put("__orig_bases__", new PyTuple(bases.clone()));
        }
        CallDepth.call(body.getCode().callTarget(), body, namespace);
        if (meta == BuiltinTypes.TYPE) {
            return typeNew(BuiltinTypes.TYPE, name, baseTypes, namespace, names, values);
        }
        PyDict ns = new PyDict();
        namespace.forEach(ns::put);
        return Calls.call(meta, new Object[]{name, new PyTuple(baseTypes.clone()), ns}, names, values);
    }

    /** PEP 560: a base that is not a class (say {@code Generic[T]}) names the classes to use instead. */
    private static Object[] resolveBases(Object[] bases) {
        Object[] result = bases;
        List<Object> out = null;
        for (int i = 0; i < bases.length; i++) {
            Object b = bases[i];
            Object entries = b instanceof PyType ? SpecialMethods.NOT_DEFINED : SpecialMethods.call(b, "__mro_entries__", new PyTuple(bases.clone()));
            if (entries == SpecialMethods.NOT_DEFINED) {
                if (out != null) {
                    out.add(b);
                }
                continue;
            }
            if (!(entries instanceof PyTuple t)) {
                throw PyErrors.typeError("__mro_entries__ must return a tuple");
            }
            if (out == null) {
                out = new ArrayList<>(Arrays.asList(bases).subList(0, i));
            }
            out.addAll(Arrays.asList(t.items()));
        }
        if (out != null) {
            result = out.toArray();
        }
        return result;
    }

    /** The most derived of the explicit metaclass and the metaclasses of the bases. */
    private static PyType metaclassFor(PyType explicit, PyType[] bases) {
        PyType winner = explicit != null ? explicit : BuiltinTypes.TYPE;
        for (PyType b : bases) {
            PyType meta = b.getPyType();
            if (winner.isSubtypeOf(meta)) {
                continue;
            }
            if (meta.isSubtypeOf(winner)) {
                winner = meta;
                continue;
            }
            throw PyErrors.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    /** {@code type.__new__(meta, name, bases, namespace, **kwargs)}. */
    @TruffleBoundary
    public static PyType typeNew(PyType meta, String name, PyType[] bases, Map<String, Object> namespace, String[] kwNames, Object[] kwValues) {
        Object module = namespace.get("__module__");
        PyType cls = PyType.createClass(name, module == null ? "builtins" : PyOps.str(module), bases, namespace, meta);
        for (Map.Entry<String, Object> e : namespace.entrySet()) {
            if (SpecialMethods.lookup(e.getValue(), "__set_name__") != null) {
                SpecialMethods.call(e.getValue(), "__set_name__", cls, e.getKey());
            }
        }
        Object initSubclass = Attributes.find(new PySuper(cls, cls), "__init_subclass__");
        if (initSubclass != null) {
            Calls.call(initSubclass, new Object[0], kwNames, kwValues);
        }
        return cls;
    }

    /** {@code type.__new__} called from aio code (and {@code type(name, bases, dict)}): the namespace is a dict. */
    @TruffleBoundary
    public static PyType typeNew(PyType meta, Object name, Object bases, Object namespace, String[] kwNames, Object[] kwValues) {
        if (!(name instanceof String n)) {
            throw PyErrors.typeError("type.__new__() argument 1 must be str, not " + PyOps.typeName(name));
        }
        if (!(bases instanceof PyTuple b)) {
            throw PyErrors.typeError("type.__new__() argument 2 must be tuple, not " + PyOps.typeName(bases));
        }
        if (!(namespace instanceof PyDict d)) {
            throw PyErrors.typeError("type.__new__() argument 3 must be dict, not " + PyOps.typeName(namespace));
        }
        PyType[] baseTypes = new PyType[b.size()];
        for (int i = 0; i < baseTypes.length; i++) {
            if (!(b.get(i) instanceof PyType t)) {
                throw PyErrors.typeError("bases must be types");
            }
            baseTypes[i] = t;
        }
        Map<String, Object> ns = new LinkedHashMap<>();
        for (PyDict.Entry e : d.entries()) {
            if (!(e.key instanceof String key)) {
                throw PyErrors.typeError("type.__new__() namespace key must be str, not " + PyOps.typeName(e.key));
            }
            ns.put(key, e.value);
        }
        if (!ns.containsKey("__module__")) {
            ns.put("__module__", CallSite.moduleName());
        }
        ns.putIfAbsent("__qualname__", n);
        return typeNew(meta, n, baseTypes, ns, kwNames, kwValues);
    }

    /**
     * {@code C(args)} for a class defined in aio code: the metaclass's {@code __call__} when it has
     * one, else {@link #typeCall}.
     */
    @TruffleBoundary
    public static Object call(PyType t, Object[] positional, String[] kwNames, Object[] kwValues) {
        Object metaCall = SpecialMethods.lookup(t, "__call__");
        if (metaCall != null) {
            return Calls.call(Attributes.bind(metaCall, t, t.getPyType()), positional, kwNames, kwValues);
        }
        return typeCall(t, positional, kwNames, kwValues);
    }

    /** {@code type.__call__(cls, *args, **kwargs)}: {@code __new__}, then {@code __init__} on an instance of cls. */
    @TruffleBoundary
    public static Object typeCall(PyType t, Object[] positional, String[] kwNames, Object[] kwValues) {
        if (!t.isUserDefined()) {
            return Calls.call(t, positional, kwNames, kwValues);
        }
        Object newMethod = userNew(t);
        Object instance;
        if (newMethod != null) {
            instance = Calls.call(newMethod, Calls.prepend(t, positional), kwNames, kwValues);
            if (!PyOps.typeOf(instance).isSubtypeOf(t)) {
                return instance;
            }
        } else {
            instance = allocate(t, positional, kwNames, kwValues);
        }
        PyType type = PyOps.typeOf(instance);
        PyType base = type.builtinBase();
        Object init = type.lookup("__init__");
        if (init instanceof PyFunction || init instanceof BuiltinSpec && fillsItselfInInit(base)) {
            Object result = Calls.call(Attributes.bind(init, instance, type), positional, kwNames, kwValues);
            if (result != PyNone.NONE) {
                throw PyErrors.typeError("__init__() should return None, not '" + PyOps.typeName(result) + "'");
            }
        } else if (newMethod == null && t.builtinBase() == BuiltinTypes.OBJECT && (positional.length > 0 || kwNames != null && kwNames.length > 0)) {
            throw PyErrors.typeError(t.getName() + "() takes no arguments");
        }
        return instance;
    }

    /**
     * dict, list, set, bytearray and deque subclasses, and those of the library types written in Java
     * (asyncio.Queue...), fill themselves in their builtin {@code __init__}, as in CPython.
     */
    private static boolean fillsItselfInInit(PyType base) {
        return base == BuiltinTypes.DICT || base == BuiltinTypes.LIST || base == BuiltinTypes.SET || base == BuiltinTypes.BYTEARRAY || base == BuiltinTypes.DEQUE
                        || base.subclassInstances() != null;
    }

    /** A {@code __new__} written in aio, along the MRO, or {@code null}. */
    private static Object userNew(PyType t) {
        for (PyType c : t.getMro()) {
            if (!c.isUserDefined()) {
                return null;
            }
            if (c.dict().get("__new__") instanceof PyDescriptors.StaticMethod sm) {
                return sm.function;
            }
        }
        return null;
    }

    /**
     * A bare instance of a class defined in aio code, made of its builtin base ({@link Calls#newInstance});
     * a class when it derives from {@code type} (a metaclass).
     */
    @TruffleBoundary
    public static Object allocate(PyType t, Object[] positional, String[] kwNames, Object[] kwValues) {
        if (t.builtinBase() == BuiltinTypes.TYPE) {
            if (positional.length != 3) {
                throw PyErrors.typeError("type.__new__() takes exactly 3 arguments (" + positional.length + " given)");
            }
            return typeNew(t, positional[0], positional[1], positional[2], kwNames, kwValues);
        }
        return Calls.newInstance(t, positional, kwNames, kwValues);
    }
}
