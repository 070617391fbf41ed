package dev.aio.bench.kernel;

import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.CoroutineLike;

/** A coroutine in Java that does {@code await asyncio.sleep(0)} a given number of times, then returns how often it did. */
final class YieldingCoroutine implements CoroutineLike {
    private final long yields;
    private long resumed;
    private boolean started;
    private boolean done;
    private boolean awaited;

    YieldingCoroutine(long yields) {
        this.yields = yields;
    }

    @Override
    public Object step(Object sent) {
        if (started) {
            resumed++;
        }
        started = true;
        if (resumed < yields) {
            return AwaitSignal.PENDING;
        }
        done = true;
        return resumed;
    }

    /** A bare yield, as {@code sleep(0)}'s: the task goes back to the ready queue. */
    @Override
    public Object yielded() {
        return null;
    }

    @Override
    public String qualName() {
        return "spinner";
    }

    @Override
    public String describeForTask() {
        return "spinner() running";
    }

    @Override
    public boolean isUnawaited() {
        return !awaited && !started;
    }

    @Override
    public void markAwaited() {
        awaited = true;
    }

    @Override
    public boolean isDone() {
        return done;
    }
}
