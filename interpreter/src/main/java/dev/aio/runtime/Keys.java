package dev.aio.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;

/** Turns a Python value into a Java map key with Python's equality: numbers that compare equal become one key. */
public final class Keys {
    private Keys() {
    }

    /** A key whose class defines {@code __eq__}/{@code __hash__}: compared and hashed through them. */
    private record UserKey(Object key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof UserKey other && PyOps.eq(key, other.key);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(userHash(key));
        }
    }

    /** {@code hash(obj)} for an instance of a class defined in aio code. */
    static long userHash(Object obj) {
        if (SpecialMethods.lookup(obj, "__hash__") == PyNone.NONE) {
            // __hash__ = None: the class declares its instances unhashable.
            throw PyErrors.typeError("unhashable type: '" + PyOps.typeName(obj) + "'");
        }
        Object h = SpecialMethods.call(obj, "__hash__");
        if (h == SpecialMethods.NOT_DEFINED) {
            if (SpecialMethods.lookup(obj, "__eq__") != null || obj instanceof PyList || obj instanceof PyDict) {
                throw PyErrors.typeError("unhashable type: '" + PyOps.typeName(obj) + "'");
            }
            if (obj instanceof PyTuple t) {
                return t.hashCode();
            }
            if (obj instanceof PyValueInstance v) {
                return PyOps.hash(v.value());
            }
            if (obj instanceof PyWeakRef r) {
                return r.hash();
            }
            if (obj instanceof PySet s && !s.isFrozen()) {
                throw PyErrors.typeError("unhashable type: '" + PyOps.typeName(obj) + "'");
            }
            if (obj instanceof PyBytes || obj instanceof PySet) {
                return obj.hashCode();
            }
            return Ids.id(obj) >> 4;
        }
        if (!(h instanceof Long l)) {
            throw PyErrors.typeError("__hash__ method should return an integer");
        }
        return l;
    }

    static boolean isUserKey(Object normalized) {
        return normalized instanceof UserKey;
    }

    /**
     * The stored key equal to {@code key} (normalized as {@code nk}, not itself in {@code map}) when
     * a key compared through a class's {@code __eq__} meets one of another kind (an IntEnum member
     * and an int); else {@code nk}. {@code userKeys} counts the stored keys of the first kind;
     * {@code original} gives the Python key of a stored entry.
     */
    static <V> Object crossTypeMatch(Map<Object, V> map, Object key, Object nk, int userKeys, Function<V, Object> original) {
        boolean user = nk instanceof UserKey;
        if (user ? map.size() == userKeys : userKeys == 0) {
            return nk;
        }
        for (Map.Entry<Object, V> e : map.entrySet()) {
            if ((e.getKey() instanceof UserKey) != user && PyOps.eq(key, original.apply(e.getValue()))) {
                return e.getKey();
            }
        }
        return nk;
    }

    public static Object normalize(Object key) {
        if (key instanceof String || key instanceof Long) {
            return key;
        }
        if (key instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (key instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 9.2e18) {
                return (long) v;
            }
            if (v == Math.rint(v) && !Double.isInfinite(v)) {
                return new BigDecimal(v).toBigInteger();
            }
            return d;
        }
        if (key instanceof BigInteger) {
            return key;
        }
        if (key instanceof PyComplex c) {
            return c.key();
        }
        if (SpecialMethods.isUserObject(key)) {
            if (SpecialMethods.lookup(key, "__eq__") != null || SpecialMethods.lookup(key, "__hash__") != null) {
                return new UserKey(key);
            }
            if (!(key instanceof BuiltinSubclassInstance)) {
                return key;
            }
            if (key instanceof PyValueInstance v) {
                return normalize(v.value());
            }
        }
        if (key instanceof PyDeque) {
            throw PyErrors.typeError("unhashable type: 'collections.deque'");
        }
        if (key instanceof PyMemoryView m) {
            if (!m.isReadOnly()) {
                throw PyErrors.valueError("cannot hash writable memoryview object");
            }
            return new PyBytes(m.toArray());
        }
        if (key instanceof PyList || key instanceof PyByteArray || key instanceof PyDict || key instanceof PySlice || key instanceof PySet s && !s.isFrozen()) {
            throw PyErrors.typeError("unhashable type: '" + PyOps.typeName(key) + "'");
        }
        return key;
    }
}
