package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;

import dev.aio.kernel.AwaitSignal;
import dev.aio.kernel.Awaitable;
import dev.aio.kernel.ThrowRequest;

/**
 * What an {@code async def} containing {@code yield} returns. Its body suspends for two reasons:
 * an {@code await} passes a future up to the task, a {@code yield} hands a value to the consumer
 * (tagged as {@link Produced}). Each {@code __anext__()} awaitable runs the body to its next value.
 */
public final class PyAsyncGenerator extends PyObject {
    private static final PyType TYPE = new PyType("async_generator", "builtins", BuiltinTypes.OBJECT);

    /** A value an async generator yields to its consumer (as opposed to a future it awaits). */
    public record Produced(Object value) {
    }

    private final PyFunction function;
    private ContinuationResult continuation;
    private boolean finished;
    private boolean running;

    public PyAsyncGenerator(PyFunction function, ContinuationResult start) {
        this.function = function;
        this.continuation = start;
    }

    /** {@code __anext__()}; with {@code stopAsNull} exhaustion gives {@code null} instead of raising (for {@code async for}). */
    public Awaitable anext(boolean stopAsNull) {
        return new Awaitable() {
            private Object yielded;

            @Override
            public Object step(Object sent) {
                Object value = sent == AwaitSignal.START ? PyNone.NONE : sent;
                if (finished) {
                    if (value instanceof ThrowRequest t) {
                        throw new AioException(t.exception(), null);
                    }
                    return stopped(stopAsNull);
                }
                if (running && sent == AwaitSignal.START) {
                    throw PyErrors.runtimeError("anext(): asynchronous generator is already running");
                }
                running = true;
                Object r;
                try {
                    r = continuation.continueWith(value);
                } catch (AioException e) {
                    running = false;
                    finish();
                    if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ASYNC_ITERATION)) {
                        throw PyErrors.runtimeError("async generator raised StopAsyncIteration");
                    }
                    throw e;
                }
                if (r instanceof ContinuationResult next) {
                    continuation = next;
                    Object y = next.getResult();
                    if (y instanceof Produced p) {
                        running = false;
                        return p.value();
                    }
                    yielded = y == AwaitSignal.BARE_YIELD ? null : y;
                    return AwaitSignal.PENDING;
                }
                running = false;
                finish();
                return stopped(stopAsNull);
            }

            @Override
            public Object yielded() {
                return yielded;
            }
        };
    }

    @TruffleBoundary
    private static Object stopped(boolean stopAsNull) {
        if (stopAsNull) {
            return null;
        }
        throw PyErrors.raiseNoArgs(BuiltinTypes.STOP_ASYNC_ITERATION);
    }

    private void finish() {
        finished = true;
        continuation = null;
    }

    public static PyType type() {
        return TYPE;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<async_generator object " + function.getQualName() + " at " + Ids.address(this) + ">";
    }
}
