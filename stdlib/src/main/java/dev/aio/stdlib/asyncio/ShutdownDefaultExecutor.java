package dev.aio.stdlib.asyncio;

import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.PyNone;

/**
 * {@code loop.shutdown_default_executor()}: refuses new calls on worker threads and waits until the
 * running ones have returned; {@code asyncio.run} does it before closing the loop.
 */
final class ShutdownDefaultExecutor extends BuiltinCoroutine {
    private final EventLoop loop;
    private Future idle;

    ShutdownDefaultExecutor(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public String qualName() {
        return "BaseEventLoop.shutdown_default_executor";
    }

    @Override
    protected Object resume(Object sent) {
        if (sent instanceof ThrowRequest t) {
            throw new AioException(t.exception(), null);
        }
        if (idle == null) {
            idle = loop.defaultExecutor().whenIdle();
            if (!idle.isDone()) {
                return suspend(idle);
            }
        }
        return PyNone.NONE;
    }
}
