package dev.aio.stdlib.asyncio;

import dev.aio.AioContext;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;

/**
 * {@code asyncio.to_thread(func, *args, **kwargs)}: runs the call on the running loop's default
 * executor and waits for it. Cancelling the waiting task does not stop the call (nor does it in
 * CPython: a thread cannot be interrupted).
 */
final class ToThread extends BuiltinCoroutine {
    private final AioContext context;
    private final Object func;
    private final Object[] args;
    private final String[] kwNames;
    private final Object[] kwValues;
    private Future call;

    ToThread(AioContext context, Object func, Object[] args, String[] kwNames, Object[] kwValues) {
        this.context = context;
        this.func = func;
        this.args = args;
        this.kwNames = kwNames;
        this.kwValues = kwValues;
    }

    @Override
    public String qualName() {
        return "to_thread";
    }

    @Override
    protected Object resume(Object sent) {
        if (sent instanceof ThrowRequest t) {
            throw new AioException(t.exception(), null);
        }
        if (call == null) {
            // As CPython's to_thread: the call runs in a copy of the caller's context.
            call = context.requireRunningLoop().defaultExecutor().submit(func, args, kwNames, kwValues, context.currentContext().copy());
            return suspend(call);
        }
        return call.result();
    }
}
