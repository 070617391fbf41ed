package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.Awaitable;

/**
 * What {@code coro.__await__()} returns (CPython's {@code coroutine_wrapper}): an iterator over
 * what the coroutine yields to its driver, so that a class's {@code __await__} can delegate to a
 * coroutine with {@code yield from coro.__await__()}; {@code send}, {@code throw} and
 * {@code close} reach the coroutine.
 */
public final class CoroutineWrapper extends PyIterator implements Awaitable, Sendable {
    public static final PyType TYPE = new PyType("coroutine_wrapper", "builtins", BuiltinTypes.OBJECT);

    private final PyCoroutine coroutine;

    public CoroutineWrapper(PyCoroutine coroutine) {
        this.coroutine = coroutine;
    }

    @Override
    public Object step(Object sent) {
        return coroutine.step(sent);
    }

    @Override
    public Object yielded() {
        return coroutine.yielded();
    }

    /** Plain iteration: the next value the coroutine yields; exhausted once it returns (its result is dropped). */
    @Override
    @TruffleBoundary
    public Object next() {
        Object r = coroutine.step(PyNone.NONE);
        if (r != AwaitSignal.PENDING) {
            return null;
        }
        Object y = coroutine.yielded();
        return y == null ? PyNone.NONE : y;
    }

    @Override
    public Object send(Object value) {
        return coroutine.send(value);
    }

    @Override
    public void close() {
        coroutine.close();
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}
