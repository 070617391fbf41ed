package dev.aio.kernel;

import java.util.function.Supplier;

/**
 * A callback due at a loop time. Deadlines order by time, then by the clock's tick when they were
 * set (see {@link Clock#ticks()}), then by the order they were scheduled in.
 */
public final class TimerHandle extends Handle implements Comparable<TimerHandle> {
    private final double when;
    private final long ticks;
    private final long sequence;

    public TimerHandle(double when, long ticks, long sequence, Runnable callback, String description) {
        super(callback, description);
        this.when = when;
        this.ticks = ticks;
        this.sequence = sequence;
    }

    /** With a description made when first asked for. */
    public TimerHandle(double when, long ticks, long sequence, Runnable callback, Supplier<String> description) {
        super(callback, description);
        this.when = when;
        this.ticks = ticks;
        this.sequence = sequence;
    }

    public long ticks() {
        return ticks;
    }

    public double when() {
        return when;
    }

    @Override
    public int compareTo(TimerHandle o) {
        int c = Double.compare(when, o.when);
        if (c != 0) {
            return c;
        }
        c = Long.compare(ticks, o.ticks);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
}
