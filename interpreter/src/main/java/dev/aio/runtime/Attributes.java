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
        if (obj instanceof PyBaseException e) {
            Object field = exceptionField(e, name);
            if (field != null) {
                return field;
            }
        }
        if (obj instanceof PyType t) {
            if (name.equals("__name__")) {
                return t.getName();
            }
            Object v = t.lookup(name);
            return v instanceof BuiltinSpec spec ? AioLanguage.get(null).builtinFunction(spec) : v;
        }
        if (name.equals("__class__")) {
            return PyOps.typeOf(obj);
        }
        if (obj instanceof PyFunction f && name.equals("__name__")) {
            return f.getName();
        }
        Object v = PyOps.typeOf(obj).lookup(name);
        if (v instanceof BuiltinSpec spec) {
            PyBuiltinFunction fn = AioLanguage.get(null).builtinFunction(spec);
            if (spec.isProperty()) {
                return fn.getCallTarget().call(fn, obj);
            }
            return new PyBoundMethod(obj, fn);
        }
        return v;
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
        if (obj instanceof PyBaseException e && name.equals("args")) {
            e.setArgs(new PyTuple(Iteration.toArray(value)));
            return;
        }
        if (obj instanceof PyBaseException e && name.equals("__cause__")) {
            e.setCause(value == PyNone.NONE ? null : (PyBaseException) value);
            return;
        }
        Object existing = find(obj, name);
        if (existing == null) {
            throw PyErrors.attributeError(obj, name);
        }
        throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "'" + PyOps.typeName(obj) + "' object attribute '" + name + "' is read-only");
    }
}
