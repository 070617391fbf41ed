package dev.aio.bench.plain;

import java.util.ArrayDeque;

/**
 * A coroutine written by hand as a state machine: {@link #resume()} runs it from where it last
 * suspended to its next suspension (it then either schedules itself again, for a bare yield, or
 * has registered with what it waits for) or to its end ({@link #finish()}).
 */
abstract class Task {
    protected final Scheduler scheduler;
    private final ArrayDeque<Task> awaiters = new ArrayDeque<>();
    private boolean done;

    Task(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    abstract void resume();

    /** The task returned: whoever awaits it is woken. */
    protected final void finish() {
        done = true;
        Task awaiter;
        while ((awaiter = awaiters.poll()) != null) {
            scheduler.schedule(awaiter);
        }
    }

    /** {@code await task} from {@code awaiter}: true if it is already done, else {@code awaiter} is woken when it is. */
    final boolean awaitDone(Task awaiter) {
        if (!done) {
            awaiters.add(awaiter);
        }
        return done;
    }
}
