package dev.aio.runtime;

/** {@code range(start, stop, step)} over longs. */
public final class PyRange extends PyObject {
    public final long start;
    public final long stop;
    public final long step;

    public PyRange(long start, long stop, long step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    public long length() {
        if (step > 0 && start < stop) {
            return (stop - start - 1) / step + 1;
        }
        if (step < 0 && start > stop) {
            return (start - stop - 1) / -step + 1;
        }
        return 0;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.RANGE;
    }

    @Override
    public String repr() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
