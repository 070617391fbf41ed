package dev.aio.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

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
        names = java.util.Arrays.copyOf(names, nKw);
        values = java.util.Arrays.copyOf(values, nKw);
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
        body.getCode().callTarget().call(body, namespace);
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
        java.util.List<Object> out = null;
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
                out = new java.util.ArrayList<>(java.util.Arrays.asList(bases).subList(0, i));
            }
            out.addAll(java.util.Arrays.asList(t.items()));
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

    /** {@code type.__new__} called from aio code: the namespace is a dict. */
    @TruffleBoundary
    public static PyType typeNew(PyType meta, Object name, Object bases, Object namespace, String[] kwNames, Object[] kwValues) {
        if (!(name instanceof String n) || !(bases instanceof PyTuple b) || !(namespace instanceof PyDict d)) {
            throw PyErrors.typeError("type.__new__() argument types must be (str, tuple, dict), not (" + PyOps.typeName(name) + ", "
                            + PyOps.typeName(bases) + ", " + PyOps.typeName(namespace) + ")");
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
                throw PyErrors.typeError("namespace keys must be strings");
            }
            ns.put(key, e.value);
        }
        if (!ns.containsKey("__module__")) {
            ns.put("__module__", dev.aio.nodes.ops.CallSite.callerModuleName());
        }
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
        Object init = PyOps.typeOf(instance).lookup("__init__");
        if (init instanceof PyFunction) {
            Object result = Calls.call(new PyBoundMethod(instance, init), positional, kwNames, kwValues);
            if (result != PyNone.NONE) {
                throw PyErrors.typeError("__init__() should return None, not '" + PyOps.typeName(result) + "'");
            }
        } else if (newMethod == null && t.builtinBase() == BuiltinTypes.OBJECT && (positional.length > 0 || kwNames != null && kwNames.length > 0)) {
            throw PyErrors.typeError(t.getName() + "() takes no arguments");
        }
        return instance;
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
     * {@code object.__new__(cls)} and its builtin relatives: a bare instance of a class defined in
     * aio code (an exception object when it derives from BaseException; a class when it derives
     * from {@code type}).
     */
    @TruffleBoundary
    public static Object allocate(PyType t, Object[] positional, String[] kwNames, Object[] kwValues) {
        PyType base = t.builtinBase();
        if (base.isSubtypeOf(BuiltinTypes.BASE_EXCEPTION)) {
            return new PyBaseException(t, new PyTuple(positional.clone()));
        }
        if (base == BuiltinTypes.OBJECT) {
            return new PyInstance(t);
        }
        if (base == BuiltinTypes.TYPE) {
            if (positional.length != 3) {
                throw PyErrors.typeError("type.__new__() takes exactly 3 arguments (" + positional.length + " given)");
            }
            return typeNew(t, positional[0], positional[1], positional[2], kwNames, kwValues);
        }
        throw PyErrors.typeError("aio cannot subclass the builtin type '" + base.getName() + "' yet");
    }
}
