package dev.aio.kernel;

/**
 * What the {@link Scheduler}'s ready queue runs: a {@link Handle}, or an object that puts itself on
 * the queue again and again without one. A task's next step is the second kind (CPython schedules
 * {@code Task.__step} and {@code task_wakeup} through a new handle each time): a step then costs
 * no allocation, and a suspended task holds no handle.
 */
public interface ReadyCallback {
    /** Runs the callback, unless it was cancelled meanwhile. */
    void runReady();

    /** The handle a report of its failure names it by (see {@link LoopHost#callbackFailed}). */
    Handle asHandle();
}
