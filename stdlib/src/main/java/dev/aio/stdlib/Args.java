package dev.aio.stdlib;

import java.math.BigInteger;

import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyValueInstance;

/** Argument checks shared by builtins, with CPython's error messages. */
final class Args {
    private Args() {
    }

    static boolean given(Object arg) {
        return arg != Missing.INSTANCE;
    }

    /** An optional argument: its value, or {@code fallback} when absent or None. */
    static Object orDefault(Object arg, Object fallback) {
        return arg == Missing.INSTANCE || arg == PyNone.NONE ? fallback : arg;
    }

    static long index(Object o, String what) {
        if (o instanceof PyValueInstance v && Numbers.isInt(v.value())) {
            return index(v.value(), what);
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger) {
            throw PyErrors.overflowError("Python int too large to convert to C ssize_t");
        }
        throw PyErrors.typeError("'" + PyOps.typeName(o) + "' object cannot be interpreted as an integer");
    }

    static double toDouble(Object o, String function) {
        o = PyValueInstance.unwrap(o);
        if (Numbers.isNumber(o)) {
            return Numbers.toDouble(o);
        }
        throw PyErrors.typeError("must be real number, not " + PyOps.typeName(o));
    }

    static String string(Object o, String what) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof PyValueInstance v && v.value() instanceof String s) {
            return s;
        }
        throw PyErrors.typeError(what + " must be str, not " + PyOps.typeName(o));
    }
}
