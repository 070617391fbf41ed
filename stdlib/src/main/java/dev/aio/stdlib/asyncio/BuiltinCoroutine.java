package dev.aio.stdlib.asyncio;

import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BaseCoroutine;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.Sendable;
import dev.aio.runtime.SuspendedBody;

/**
 * A coroutine implemented in Java as a small state machine, standing for one of CPython's
 * {@code async def}s in Lib/asyncio (such as {@code sleep} or {@code Queue.get}): it suspends and
 * resumes at exactly the points the Python version does.
 */
abstract class BuiltinCoroutine extends BaseCoroutine implements Sendable {
    private boolean done;
    private boolean started;
    /**
     * What it suspended with last, kept while it resumes (so a state machine that waits on one
     * future finds it here and needs no field of its own: a waiting task holds one such coroutine)
     * and dropped when it is done.
     */
    protected Object yielded;

    @Override
    public final Object step(Object sent) {
        if (done) {
            throw PyErrors.runtimeError("cannot reuse already awaited coroutine");
        }
        if (!started) {
            started = true;
            if (sent instanceof ThrowRequest t) {
                // Thrown in before the first step (a task cancelled before it ran): raised where the
                // body would start, none of it run, as CPython's gen_throw does for a fresh coroutine.
                done = true;
                throw new AioException(t.exception(), null);
            }
        }
        Object r = null;
        try {
            r = resume(sent == AwaitSignal.START ? PyNone.NONE : sent);
        } finally {
            if (r != AwaitSignal.PENDING) {
                done = true;
                yielded = null;
            }
        }
        return r;
    }

    /** {@code coro.send(v)}: what it suspends with next (None for a bare yield), or StopIteration carrying its result. */
    @Override
    public final Object send(Object value) {
        Object sent = value;
        if (!started && !(value instanceof ThrowRequest)) {
            if (value != PyNone.NONE) {
                throw PyErrors.typeError("can't send non-None value to a just-started coroutine");
            }
            sent = AwaitSignal.START;
        }
        Object r = step(sent);
        if (r == AwaitSignal.PENDING) {
            return yielded == null ? PyNone.NONE : yielded;
        }
        throw SuspendedBody.stopIteration(r);
    }

    /** {@code coro.close()}: GeneratorExit where it waits, which each state machine raises; one never started, or done, just ends. */
    @Override
    public final void close() {
        if (!started || done) {
            started = true;
            done = true;
            return;
        }
        SuspendedBody.throwGeneratorExit(value -> step(value) == AwaitSignal.PENDING, "coroutine");
    }

    /** Advances the state machine: {@link AwaitSignal#PENDING} after setting {@link #yielded}, or the result. */
    protected abstract Object resume(Object sent);

    /** Suspends, handing {@code future} (or {@code null}: a bare yield) up to the task. */
    protected final Object suspend(Object future) {
        yielded = future;
        return AwaitSignal.PENDING;
    }

    @Override
    public final Object yielded() {
        return yielded;
    }

    @Override
    public String describeForTask() {
        return qualName() + "() " + (done ? "done" : "running");
    }

    @Override
    public boolean isUnawaited() {
        return !isAwaited() && !done;
    }

    @Override
    public boolean isDone() {
        return done;
    }
}
