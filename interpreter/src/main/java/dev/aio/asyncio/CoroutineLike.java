package dev.aio.asyncio;

/** An awaitable that a Task can run: an {@code async def} coroutine or a builtin coroutine. */
public interface CoroutineLike extends Awaitable {
    /** {@code f} or {@code Queue.get}, as in {@code <coroutine object f at 0x...>}. */
    String qualName();

    /** {@code f() running at file:line} / {@code f() done, defined at file:line}, as a task's repr shows it. */
    String describeForTask();

    /** Where the coroutine is suspended ({@code file:line}), or {@code null} when it is not aio code. */
    default String suspendedAt() {
        return null;
    }

    /** The coroutine this one awaits while both are suspended (an await stack's next frame), or {@code null}. */
    default CoroutineLike awaiting() {
        return null;
    }

    /** Neither awaited nor given to a task (nor started by hand): nothing will ever run it. */
    boolean isUnawaited();

    /** Marks the coroutine as owned by an {@code await} or a task; reusing it is an error. */
    void markAwaited();

    boolean isDone();
}
