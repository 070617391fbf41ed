package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioLanguage;

/** {@code obj.name}: module namespaces, exception fields, and the methods and properties of builtin types. */
public final class Attributes {
    private Attributes() {
    }

    @TruffleBoundary
    public static Object get(Object obj, String name) {
        Object r = find(obj, name);
        if (r == null) {
            throw PyErrors.attributeError(obj, name);
        }
        return r;
    }

    /** The attribute, or {@code null} when there is none (for {@code hasattr}/{@code getattr} with default). */
    @TruffleBoundary
    public static Object find(Object obj, String name) {
        if (obj instanceof PyModule m) {
            return m.get(name);
        }
        if (obj instanceof PyType t) {
            return classAttribute(t, name);
        }
        if (obj instanceof PySuper s) {
            return superAttribute(s, name);
        }
        PyType type = PyOps.typeOf(obj);
        Object classAttr = type.lookup(name);
        if (classAttr instanceof PyDescriptors.Property p) {
            return Calls.call(p.getter, obj);
        }
        java.util.Map<String, Object> dict = instanceDict(obj);
        if (dict != null) {
            Object v = dict.get(name);
            if (v != null) {
                return v;
            }
        }
        if (obj instanceof PyBaseException e) {
            Object field = exceptionField(e, name);
            if (field != null) {
                return field;
            }
        }
        if (name.equals("__class__")) {
            return type;
        }
        if (obj instanceof PyFunction f && (name.equals("__name__") || name.equals("__qualname__"))) {
            return name.equals("__name__") ? f.getName() : f.getCode().qualName();
        }
        return classAttr == null ? null : bind(classAttr, obj, type);
    }

    /** The attribute dict of an object that has one: instances of classes defined in aio code. */
    static java.util.Map<String, Object> instanceDict(Object obj) {
        if (obj instanceof PyInstance i) {
            return i.dict();
        }
        if (obj instanceof PyBaseException e) {
            return e.dict();
        }
        return null;
    }

    /** {@code C.name}: functions stay plain, class methods bind to the class. */
    private static Object classAttribute(PyType t, String name) {
        switch (name) {
            case "__name__", "__qualname__":
                return t.getName();
            case "__module__":
                return t.getModule();
            case "__mro__":
                return new PyTuple(t.getMro().clone());
            case "__bases__":
                return new PyTuple(t.getBases().clone());
            case "__dict__":
                return namespaceCopy(t);
            default:
                break;
        }
        Object v = t.lookup(name);
        if (v instanceof BuiltinSpec spec) {
            return AioLanguage.get(null).builtinFunction(spec);
        }
        if (v instanceof PyDescriptors.StaticMethod sm) {
            return sm.function;
        }
        if (v instanceof PyDescriptors.ClassMethod cm) {
            return new PyBoundMethod(t, cm.function);
        }
        return v;
    }

    /** {@code C.__dict__}: a snapshot of the class's own namespace (CPython gives a read-only view). */
    private static PyDict namespaceCopy(PyType t) {
        PyDict d = new PyDict();
        for (java.util.Map.Entry<String, Object> e : t.dict().entrySet()) {
            if (!(e.getValue() instanceof BuiltinSpec)) {
                d.put(e.getKey(), e.getValue());
            }
        }
        return d;
    }

    private static Object superAttribute(PySuper s, String name) {
        PyType[] mro = s.startType().getMro();
        int i = 0;
        while (i < mro.length && mro[i] != s.owner) {
            i++;
        }
        for (i++; i < mro.length; i++) {
            Object v = mro[i].dict().get(name);
            if (v != null) {
                return bind(v, s.self, s.startType());
            }
        }
        return null;
    }

    /** How a class attribute found through an instance binds to it. */
    @TruffleBoundary
    public static Object bind(Object attr, Object obj, PyType type) {
        if (attr instanceof BuiltinSpec spec) {
            PyBuiltinFunction fn = AioLanguage.get(null).builtinFunction(spec);
            if (spec.isProperty()) {
                return fn.getCallTarget().call(fn, obj);
            }
            return new PyBoundMethod(obj, fn);
        }
        if (attr instanceof PyFunction) {
            return new PyBoundMethod(obj, attr);
        }
        if (attr instanceof PyDescriptors.StaticMethod sm) {
            return sm.function;
        }
        if (attr instanceof PyDescriptors.ClassMethod cm) {
            return new PyBoundMethod(obj instanceof PyType ? obj : type, cm.function);
        }
        if (attr instanceof PyDescriptors.Property p) {
            return Calls.call(p.getter, obj);
        }
        return attr;
    }

    private static Object exceptionField(PyBaseException e, String name) {
        switch (name) {
            case "args":
                return e.getArgs();
            case "__cause__":
                return e.getCause() == null ? PyNone.NONE : e.getCause();
            case "__context__":
                return e.getContext() == null ? PyNone.NONE : e.getContext();
            case "__suppress_context__":
                return e.isSuppressContext();
            case "message":
                return e.isGroup() ? e.groupMessage() : null;
            case "exceptions":
                return e.isGroup() ? e.groupExceptions() : null;
            case "value":
                if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                    return e.getArgs().size() > 0 ? e.getArgs().get(0) : PyNone.NONE;
                }
                return null;
            default:
                return null;
        }
    }

    @TruffleBoundary
    public static void set(Object obj, String name, Object value) {
        if (obj instanceof PyModule m) {
            m.put(name, value);
            return;
        }
        if (obj instanceof PyType t && t.isUserDefined()) {
            t.define(name, value);
            return;
        }
        PyType type = PyOps.typeOf(obj);
        if (type.lookup(name) instanceof PyDescriptors.Property p) {
            if (p.setter == null) {
                throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "property '" + name + "' of '" + type.getName() + "' object has no setter");
            }
            Calls.call(p.setter, obj, value);
            return;
        }
        if (obj instanceof PyBaseException e) {
            switch (name) {
                case "args" -> e.setArgs(new PyTuple(Iteration.toArray(value)));
                case "__cause__" -> e.setCause(exceptionOrNone(value, "cause"));
                case "__context__" -> e.setContext(exceptionOrNone(value, "context"));
                default -> e.dict().put(name, value);
            }
            return;
        }
        java.util.Map<String, Object> dict = instanceDict(obj);
        if (dict != null) {
            dict.put(name, value);
            return;
        }
        if (find(obj, name) == null) {
            throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "'" + type.getName() + "' object has no attribute '" + name + "'");
        }
        throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "'" + type.getName() + "' object attribute '" + name + "' is read-only");
    }

    private static PyBaseException exceptionOrNone(Object value, String what) {
        if (value == PyNone.NONE) {
            return null;
        }
        if (value instanceof PyBaseException e) {
            return e;
        }
        throw PyErrors.typeError("exception " + what + " must be None or derive from BaseException");
    }
}
