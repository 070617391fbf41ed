package dev.aio.asyncio;

import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyType;

/**
 * What {@code future.__await__()} returns, for {@code yield from} in a user's {@code __await__}:
 * it yields the future until it is done, then returns its result.
 */
public final class FutureIter extends PyIterator implements Awaitable {
    public static final PyType TYPE = new PyType("FutureIter", "_asyncio").withModuleInMessages();

    private final Future future;

    public FutureIter(Future future) {
        this.future = future;
    }

    @Override
    public Object step(Object sent) {
        return future.step(sent);
    }

    @Override
    public Object yielded() {
        return future;
    }

    /** Plain iteration: the future while it is pending. */
    @Override
    public Object next() {
        return future.isDone() ? null : future;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}
