package dev.aio.stdlib.asyncio;

import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.Awaitable;
import dev.aio.nodes.ops.AsyncOps;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyNone;

/**
 * {@code await self.acquire(); return None} where the lock's class replaces {@code acquire}
 * (CPython's {@code _ContextManagerMixin.__aenter__}): awaits what the replacement returned, then
 * gives None.
 */
final class AwaitOverride extends BuiltinCoroutine {
    private final String qualName;
    private final Object call;
    private Awaitable inner;

    /** @param call makes the awaitable: the replacement method, called when the coroutine first runs */
    AwaitOverride(String qualName, Object call) {
        this.qualName = qualName;
        this.call = call;
    }

    @Override
    public String qualName() {
        return qualName;
    }

    @Override
    protected Object resume(Object sent) {
        Object r;
        if (inner == null) {
            inner = (Awaitable) AsyncOps.getAwaitable(Calls.call(call));
            r = inner.step(AwaitSignal.START);
        } else {
            r = inner.step(sent);
        }
        return r == AwaitSignal.PENDING ? suspend(inner.yielded()) : PyNone.NONE;
    }
}
