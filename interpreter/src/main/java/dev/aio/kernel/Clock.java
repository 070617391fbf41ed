package dev.aio.kernel;

/** The event loop's notion of time: real, or virtual (sleeps cost nothing). */
public interface Clock {
    /** Monotonic seconds: {@code loop.time()}, {@code time.monotonic()}, {@code time.perf_counter()}. */
    double monotonic();

    /** Seconds since the epoch: {@code time.time()}. */
    double wallTime();

    /**
     * Waits until {@link #monotonic()} reaches {@code deadline}; the virtual clock just moves there
     * (to the deadline's instant {@code (deadline, ticks)}).
     */
    void waitUntil(double deadline, long ticks) throws InterruptedException;

    /**
     * The virtual clock's sub-instant: how many loop iterations have run at the current time. CPython
     * spends real time in each iteration, so a timer started in a later iteration expires a little
     * later; ordering deadlines by {@code (seconds, ticks)} reproduces that without making any
     * visible time inexact. Always 0 on the real clock.
     */
    long ticks();

    /** Marks the start of a loop iteration. */
    void beginIteration();

    /** {@code time.sleep}: blocks the whole loop. */
    void blockingSleep(double seconds) throws InterruptedException;

    boolean isVirtual();
}
