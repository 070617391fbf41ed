package dev.aio.diagnostics;

/**
 * One thing that happened to a task, for {@code --timeline}: {@code task} numbers tasks in
 * creation order from 0, {@code time} is loop time in seconds, {@code text} depends on the kind.
 */
public record TimelineEvent(Kind kind, int task, double time, String text) {
    public enum Kind {
        /** The task was made; {@code text} is its coroutine, such as {@code consumer()}. */
        CREATED,
        /** The task got its name (at creation, and again on {@code set_name}); {@code text} is the name. */
        NAMED,
        /** A step began: the task's coroutine runs. */
        STEP_START,
        /** The step ended with the task suspended, waiting for {@code text} (such as {@code queue.get()}). */
        WAIT,
        /** The step ended with the task suspended in {@code asyncio.sleep}. */
        SLEEP,
        /** The step ended with a bare yield ({@code asyncio.sleep(0)}): the task runs again next iteration. */
        YIELD,
        /** The step ended with the task done; {@code text} is its result. */
        DONE,
        /** The step ended with the task cancelled. */
        CANCELLED,
        /** The step ended with the task failed; {@code text} is the exception. */
        FAILED
    }
}
