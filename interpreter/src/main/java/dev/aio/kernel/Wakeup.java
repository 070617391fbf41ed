package dev.aio.kernel;

import java.util.concurrent.locks.LockSupport;

/**
 * How the loop thread sleeps until a deadline or until another thread hands it work
 * ({@code call_soon_threadsafe}); a wake-up that comes before the sleep is not lost.
 */
final class Wakeup {
    private volatile Thread sleeper;
    private volatile boolean requested;

    /** Sleeps up to {@code nanos} (Long.MAX_VALUE: until woken). */
    void sleep(long nanos) throws InterruptedException {
        sleeper = Thread.currentThread();
        long start = System.nanoTime();
        try {
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
        } finally {
            sleeper = null;
            requested = false;
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
