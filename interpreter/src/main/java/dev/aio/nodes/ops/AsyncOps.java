package dev.aio.nodes.ops;

import java.util.concurrent.CompletionStage;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.AioContext;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.Awaitable;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.GeneratorAwaitable;
import dev.aio.asyncio.HostFuture;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyAsyncGenerator;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyGenerator;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.SpecialMethods;

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
        if (SpecialMethods.lookup(value, "__await__") != null) {
            Object iterator = SpecialMethods.call(value, "__await__");
            if (iterator instanceof CoroutineLike) {
                throw PyErrors.typeError("__await__() returned a coroutine");
            }
            if (iterator instanceof PyGenerator g) {
                return new GeneratorAwaitable(g);
            }
            if (iterator instanceof Awaitable a) {
                return a;
            }
            throw PyErrors.typeError("__await__() returned non-iterator of type '" + PyOps.typeName(iterator) + "'");
        }
        CompletionStage<?> stage = HostFuture.stageOf(AioContext.get(null).getEnv(), value);
        if (stage != null) {
            return HostFuture.wrap(AioContext.get(null).requireRunningLoop(), stage);
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

    /** What a resumed {@code yield} evaluates to: {@code sent}, or what a throw() passed, raised there. */
    public static Object resumed(Object sent, Node location) {
        if (sent instanceof ThrowRequest t) {
            throw thrownAt(t, location);
        }
        return sent;
    }

    /**
     * The exception a throw() raises where the body resumes. Only its making is behind a boundary:
     * the check runs at every resumption (every {@code await f()} starts a coroutine), so compiled
     * code tests the sent value's class inline instead of calling out each time.
     */
    @TruffleBoundary
    private static AioException thrownAt(ThrowRequest t, Node location) {
        return new AioException(t.exception(), location);
    }

    public static Object produce(Object value) {
        return new PyAsyncGenerator.Produced(value);
    }

    @TruffleBoundary
    public static Object aiter(Object iterable) {
        if (iterable instanceof PyAsyncGenerator) {
            return iterable;
        }
        Object aiter = SpecialMethods.lookup(iterable, "__aiter__");
        if (aiter == null) {
            throw PyErrors.typeError("'async for' requires an object with __aiter__ method, got " + PyOps.typeName(iterable));
        }
        return SpecialMethods.call(iterable, "__aiter__");
    }

    /** The next item of an async iterator as an awaitable; StopAsyncIteration becomes a {@code null} result. */
    @TruffleBoundary
    public static Object anextOrStop(Object iterator) {
        if (iterator instanceof PyAsyncGenerator g) {
            return g.anext(true);
        }
        Object next = SpecialMethods.call(iterator, "__anext__");
        if (next == SpecialMethods.NOT_DEFINED) {
            throw PyErrors.typeError("'async for' received an object from __aiter__ that does not implement __anext__: " + PyOps.typeName(iterator));
        }
        Object inner = getAwaitable(next);
        return new StopAsNull((Awaitable) inner);
    }

    /** {@code anext(it, default)}: the awaitable gives {@code dflt} where it would raise StopAsyncIteration. */
    @TruffleBoundary
    public static Object withDefault(Object next, Object dflt) {
        StopAsNull inner = new StopAsNull((Awaitable) getAwaitable(next));
        return new Awaitable() {
            @Override
            public Object step(Object sent) {
                Object r = inner.step(sent);
                return r == null ? dflt : r;
            }

            @Override
            public Object yielded() {
                return inner.yielded();
            }
        };
    }

    /** Wraps an {@code __anext__()} awaitable so that its StopAsyncIteration ends the loop instead of raising. */
    private record StopAsNull(Awaitable inner) implements Awaitable {
        @Override
        public Object step(Object sent) {
            try {
                return inner.step(sent);
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ASYNC_ITERATION)) {
                    return null;
                }
                throw e;
            }
        }

        @Override
        public Object yielded() {
            return inner.yielded();
        }
    }

    @TruffleBoundary
    public static Object yieldFrom(Object iterable) {
        return new YieldFromDelegation(Iteration.iter(iterable));
    }

    /** A throw into a coroutine suspended at its start raises there, before its first line. */
    public static void checkResume(Object sent, Node location) {
        if (sent instanceof ThrowRequest t) {
            throw thrownAt(t, location);
        }
    }
}
