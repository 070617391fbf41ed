package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;

import dev.aio.AioContext;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.ThrowRequest;

/**
 * The coroutine an {@code async def} call returns: its body, suspended in a Bytecode DSL
 * continuation. Each {@link #step} resumes it until its next {@code await} suspends or it returns.
 */
public final class PyCoroutine extends PyObject implements CoroutineLike {
    private final PyFunction function;
    /** Kept: a context lookup from Java code costs a thread-local read on the JIT runtime, at every step. */
    private final AioContext context;
    private ContinuationResult continuation;
    private Object yielded;
    private boolean started;
    private boolean running;
    private boolean finished;
    private boolean awaited;
    /** The coroutine this one's current {@code await} runs, while both are suspended. */
    private PyCoroutine awaiting;

    public PyCoroutine(PyFunction function, ContinuationResult start) {
        this.function = function;
        this.continuation = start;
        this.context = AioContext.get(null);
        context.neverAwaited().created(this);
    }

    @Override
    public Object step(Object sent) {
        if (finished) {
            throw PyErrors.runtimeError("cannot reuse already awaited coroutine");
        }
        if (running) {
            throw PyErrors.valueError("coroutine already executing");
        }
        Object value = sent == AwaitSignal.START ? PyNone.NONE : sent;
        if (!started) {
            if (value != PyNone.NONE && !(value instanceof ThrowRequest)) {
                throw PyErrors.typeError("can't send non-None value to a just-started coroutine");
            }
            started = true;
            context.neverAwaited().started(this);
        }
        running = true;
        // A coroutine awaited inside this step that suspends leaves itself here: the await stack.
        context.setSuspendedCoroutine(null);
        Object r;
        try {
            r = continuation.continueWith(value);
        } catch (AioException e) {
            finish();
            if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                // PEP 479, as for generators: a Future cannot take StopIteration as its exception.
                AioException error = PyErrors.runtimeError("coroutine raised StopIteration");
                error.getException().setCause(e.getException());
                throw error;
            }
            throw e;
        } finally {
            running = false;
        }
        if (r instanceof ContinuationResult next) {
            continuation = next;
            Object y = next.getResult();
            yielded = y == AwaitSignal.BARE_YIELD ? null : y;
            awaiting = context.getSuspendedCoroutine();
            context.setSuspendedCoroutine(this);
            return AwaitSignal.PENDING;
        }
        finish();
        context.setSuspendedCoroutine(null);
        return r;
    }

    private void finish() {
        finished = true;
        continuation = null;
        yielded = null;
        awaiting = null;
    }

    @Override
    public CoroutineLike awaiting() {
        return awaiting;
    }

    /** {@code coro.send(v)}: what the coroutine yields to its driver next, or StopIteration carrying its result. */
    @TruffleBoundary
    public Object send(Object value) {
        Object r = step(value);
        if (r == AwaitSignal.PENDING) {
            return yielded == null ? PyNone.NONE : yielded;
        }
        PyTuple args = r == PyNone.NONE ? PyTuple.EMPTY : PyTuple.of(r);
        throw new AioException(new PyBaseException(BuiltinTypes.STOP_ITERATION, args), null);
    }

    /** {@code coro.close()}: GeneratorExit at the suspended await; a coroutine never started just ends. */
    @TruffleBoundary
    public void close() {
        if (!started) {
            started = true;
            finish();
            context.neverAwaited().started(this);
            return;
        }
        if (finished) {
            return;
        }
        try {
            if (step(new ThrowRequest(new PyBaseException(BuiltinTypes.GENERATOR_EXIT, PyTuple.EMPTY))) == AwaitSignal.PENDING) {
                throw PyErrors.runtimeError("coroutine ignored GeneratorExit");
            }
        } catch (AioException e) {
            PyType t = e.getPyType();
            if (!t.isSubtypeOf(BuiltinTypes.GENERATOR_EXIT) && !t.isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                throw e;
            }
        }
    }

    @Override
    public Object yielded() {
        return yielded;
    }

    @Override
    public String qualName() {
        return function.getQualName();
    }

    public boolean isStarted() {
        return started;
    }

    @Override
    public boolean isDone() {
        return finished;
    }

    @Override
    public boolean isUnawaited() {
        return !awaited && !started;
    }

    @Override
    public void markAwaited() {
        if (awaited) {
            throw PyErrors.runtimeError("cannot reuse already awaited coroutine");
        }
        awaited = true;
    }

    @Override
    @TruffleBoundary
    public String suspendedAt() {
        if (continuation == null) {
            return null;
        }
        com.oracle.truffle.api.source.SourceSection at = continuation.getBytecodeLocation().getSourceLocation();
        return at == null || !at.isAvailable() ? null : at.getSource().getName() + ":" + at.getStartLine();
    }

    @Override
    @TruffleBoundary
    public String describeForTask() {
        PyCode code = function.getCode();
        int line = code.firstLine();
        if (started && !finished) {
            com.oracle.truffle.api.source.SourceSection at = continuation.getBytecodeLocation().getSourceLocation();
            if (at != null && at.isAvailable()) {
                line = at.getStartLine();
            }
        }
        String where = code.fileName() + ":" + line;
        return qualName() + "() " + (finished ? "done, defined at " : "running at ") + where;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.COROUTINE;
    }

    @Override
    public String repr() {
        return "<coroutine object " + qualName() + " at " + Ids.address(this) + ">";
    }
}
