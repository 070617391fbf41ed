package dev.aio.asyncio;

/**
 * What a loop's tasks report as they run, to a diagnostic that watches them (the
 * {@code --timeline} recorder in {@code dev.aio.diagnostics}); a loop without one holds
 * {@code null}, so observing costs a null check.
 */
public interface TaskObserver {
    /** A new task, which it watches from now on (the task keeps no number of its own: it is a suspended task's memory). */
    void taskCreated(Task task, String name, String coroutine, double time);

    /** Whether {@code task} was reported to {@link #taskCreated} (the runtime's own tasks are not). */
    boolean watches(Task task);

    void taskNamed(Task task, String name, double time);

    void stepStarted(Task task, double time);

    /** After a step: how the task left it (done, cancelled, failed, waiting for a future, or yielding). */
    void stepEnded(Task task, double time);
}
