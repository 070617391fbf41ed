package dev.aio.kernel;

import java.util.concurrent.locks.LockSupport;

import com.oracle.truffle.api.TruffleSafepoint;

/**
 * How the loop thread sleeps until a deadline or until another thread hands it work
 * ({@code call_soon_threadsafe}); a wake-up that comes before the sleep is not lost.
 */
final class Wakeup {
    private volatile Thread sleeper;
    private volatile boolean requested;

    /**
     * Sleeps up to {@code nanos} (Long.MAX_VALUE: until woken). The sleep is a Truffle safepoint:
     * a thread-local action (a time limit, a cancel from another thread) runs in it, and may end it.
     */
    void sleep(long nanos) throws InterruptedException {
        sleeper = Thread.currentThread();
        long start = System.nanoTime();
        try {
            TruffleSafepoint.setBlockedThreadInterruptible(null, w -> w.park(start, nanos), this);
        } catch (IllegalStateException notInAContext) {
            // A scheduler driven outside a polyglot context (its unit tests) has no safepoints.
            park(start, nanos);
        } finally {
            sleeper = null;
            requested = false;
        }
    }

    private void park(long start, long nanos) throws InterruptedException {
        while (!requested) {
            long left = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : nanos - (System.nanoTime() - start);
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    void wake() {
        requested = true;
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
