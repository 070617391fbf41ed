package dev.aio.nodes.ops;

import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.Awaitable;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.PyGenerator;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyNone;

/**
 * {@code yield from it} in the shape of the await protocol: each step passes what the outer
 * generator was sent on to {@code it} (a sub-generator receives send() and throw(); a plain
 * iterator is just advanced) and hands its next value up, until it is exhausted.
 */
final class YieldFromDelegation implements Awaitable {
    private final PyIterator iterator;
    private Object yielded;

    YieldFromDelegation(PyIterator iterator) {
        this.iterator = iterator;
    }

    @Override
    public Object step(Object sent) {
        if (iterator instanceof Awaitable a) {
            // future.__await__(): the await protocol itself.
            Object r = a.step(sent);
            yielded = r == AwaitSignal.PENDING ? a.yielded() : null;
            return r;
        }
        Object value = sent == AwaitSignal.START ? PyNone.NONE : sent;
        Object next;
        Object[] returned = new Object[1];
        if (iterator instanceof PyGenerator g) {
            next = g.resume(value, returned);
        } else {
            if (value instanceof ThrowRequest t) {
                throw new AioException(t.exception(), null);
            }
            next = iterator.next();
            returned[0] = PyNone.NONE;
        }
        if (next == null) {
            return returned[0] == null ? PyNone.NONE : returned[0];
        }
        yielded = next;
        return AwaitSignal.PENDING;
    }

    @Override
    public Object yielded() {
        return yielded;
    }
}
