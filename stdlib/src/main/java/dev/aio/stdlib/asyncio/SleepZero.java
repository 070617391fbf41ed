package dev.aio.stdlib.asyncio;

import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;

/**
 * {@code asyncio.sleep(delay)} with {@code delay <= 0}: one bare yield (CPython's {@code __sleep0}),
 * the task runs again in the next iteration. Apart from {@link Sleep} because it is the commonest
 * sleep and made once per task step by a task that yields this way: it holds only its result.
 */
final class SleepZero extends BuiltinCoroutine {
    private final Object result;
    private boolean suspended;

    SleepZero(Object result) {
        this.result = result;
    }

    @Override
    public String qualName() {
        return "sleep";
    }

    @Override
    protected Object resume(Object sent) {
        if (!suspended) {
            suspended = true;
            return suspend(null);
        }
        if (sent instanceof ThrowRequest t) {
            throw new AioException(t.exception(), null);
        }
        return result;
    }
}
