package dev.aio.stdlib;

import dev.aio.AioContext;

/** What {@code _thread.lock} and {@code _thread.RLock} share: the acquire/release protocol their common methods use. */
interface ThreadLocking {
    /** Acquires, waiting at most {@code wait} seconds ({@link ThreadLock#FOREVER}: no limit); whether it was acquired. */
    boolean acquire(AioContext context, double wait);

    void release();
}
