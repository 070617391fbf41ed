package dev.aio.runtime;

import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.format.FloatFormat;
import dev.aio.runtime.format.StringRepr;

/** Python's object protocol for values of every type: type, truth, equality, hashing, str and repr. */
public final class PyOps {
    private PyOps() {
    }

    public static PyType typeOf(Object o) {
        if (o instanceof PyObject p) {
            return p.getPyType();
        }
        if (o instanceof Long || o instanceof BigInteger) {
            return BuiltinTypes.INT;
        }
        if (o instanceof String) {
            return BuiltinTypes.STR;
        }
        if (o instanceof Double) {
            return BuiltinTypes.FLOAT;
        }
        if (o instanceof Boolean) {
            return BuiltinTypes.BOOL;
        }
        if (Foreign.is(o)) {
            return Foreign.TYPE;
        }
        return BuiltinTypes.OBJECT;
    }

    /** The type's name as CPython's messages give it ({@code tp_name}). */
    public static String typeName(Object o) {
        return typeOf(o).getMessageName();
    }

    @TruffleBoundary
    public static boolean isTrue(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof Long l) {
            return l != 0;
        }
        if (o == PyNone.NONE) {
            return false;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (o instanceof Double d) {
            return d != 0.0;
        }
        if (o instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (o instanceof PyComplex c) {
            return c.isTrue();
        }
        if (SpecialMethods.isUserObject(o)) {
            Object b = SpecialMethods.call(o, "__bool__");
            if (b != SpecialMethods.NOT_DEFINED) {
                if (!(b instanceof Boolean v)) {
                    throw PyErrors.typeError("__bool__ should return bool, returned " + typeName(b));
                }
                return v;
            }
            if (SpecialMethods.lookup(o, "__len__") != null) {
                return len(o) != 0;
            }
            if (o instanceof PyValueInstance v) {
                return isTrue(v.value());
            }
        }
        if (o instanceof PyList l) {
            return l.size() != 0;
        }
        if (o instanceof PyTuple t) {
            return t.size() != 0;
        }
        if (o instanceof PyBytesLike b) {
            return b.length() != 0;
        }
        if (o instanceof PyMemoryView m) {
            return m.length() != 0;
        }
        if (o instanceof PyDict d) {
            return d.size() != 0;
        }
        if (o instanceof PySet s) {
            return s.size() != 0;
        }
        if (o instanceof PyRange r) {
            return r.length() != 0;
        }
        if (o instanceof PyDeque d) {
            return d.size() != 0;
        }
        return true;
    }

    /** {@code a == b}. */
    @TruffleBoundary
    public static boolean eq(Object a, Object b) {
        if (SpecialMethods.isUserObject(a) || SpecialMethods.isUserObject(b)) {
            Object r = SpecialMethods.binary("__eq__", "__eq__", a, b);
            if (r != SpecialMethods.NOT_DEFINED) {
                return isTrue(r);
            }
        }
        return builtinEq(a, b);
    }

    /** {@code dict.__eq__} and friends: equality of builtin values, whatever a subclass overrides. */
    @TruffleBoundary
    public static boolean builtinEq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof PyValueInstance || b instanceof PyValueInstance) {
            return builtinEq(PyValueInstance.unwrap(a), PyValueInstance.unwrap(b));
        }
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            return Numbers.compare(a, b) == 0 && !Numbers.isNaN(a) && !Numbers.isNaN(b);
        }
        if (a instanceof PyComplex || b instanceof PyComplex) {
            return PyComplex.equal(a, b);
        }
        if (a instanceof String s) {
            return s.equals(b);
        }
        if (a instanceof PyTuple t) {
            return t.equals(b);
        }
        if (Bytes.isBytesLike(a) || Bytes.isBytesLike(b)) {
            return Bytes.equal(a, b);
        }
        if (a instanceof PyList la && b instanceof PyList lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PyDict da && b instanceof PyDict db) {
            if (da.size() != db.size()) {
                return false;
            }
            for (PyDict.Entry e : da.entries()) {
                Object v = db.get(e.key);
                if (v == null || !eq(e.value, v)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PySlice sa && b instanceof PySlice sb) {
            return eq(sa.start(), sb.start()) && eq(sa.stop(), sb.stop()) && eq(sa.step(), sb.step());
        }
        if (a instanceof PySimpleNamespace na && b instanceof PySimpleNamespace nb) {
            return eq(na.dict(), nb.dict());
        }
        if (a instanceof PyMappingProxy pa) {
            return eq(pa.mapping(), b instanceof PyMappingProxy pb ? pb.mapping() : b);
        }
        if (b instanceof PyMappingProxy pb) {
            return eq(a, pb.mapping());
        }
        if (a instanceof PySet sa && b instanceof PySet sb) {
            if (sa.size() != sb.size()) {
                return false;
            }
            for (Object x : sa.toArray()) {
                if (!sb.contains(x)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PyDeque da && b instanceof PyDeque db) {
            if (da.size() != db.size()) {
                return false;
            }
            Object[] x = da.toArray();
            Object[] y = db.toArray();
            for (int i = 0; i < x.length; i++) {
                if (!eq(x[i], y[i])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PyRange ra && b instanceof PyRange rb) {
            return ra.length() == rb.length() && (ra.length() == 0 || ra.start == rb.start && (ra.length() == 1 || ra.step == rb.step));
        }
        if (a instanceof PyWeakRef r) {
            return r.equalTo(b);
        }
        return false;
    }

    @TruffleBoundary
    public static long hash(Object o) {
        if (SpecialMethods.isUserObject(o)) {
            return Keys.userHash(o);
        }
        if (o instanceof PyWeakRef r) {
            return r.hash();
        }
        Object k = Keys.normalize(o);
        if (k instanceof Long l) {
            return l == -1 ? -2 : l;
        }
        if (k instanceof String s) {
            return s.hashCode();
        }
        if (k instanceof Double d) {
            return Double.hashCode(d);
        }
        return k.hashCode();
    }

    @TruffleBoundary
    public static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (SpecialMethods.isUserObject(o)) {
            Object r;
            CallDepth depth = CallDepth.current(null);
            depth.enter(CallDepth.GETTING_STR);
            try {
                r = SpecialMethods.call(o, "__str__");
            } finally {
                depth.exit();
            }
            if (r != SpecialMethods.NOT_DEFINED) {
                return checkString(r, "__str__");
            }
            if (o instanceof PyValueInstance v && v.value() instanceof String s) {
                // str.__str__: the string itself, whatever __repr__ the subclass defines.
                return s;
            }
            if (o instanceof PyBytesLike b) {
                // bytes.__str__ and bytearray.__str__: the builtin repr, whatever __repr__ the subclass defines.
                return b.repr();
            }
            if (SpecialMethods.lookup(o, "__repr__") != null) {
                return repr(o);
            }
        }
        if (o instanceof PyBaseException e) {
            return e.str();
        }
        if (o instanceof PyObject p) {
            return p.builtinStr();
        }
        return repr(o);
    }

    @TruffleBoundary
    public static String repr(Object o) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, o);
        return sb.toString();
    }

    private static String checkString(Object r, String method) {
        if (r instanceof String s) {
            return s;
        }
        throw PyErrors.typeError(method + " returned non-string (type " + typeName(r) + ")");
    }

    /** {@code object.__repr__}, {@code dict.__repr__}...: the builtin repr, whatever the object's class overrides. */
    @TruffleBoundary
    public static String builtinRepr(Object o) {
        StringBuilder sb = new StringBuilder();
        appendBuiltinRepr(sb, o);
        return sb.toString();
    }

    private static void appendRepr(StringBuilder sb, Object o) {
        if (SpecialMethods.isUserObject(o)) {
            Object r;
            CallDepth depth = CallDepth.current(null);
            depth.enter(CallDepth.GETTING_REPR);
            try {
                r = SpecialMethods.call(o, "__repr__");
            } finally {
                depth.exit();
            }
            if (r != SpecialMethods.NOT_DEFINED) {
                sb.append(checkString(r, "__repr__"));
                return;
            }
        }
        appendBuiltinRepr(sb, o);
    }

    private static void appendBuiltinRepr(StringBuilder sb, Object o) {
        if (o instanceof String s) {
            sb.append(StringRepr.repr(s));
        } else if (o instanceof Long) {
            sb.append(o);
        } else if (o instanceof BigInteger b) {
            sb.append(IntDigitLimit.toDecimal(b));
        } else if (o instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (o instanceof Double d) {
            sb.append(FloatFormat.repr(d));
        } else if ((o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet && ((PySet) o).size() > 0) && !reprEnter(o)) {
            // Reached again while its own repr is being made: a container that holds itself.
            sb.append(o instanceof PyList ? "[...]" : o instanceof PyTuple ? "(...)" : o instanceof PyDict ? "{...}" : typeName(o) + "(...)");
        } else if (o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet && ((PySet) o).size() > 0) {
            try {
                appendContainerRepr(sb, o);
            } finally {
                reprLeave(o);
            }
        } else if (o instanceof PySet s) {
            sb.append(s.isFrozen() ? "frozenset()" : "set()");
        } else if (o instanceof PyObject p) {
            sb.append(p.repr());
        } else if (Foreign.is(o)) {
            sb.append(Foreign.repr(o));
        } else {
            sb.append(String.valueOf(o));
        }
    }

    /** Containers whose repr this thread is making: CPython's {@code Py_ReprEnter}, so that {@code l.append(l)} shows as {@code [[...]]}. */
    private static final ThreadLocal<Set<Object>> REPR_IN_PROGRESS = ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    /** False when {@code o}'s repr is already being made further up: the caller shows it as {@code ...}. */
    @TruffleBoundary
    public static boolean reprEnter(Object o) {
        return REPR_IN_PROGRESS.get().add(o);
    }

    @TruffleBoundary
    public static void reprLeave(Object o) {
        REPR_IN_PROGRESS.get().remove(o);
    }

    private static void appendContainerRepr(StringBuilder sb, Object o) {
        if (o instanceof PyList l) {
            appendItems(sb.append('['), l.toArray());
            sb.append(']');
        } else if (o instanceof PyTuple t) {
            appendItems(sb.append('('), t.items());
            if (t.size() == 1) {
                sb.append(',');
            }
            sb.append(')');
        } else if (o instanceof PyDict d) {
            sb.append('{');
            boolean first = true;
            for (PyDict.Entry e : d.entries()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                appendRepr(sb, e.key);
                sb.append(": ");
                appendRepr(sb, e.value);
            }
            sb.append('}');
        } else if (o instanceof PySet s) {
            appendItems(sb.append(s.isFrozen() ? "frozenset({" : "{"), s.toArray());
            sb.append(s.isFrozen() ? "})" : "}");
        }
    }

    private static void appendItems(StringBuilder sb, Object[] items) {
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendRepr(sb, items[i]);
        }
    }

    /** {@code len(o)}. */
    @TruffleBoundary
    public static long len(Object o) {
        if (SpecialMethods.isUserObject(o) && !(o instanceof PyInstance)) {
            Object n = SpecialMethods.call(o, "__len__");
            if (n != SpecialMethods.NOT_DEFINED) {
                return checkLen(n);
            }
            o = PyValueInstance.unwrap(o);
        }
        if (o instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (o instanceof PyList l) {
            return l.size();
        }
        if (o instanceof PyTuple t) {
            return t.size();
        }
        if (o instanceof PyBytesLike b) {
            return b.length();
        }
        if (o instanceof PyMemoryView m) {
            return m.length();
        }
        if (o instanceof PyDict d) {
            return d.size();
        }
        if (o instanceof PySet s) {
            return s.size();
        }
        if (o instanceof PyRange r) {
            return r.length();
        }
        if (o instanceof PyDictView v) {
            return v.size();
        }
        if (o instanceof PyDeque d) {
            return d.size();
        }
        long foreignLength = Foreign.is(o) ? Foreign.len(o) : -1;
        if (foreignLength >= 0) {
            return foreignLength;
        }
        Object n = SpecialMethods.call(o, "__len__");
        if (n != SpecialMethods.NOT_DEFINED) {
            return checkLen(n);
        }
        Object builtin = SpecialMethods.callBuiltin(o, "__len__");
        if (builtin != SpecialMethods.NOT_DEFINED) {
            return checkLen(builtin);
        }
        throw PyErrors.typeError("object of type '" + typeName(o) + "' has no len()");
    }

    private static long checkLen(Object n) {
        if (!(n instanceof Long l)) {
            throw PyErrors.typeError("'" + typeName(n) + "' object cannot be interpreted as an integer");
        }
        if (l < 0) {
            throw PyErrors.valueError("__len__() should return >= 0");
        }
        return l;
    }

    public static boolean isInstance(Object o, PyType type) {
        return typeOf(o).isSubtypeOf(type);
    }
}
