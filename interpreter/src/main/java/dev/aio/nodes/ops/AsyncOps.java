package dev.aio.nodes.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.kernel.AwaitSignal;
import dev.aio.kernel.Awaitable;
import dev.aio.kernel.CoroutineLike;
import dev.aio.kernel.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;

/** The {@code await} protocol as the bytecode drives it (see {@link Awaitable}). */
public final class AsyncOps {
    private AsyncOps() {
    }

    @TruffleBoundary
    public static Object getAwaitable(Object value) {
        if (value instanceof CoroutineLike c) {
            c.markAwaited();
            return c;
        }
        if (value instanceof Awaitable a) {
            return a;
        }
        throw PyErrors.typeError("object " + PyOps.typeName(value) + " can't be used in 'await' expression");
    }

    public static Object step(Object awaitable, Object sent) {
        return ((Awaitable) awaitable).step(sent);
    }

    public static boolean isPending(Object stepResult) {
        return stepResult == AwaitSignal.PENDING;
    }

    public static Object yielded(Object awaitable) {
        Object y = ((Awaitable) awaitable).yielded();
        return y == null ? AwaitSignal.BARE_YIELD : y;
    }

    @TruffleBoundary
    public static Object resumed(Object sent, Node location) {
        if (sent instanceof ThrowRequest t) {
            throw new AioException(t.exception(), location);
        }
        return sent;
    }

    @TruffleBoundary
    public static Object yieldFrom(Object iterable) {
        return new YieldFromDelegation(dev.aio.runtime.Iteration.iter(iterable));
    }

    /** A throw into a coroutine suspended at its start raises there, before its first line. */
    @TruffleBoundary
    public static void checkResume(Object sent, Node location) {
        if (sent instanceof ThrowRequest t) {
            throw new AioException(t.exception(), location);
        }
    }
}
