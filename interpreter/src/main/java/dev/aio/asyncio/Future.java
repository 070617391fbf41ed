package dev.aio.asyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.ReprLib;

/** {@code asyncio.Future}, after CPython's futures.py: a result that will be set later, with done-callbacks. */
public class Future extends PyObject implements Awaitable {
    public static final PyType TYPE = new PyType("Future", "_asyncio").withModuleInMessages();
    /** How the purpose of the future {@code asyncio.sleep} waits on starts (the timeline draws sleeps apart). */
    public static final String SLEEP_PURPOSE_PREFIX = "asyncio.sleep(";

    enum State {
        PENDING, CANCELLED, FINISHED
    }

    /** A done-callback; {@code target} is the aio callable it wraps, for {@code remove_done_callback}. */
    record Callback(Consumer<Future> action, String description, Object target) {
    }

    protected final EventLoop loop;
    /** Debug mode: where the program made this future ({@link EventLoop#creationSite}), or null. */
    private final String createdAt;
    private State state = State.PENDING;
    private Object result;
    private PyBaseException exception;
    private Object cancelMessage;
    /** The CancelledError a task raised, kept so that awaiting the task raises the same object. */
    private PyBaseException cancelledException;
    private List<Callback> callbacks = new ArrayList<>();
    /** What waiting on this future means to a reader, such as "queue.get()", for deadlock reports. */
    private String purpose;
    /** An exception nobody has retrieved yet (by result(), exception() or awaiting): reported when the loop closes. */
    private boolean logTraceback;

    public Future(EventLoop loop) {
        this.loop = loop;
        this.createdAt = loop == null ? null : loop.creationSite();
    }

    public EventLoop getLoop() {
        return loop;
    }

    public boolean isDone() {
        return state != State.PENDING;
    }

    public boolean isCancelled() {
        return state == State.CANCELLED;
    }

    /** {@code fut.cancel(msg)}. */
    public boolean cancel(Object message) {
        if (state != State.PENDING) {
            return false;
        }
        state = State.CANCELLED;
        cancelMessage = message;
        scheduleCallbacks();
        return true;
    }

    @TruffleBoundary
    public void setResult(Object value) {
        if (state != State.PENDING) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "invalid state");
        }
        result = value;
        state = State.FINISHED;
        scheduleCallbacks();
    }

    @TruffleBoundary
    public void setException(PyBaseException e) {
        if (state != State.PENDING) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "invalid state");
        }
        if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
            throw PyErrors.typeError("StopIteration interacts badly with generators and cannot be raised into a Future");
        }
        exception = e;
        state = State.FINISHED;
        logTraceback = true;
        loop.noteUnretrieved(this);
        scheduleCallbacks();
    }

    public Future withPurpose(String description) {
        this.purpose = description;
        return this;
    }

    /** What {@link #withPurpose} set, or null. */
    public boolean isSleep() {
        return purpose != null && purpose.startsWith(SLEEP_PURPOSE_PREFIX);
    }

    public String purpose() {
        return purpose;
    }

    /** For deadlock reports: what a task waiting on this future waits for. */
    public String describeWait() {
        return purpose != null ? purpose : "a future (" + repr() + ")";
    }

    public boolean isExceptionUnretrieved() {
        return logTraceback;
    }

    public PyBaseException getExceptionObject() {
        return exception;
    }

    /** The result, without marking an exception retrieved as {@link #result()} does. */
    public Object resultValue() {
        return result;
    }

    private void scheduleCallbacks() {
        List<Callback> cbs = callbacks;
        callbacks = new ArrayList<>();
        for (Callback cb : cbs) {
            schedule(cb);
        }
    }

    /** Schedules a done-callback; an aio callable's handle is named with this future as its argument, as CPython's is. */
    private void schedule(Callback cb) {
        Runnable run = () -> cb.action().accept(this);
        if (cb.target() != null) {
            loop.scheduler().callSoon(run, () -> CallbackSource.describe(cb.target(), this));
        } else {
            loop.callSoon(run, cb.description());
        }
    }

    public void addDoneCallback(Consumer<Future> action, String description) {
        addDoneCallback(new Callback(action, description, null));
    }

    void addDoneCallback(Callback cb) {
        if (state != State.PENDING) {
            schedule(cb);
        } else {
            callbacks.add(cb);
        }
    }

    /** {@code fut.add_done_callback(fn, context=)} with an aio callable, called in {@code context}. */
    public void addDoneCallback(Object callable, PyContext context) {
        addDoneCallback(new Callback(f -> context.run(loop.context(), () -> Calls.call(callable, f)), CallbackSource.describe(callable), callable));
    }

    public int removeDoneCallback(Object callable) {
        int before = callbacks.size();
        callbacks.removeIf(cb -> cb.target() == callable);
        return before - callbacks.size();
    }

    /** {@code fut.result()}: raises CancelledError, InvalidStateError or the stored exception. */
    @TruffleBoundary
    public Object result() {
        logTraceback = false;
        if (state == State.CANCELLED) {
            throw new AioException(makeCancelledError(), null);
        }
        if (state != State.FINISHED) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "Result is not set.");
        }
        if (exception != null) {
            throw new AioException(exception, null);
        }
        return result;
    }

    /** {@code fut.exception()}. */
    @TruffleBoundary
    public Object exception() {
        logTraceback = false;
        if (state == State.CANCELLED) {
            throw new AioException(makeCancelledError(), null);
        }
        if (state != State.FINISHED) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "Exception is not set.");
        }
        return exception == null ? PyNone.NONE : exception;
    }

    /** The CancelledError that {@code result()} raises once cancelled (CPython's {@code _make_cancelled_error}). */
    @TruffleBoundary
    public PyBaseException makeCancelledError() {
        if (cancelledException != null) {
            PyBaseException e = cancelledException;
            cancelledException = null;
            return e;
        }
        PyTuple args = cancelMessage == null ? PyTuple.EMPTY : PyTuple.of(cancelMessage);
        return new PyBaseException(BuiltinTypes.CANCELLED_ERROR, args);
    }

    void setCancelledException(PyBaseException e) {
        cancelledException = e;
    }

    public Object getCancelMessage() {
        return cancelMessage;
    }

    // ----- await ---------------------------------------------------------------------------------

    @Override
    public Object step(Object sent) {
        if (sent == AwaitSignal.START) {
            return isDone() ? result() : AwaitSignal.PENDING;
        }
        if (sent instanceof ThrowRequest t) {
            throw new AioException(t.exception(), null);
        }
        if (!isDone()) {
            throw PyErrors.runtimeError("await wasn't used with future");
        }
        return result();
    }

    @Override
    public Object yielded() {
        return this;
    }

    // ----- repr ----------------------------------------------------------------------------------

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    @TruffleBoundary
    public String repr() {
        // base_futures._future_repr is a reprlib.recursive_repr: a future inside its own result shows as "...".
        if (!PyOps.reprEnter(this)) {
            return "...";
        }
        try {
            return "<" + getPyType().getName() + " " + String.join(" ", reprInfo()) + ">";
        } finally {
            PyOps.reprLeave(this);
        }
    }

    protected List<String> reprInfo() {
        List<String> info = new ArrayList<>();
        info.add(state.name().toLowerCase());
        if (state == State.FINISHED) {
            if (exception != null) {
                info.add("exception=" + exception.repr());
            } else {
                info.add("result=" + ReprLib.repr(result));
            }
        }
        if (!callbacks.isEmpty()) {
            info.add(formatCallbacks());
        }
        if (createdAt != null) {
            info.add("created at " + createdAt);
        }
        return info;
    }

    private String formatCallbacks() {
        int n = callbacks.size();
        String cb;
        if (n == 1) {
            cb = callbacks.get(0).description();
        } else if (n == 2) {
            cb = callbacks.get(0).description() + ", " + callbacks.get(1).description();
        } else {
            cb = callbacks.get(0).description() + ", <" + (n - 2) + " more>, " + callbacks.get(n - 1).description();
        }
        return "cb=[" + cb + "]";
    }

    State state() {
        return state;
    }
}
