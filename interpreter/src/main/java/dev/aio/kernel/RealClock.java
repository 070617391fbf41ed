package dev.aio.kernel;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** The machine's clocks. */
public final class RealClock implements Clock {
    private final long origin = System.nanoTime();
    private volatile Thread waiter;

    @Override
    public double monotonic() {
        return (System.nanoTime() - origin) / 1e9;
    }

    @Override
    public double wallTime() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    @Override
    public long ticks() {
        return 0;
    }

    @Override
    public void beginIteration() {
    }

    @Override
    public void waitUntil(double deadlineSeconds, long ticks) throws InterruptedException {
        long deadline = Double.isInfinite(deadlineSeconds) ? Long.MAX_VALUE : origin + (long) (deadlineSeconds * 1e9);
        waiter = Thread.currentThread();
        try {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                // parkNanos may return early; re-check the deadline and whether we were woken.
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (waiter == null) {
                    return;
                }
            }
        } finally {
            waiter = null;
        }
    }

    @Override
    public void blockingSleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000), (int) ((seconds * 1e9) % 1_000_000));
    }

    @Override
    public void wakeUp() {
        Thread t = waiter;
        waiter = null;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public boolean isVirtual() {
        return false;
    }
}
