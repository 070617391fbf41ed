package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;

import dev.aio.AioContext;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.Awaitable;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.ThrowRequest;

/**
 * What an {@code async def} containing {@code yield} returns. Its body suspends for two reasons:
 * an {@code await} passes a future up to the task, a {@code yield} hands a value to the consumer
 * (tagged as {@link Produced}). Each {@code __anext__()} awaitable runs the body to its next value.
 */
public final class PyAsyncGenerator extends PyObject {
    private static final PyType TYPE = new PyType("async_generator", "builtins", BuiltinTypes.OBJECT);
    private static final PyType ASEND_TYPE = new PyType("async_generator_asend", "builtins", BuiltinTypes.OBJECT);
    private static final PyType ATHROW_TYPE = new PyType("async_generator_athrow", "builtins", BuiltinTypes.OBJECT);

    /** A value an async generator yields to its consumer (as opposed to a future it awaits). */
    public record Produced(Object value) {
    }

    private final PyFunction function;
    private final SuspendedBody body;
    /** The loop told of this generator's first iteration, to close it when the run ends; null if none. */
    private EventLoop finalizer;
    private boolean firstIterationSeen;
    /** An {@code __anext__}, {@code asend} or {@code athrow} is under way, across its awaits (CPython's {@code ag_running_async}). */
    private boolean running;

    public PyAsyncGenerator(PyFunction function, ContinuationResult start) {
        this.function = function;
        this.body = new SuspendedBody(SuspendedBody.Kind.ASYNC_GENERATOR, start);
    }

    /** {@code __anext__()}; with {@code stopAsNull} exhaustion gives {@code null} instead of raising (for {@code async for}). */
    public Awaitable anext(boolean stopAsNull) {
        return new Operation(PyNone.NONE, stopAsNull, false);
    }

    /** {@code asend(value)}: resumes the body with the value its {@code yield} evaluates to. */
    public Awaitable asend(Object value) {
        return new Operation(value, false, false);
    }

    /** {@code athrow(exc)}: raises the exception at the suspended {@code yield}; the result is the next value. */
    public Awaitable athrow(PyBaseException exception) {
        return new Operation(new ThrowRequest(exception), false, false);
    }

    /** {@code aclose()}: GeneratorExit at the suspended {@code yield}; the body may await while it cleans up, not yield. */
    public Awaitable aclose() {
        return new Operation(new ThrowRequest(new PyBaseException(BuiltinTypes.GENERATOR_EXIT, PyTuple.EMPTY)), false, true);
    }

    /** The awaitable each of those returns ({@code async_generator_asend} and {@code async_generator_athrow} in CPython). */
    private final class Operation extends PyObject implements Awaitable {
        private final Object first;
        private final boolean stopAsNull;
        private final boolean closing;
        private Object yielded;

        Operation(Object first, boolean stopAsNull, boolean closing) {
            this.first = first;
            this.stopAsNull = stopAsNull;
            this.closing = closing;
        }

        @Override
        public Object step(Object sent) {
            if (!firstIterationSeen) {
                firstIterationStarts();
            }
            try {
                return advance(sent);
            } finally {
                if (finalizer != null && body.isFinished()) {
                    finalizer.asyncgenFinished(PyAsyncGenerator.this);
                    finalizer = null;
                }
            }
        }

        private Object advance(Object sent) {
            boolean starting = sent == AwaitSignal.START;
            Object value = starting ? first : sent;
            if (body.isFinished() || closing && starting && !body.isStarted()) {
                body.finish();
                if (starting && closing) {
                    return PyNone.NONE;
                }
                if (starting && first instanceof ThrowRequest) {
                    throw PyErrors.raiseNoArgs(BuiltinTypes.STOP_ASYNC_ITERATION);
                }
                if (value instanceof ThrowRequest t) {
                    throw new AioException(t.exception(), null);
                }
                return stopped(stopAsNull);
            }
            if (running && starting) {
                throw PyErrors.runtimeError((first instanceof ThrowRequest ? "athrow" : "anext") + "(): asynchronous generator is already running");
            }
            running = true;
            boolean suspended;
            try {
                suspended = body.resume(value);
            } catch (AioException e) {
                running = false;
                PyType t = e.getPyType();
                if (closing && (t.isSubtypeOf(BuiltinTypes.GENERATOR_EXIT) || t.isSubtypeOf(BuiltinTypes.STOP_ASYNC_ITERATION))) {
                    return PyNone.NONE;
                }
                if (t.isSubtypeOf(BuiltinTypes.STOP_ASYNC_ITERATION)) {
                    throw PyErrors.runtimeError("async generator raised StopAsyncIteration");
                }
                throw e;
            }
            if (suspended) {
                Object y = body.value();
                if (y instanceof Produced p) {
                    running = false;
                    if (closing) {
                        throw PyErrors.runtimeError("async generator ignored GeneratorExit");
                    }
                    return p.value();
                }
                yielded = y == AwaitSignal.BARE_YIELD ? null : y;
                return AwaitSignal.PENDING;
            }
            running = false;
            return closing ? PyNone.NONE : stopped(stopAsNull);
        }

        @Override
        public Object yielded() {
            return yielded;
        }

        @Override
        public PyType getPyType() {
            return first instanceof ThrowRequest ? ATHROW_TYPE : ASEND_TYPE;
        }
    }

    /** CPython's {@code firstiter} hook, which the running loop sets: the loop will close this generator if it is left suspended. */
    @TruffleBoundary
    private void firstIterationStarts() {
        firstIterationSeen = true;
        EventLoop loop = AioContext.get(null).getRunningLoop();
        if (loop != null) {
            finalizer = loop;
            loop.asyncgenStarted(this);
        }
    }

    @TruffleBoundary
    private static Object stopped(boolean stopAsNull) {
        if (stopAsNull) {
            return null;
        }
        throw PyErrors.raiseNoArgs(BuiltinTypes.STOP_ASYNC_ITERATION);
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
