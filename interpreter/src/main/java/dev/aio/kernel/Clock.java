package dev.aio.kernel;

/** The event loop's notion of time: real, or virtual (sleeps cost nothing). */
public interface Clock {
    /** Monotonic seconds: {@code loop.time()}, {@code time.monotonic()}, {@code time.perf_counter()}. */
    double monotonic();

    /** Seconds since the epoch: {@code time.time()}. */
    double wallTime();

    /** Waits until {@link #monotonic()} reaches {@code deadline} or the loop is woken; the virtual clock just moves there. */
    void waitUntil(double deadline) throws InterruptedException;

    /** {@code time.sleep}: blocks the whole loop. */
    void blockingSleep(double seconds) throws InterruptedException;

    /** Wakes a {@link #waitUntil} in progress (another thread scheduled work). */
    void wakeUp();

    boolean isVirtual();
}
