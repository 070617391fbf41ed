package dev.aio.asyncio;

/**
 * What a loop's tasks report as they run, to a diagnostic that watches them (the
 * {@code --timeline} recorder in {@code dev.aio.diagnostics}); a loop without one holds
 * {@code null}, so observing costs a null check.
 */
public interface TaskObserver {
    /** A new task: returns its number, which the other calls take. */
    int taskCreated(String name, String coroutine, double time);

    void taskNamed(int task, String name, double time);

    void stepStarted(int task, double time);

    /** After a step: how the task left it (done, cancelled, failed, waiting for a future, or yielding). */
    void stepEnded(int task, Task t, double time);
}
