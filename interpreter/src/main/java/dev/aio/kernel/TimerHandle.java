package dev.aio.kernel;

/** A callback due at a loop time; timers with equal deadlines run in the order they were scheduled. */
public final class TimerHandle extends Handle implements Comparable<TimerHandle> {
    private final double when;
    private final long sequence;

    public TimerHandle(double when, long sequence, Runnable callback, String description) {
        super(callback, description);
        this.when = when;
        this.sequence = sequence;
    }

    public double when() {
        return when;
    }

    @Override
    public int compareTo(TimerHandle o) {
        int c = Double.compare(when, o.when);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
}
