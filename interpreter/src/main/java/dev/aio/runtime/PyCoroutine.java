package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.AioContext;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.CoroutineLike;

/**
 * The coroutine an {@code async def} call returns: its body, suspended in a Bytecode DSL
 * continuation. Each {@link #step} resumes it until its next {@code await} suspends or it returns.
 */
public final class PyCoroutine extends BaseCoroutine implements Sendable {
    private final PyFunction function;
    /** Kept: a context lookup from Java code costs a thread-local read on the JIT runtime, at every step. */
    private final AioContext context;
    private final SuspendedBody body;
    /** The coroutine this one's current {@code await} runs, while both are suspended. */
    private PyCoroutine awaiting;

    public PyCoroutine(PyFunction function, ContinuationResult start) {
        this.function = function;
        this.body = new SuspendedBody(SuspendedBody.Kind.COROUTINE, start);
        this.context = AioContext.get(null);
        context.neverAwaited().created(this);
    }

    @Override
    public Object step(Object sent) {
        Object value = sendable(sent);
        startStep(value);
        boolean suspended;
        try {
            suspended = body.resume(value);
        } catch (AioException e) {
            throw stepRaised(e);
        }
        return stepEnded(suspended);
    }

    /** What the body receives for what {@link #step} was given. */
    public static Object sendable(Object sent) {
        return sent == AwaitSignal.START ? PyNone.NONE : sent;
    }

    /**
     * The first half of {@link #step} for an {@code await} that resumes the body with a call node of
     * its own: the continuation to call with {@code value} (see {@link SuspendedBody#resume}).
     */
    public ContinuationResult enterStep(Object value) {
        startStep(value);
        return body.enter(value);
    }

    /** After {@link #enterStep}'s call of the continuation, whichever way it ended. */
    public void leftStep() {
        body.left();
    }

    /** After {@link #enterStep}'s call of the continuation returned {@code r}: the step's result. */
    public Object stepReturned(Object r) {
        return stepEnded(body.returned(r));
    }

    /** After {@link #enterStep}'s call of the continuation raised {@code e}: what the step raises. */
    public AioException stepRaisedInBody(AioException e) {
        return stepRaised(body.raised(e));
    }

    private void startStep(Object value) {
        if (body.isFinished()) {
            throw PyErrors.runtimeError("cannot reuse already awaited coroutine");
        }
        if (!body.isStarted()) {
            body.checkFirstValue(value);
            context.neverAwaited().started(this);
        }
        // A coroutine awaited inside this step that suspends leaves itself here: the await stack.
        context.setSuspendedCoroutine(null);
    }

    private AioException stepRaised(AioException e) {
        awaiting = null;
        return e;
    }

    private Object stepEnded(boolean suspended) {
        if (suspended) {
            awaiting = context.getSuspendedCoroutine();
            context.setSuspendedCoroutine(this);
            return AwaitSignal.PENDING;
        }
        awaiting = null;
        context.setSuspendedCoroutine(null);
        return body.value();
    }

    @Override
    public CoroutineLike awaiting() {
        return awaiting;
    }

    /** {@code coro.send(v)}: what the coroutine yields to its driver next, or StopIteration carrying its result. */
    @Override
    @TruffleBoundary
    public Object send(Object value) {
        Object r = step(value);
        if (r == AwaitSignal.PENDING) {
            Object y = yielded();
            return y == null ? PyNone.NONE : y;
        }
        throw SuspendedBody.stopIteration(r);
    }

    /** {@code coro.close()}: GeneratorExit at the suspended await; a coroutine never started just ends. */
    @Override
    @TruffleBoundary
    public void close() {
        if (!body.isStarted()) {
            context.neverAwaited().started(this);
        }
        body.close(value -> step(value) == AwaitSignal.PENDING);
    }

    /** What the body suspended with (null for a bare yield), read from the body rather than kept: one field less per suspended coroutine. */
    @Override
    public Object yielded() {
        Object y = body.isFinished() ? null : body.value();
        return y == AwaitSignal.BARE_YIELD ? null : y;
    }

    /** Its suspended body (for tests of what a suspended body keeps). */
    SuspendedBody body() {
        return body;
    }

    @Override
    public String qualName() {
        return function.getQualName();
    }

    /** {@code coro.__name__}: its function's name. */
    public String name() {
        return function.getName();
    }

    public boolean isStarted() {
        return body.isStarted();
    }

    @Override
    public boolean isDone() {
        return body.isFinished();
    }

    @Override
    public boolean isUnawaited() {
        return !isAwaited() && !body.isStarted();
    }

    @Override
    @TruffleBoundary
    public String suspendedAt() {
        ContinuationResult continuation = body.continuation();
        if (continuation == null) {
            return null;
        }
        SourceSection at = continuation.getBytecodeLocation().getSourceLocation();
        return at == null || !at.isAvailable() ? null : at.getSource().getName() + ":" + at.getStartLine();
    }

    @Override
    @TruffleBoundary
    public String describeForTask() {
        PyCode code = function.getCode();
        int line = code.firstLine();
        if (body.isStarted() && !body.isFinished()) {
            // Running (the task prints itself): its current line, as CPython's cr_frame.f_lineno; suspended: its await's.
            SourceSection running = body.runningLocation();
            SourceSection at = running != null ? running : body.continuation().getBytecodeLocation().getSourceLocation();
            if (at != null && at.isAvailable()) {
                line = at.getStartLine();
            }
        }
        String where = code.fileName() + ":" + line;
        return qualName() + "() " + (body.isFinished() ? "done, defined at " : "running at ") + where;
    }
}
