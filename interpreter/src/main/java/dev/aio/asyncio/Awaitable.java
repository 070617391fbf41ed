package dev.aio.asyncio;

/**
 * What {@code await} can drive: coroutines, coroutine-like builtins (such as {@code asyncio.sleep}
 * or {@code Queue.get}) and futures. Each step either finishes with the result, raises, or returns
 * {@link AwaitSignal#PENDING}, after which {@link #yielded()} is what must travel up to the task
 * (a future to wait for, or {@code null} for a bare yield).
 */
public interface Awaitable {
    /**
     * @param sent {@link AwaitSignal#START} on the first step of an {@code await}, then the value sent
     *            in by the task (None) or a {@link ThrowRequest}
     */
    Object step(Object sent);

    Object yielded();
}
