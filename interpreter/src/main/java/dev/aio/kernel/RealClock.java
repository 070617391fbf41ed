package dev.aio.kernel;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** The machine's clocks. */
public final class RealClock implements Clock {
    private final long origin = System.nanoTime();

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
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            // parkNanos may return early: re-check the deadline.
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    @Override
    public void blockingSleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000), (int) ((seconds * 1e9) % 1_000_000));
    }

    @Override
    public boolean isVirtual() {
        return false;
    }
}
