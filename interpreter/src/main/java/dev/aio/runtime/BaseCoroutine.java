package dev.aio.runtime;

import dev.aio.asyncio.CoroutineLike;

/**
 * What every coroutine object shares, whether its body is aio code ({@link PyCoroutine}) or a
 * Java state machine standing for one of Lib/asyncio's {@code async def}s: its type, its repr
 * and the rule that it is awaited at most once.
 */
public abstract class BaseCoroutine extends PyObject implements CoroutineLike {
    private boolean awaited;

    protected final boolean isAwaited() {
        return awaited;
    }

    @Override
    public final void markAwaited() {
        if (awaited) {
            throw PyErrors.runtimeError("cannot reuse already awaited coroutine");
        }
        awaited = true;
    }

    @Override
    public final PyType getPyType() {
        return BuiltinTypes.COROUTINE;
    }

    @Override
    public final String repr() {
        return "<coroutine object " + qualName() + " at " + Ids.address(this) + ">";
    }
}
