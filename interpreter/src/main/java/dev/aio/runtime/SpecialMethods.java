package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The special methods ({@code __add__}, {@code __eq__}, {@code __len__}...) of classes defined in aio
 * code. Like CPython they are looked up on the type, never on the instance.
 */
public final class SpecialMethods {
    private SpecialMethods() {
    }

    /** Whether {@code o}'s class is a class statement's (only those can define special methods). */
    public static boolean isUserObject(Object o) {
        return o instanceof PyObject p && p.getPyType().isUserDefined();
    }

    /**
     * The method defined by the object's class (not one inherited from a builtin type), or {@code null}:
     * along the MRO, a builtin type that defines the method ends the search, as its implementation
     * applies ({@code class Level(int, Enum)} takes int's {@code __eq__}, Enum's {@code __str__}).
     */
    @TruffleBoundary
    public static Object lookup(Object obj, String name) {
        if (!isUserObject(obj)) {
            return null;
        }
        return lookupInType(((PyObject) obj).getPyType(), name);
    }

    /** The attribute as defined by a class statement along {@code t}'s MRO (not by a builtin type), or {@code null}. */
    @TruffleBoundary
    public static Object lookupInType(PyType t, String name) {
        for (PyType c : t.getMro()) {
            Object v = c.dict().get(name);
            if (v != null) {
                return c.isUserDefined() ? v : null;
            }
        }
        return null;
    }

    /** Calls {@code obj.name(args...)} if the class defines it; {@link #NOT_DEFINED} otherwise. */
    @TruffleBoundary
    public static Object call(Object obj, String name, Object... args) {
        Object method = lookup(obj, name);
        if (method == null) {
            return NOT_DEFINED;
        }
        return Calls.call(Attributes.bind(method, obj, PyOps.typeOf(obj)), args);
    }

    /**
     * Calls a special method that a builtin type written in Java defines for its instances
     * ({@code contextvars.Context}'s {@code __getitem__}, {@code __len__}, {@code __iter__}), for the
     * protocols that otherwise know only the builtin containers ({@code in} then iterates); {@link #NOT_DEFINED} when it has none.
     */
    @TruffleBoundary
    public static Object callBuiltin(Object obj, String name, Object... args) {
        if (!(obj instanceof PyObject) || obj instanceof PyType || isUserObject(obj)) {
            return NOT_DEFINED;
        }
        PyType type = PyOps.typeOf(obj);
        Object method = type.lookup(name);
        if (!(method instanceof BuiltinSpec)) {
            return NOT_DEFINED;
        }
        return Calls.call(Attributes.bind(method, obj, type), args);
    }

    /** Python's NotImplemented: what a binary special method returns to let the other operand try. */
    public static final Object NOT_IMPLEMENTED = new PyObject() {
        @Override
        public PyType getPyType() {
            return BuiltinTypes.NOT_IMPLEMENTED_TYPE;
        }

        @Override
        public String repr() {
            return "NotImplemented";
        }
    };

    /** Marks "the class defines no such method"; never visible to aio code. */
    public static final Object NOT_DEFINED = new Object();

    /** {@code a op b} through {@code __op__} and then the reflected {@code __rop__}; {@link #NOT_DEFINED} when neither applies. */
    @TruffleBoundary
    public static Object binary(String name, String reflected, Object a, Object b) {
        Object r = call(a, name, b);
        if (r != NOT_DEFINED && r != NOT_IMPLEMENTED) {
            return r;
        }
        if (reflected != null) {
            Object l = call(b, reflected, a);
            if (l != NOT_DEFINED && l != NOT_IMPLEMENTED) {
                return l;
            }
        }
        return NOT_DEFINED;
    }
}
