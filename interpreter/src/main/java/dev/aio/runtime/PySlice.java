package dev.aio.runtime;

import java.math.BigInteger;

/** {@code slice(start, stop, step)}; each part is an int or None. */
public final class PySlice extends PyObject {
    private final Object start;
    private final Object stop;
    private final Object step;

    public PySlice(Object start, Object stop, Object step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    public Object start() {
        return start;
    }

    public Object stop() {
        return stop;
    }

    public Object step() {
        return step;
    }

    /** Python's {@code slice.indices(length)} plus the slice length: {start, stop, step, count}. */
    public int[] indices(int length) {
        long st = step == PyNone.NONE ? 1 : toLong(step);
        if (st == 0) {
            throw PyErrors.valueError("slice step cannot be zero");
        }
        long lower = st < 0 ? -1 : 0;
        long upper = st < 0 ? length - 1 : length;
        long b;
        if (start == PyNone.NONE) {
            b = st < 0 ? upper : lower;
        } else {
            b = toLong(start);
            b = b < 0 ? Math.max(b + length, lower) : Math.min(b, upper);
        }
        long e;
        if (stop == PyNone.NONE) {
            e = st < 0 ? lower : upper;
        } else {
            e = toLong(stop);
            e = e < 0 ? Math.max(e + length, lower) : Math.min(e, upper);
        }
        long count;
        if (st > 0) {
            count = e > b ? (e - b - 1) / st + 1 : 0;
        } else {
            count = b > e ? (b - e - 1) / -st + 1 : 0;
        }
        return new int[]{(int) b, (int) e, (int) st, (int) count};
    }

    private static long toLong(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger big) {
            return big.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        if (o instanceof PyValueInstance v && Numbers.isInt(v.value())) {
            return toLong(v.value());
        }
        throw PyErrors.typeError("slice indices must be integers or None or have an __index__ method");
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.SLICE;
    }

    @Override
    public String repr() {
        return "slice(" + PyOps.repr(start) + ", " + PyOps.repr(stop) + ", " + PyOps.repr(step) + ")";
    }
}
