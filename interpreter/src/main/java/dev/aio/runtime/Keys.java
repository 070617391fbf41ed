package dev.aio.runtime;

import java.math.BigInteger;

/** Turns a Python value into a Java map key with Python's equality: numbers that compare equal become one key. */
public final class Keys {
    private Keys() {
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
                return new java.math.BigDecimal(v).toBigInteger();
            }
            return d;
        }
        if (key instanceof BigInteger) {
            return key;
        }
        if (key instanceof PyList || key instanceof PyDict || key instanceof PySet) {
            throw PyErrors.typeError("unhashable type: '" + PyOps.typeName(key) + "'");
        }
        return key;
    }
}
