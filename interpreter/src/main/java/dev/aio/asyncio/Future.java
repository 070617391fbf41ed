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
import dev.aio.runtime.Overrides;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.ReprLib;
import dev.aio.runtime.SubclassableObject;

/** {@code asyncio.Future}, after CPython's futures.py: a result that will be set later, with done-callbacks. */
public class Future extends SubclassableObject implements Awaitable {
    public static final PyType TYPE = new PyType("Future", "_asyncio").withModuleInMessages();
    /** How the purpose of the future {@code asyncio.sleep} waits on starts (the timeline draws sleeps apart). */
    public static final String SLEEP_PURPOSE_PREFIX = "asyncio.sleep(";

    /**
     * The states, kept in a byte: a suspended task holds two futures (itself and the one it awaits).
     * Which one says what {@link #result} holds, so that a future needs no field for its exception.
     */
    private static final byte PENDING = 0;
    /** Cancelled: {@link #result} is the cancel message. */
    private static final byte CANCELLED = 1;
    /**
     * Cancelled by the CancelledError a task's coroutine raised: {@link #result} is that error, which
     * awaiting the task raises itself until {@link #makeCancelledError()} takes it (CPython's
     * {@code _cancelled_exc}); the cancel message is None.
     */
    private static final byte CANCELLED_RAISING = 2;
    /** Finished with the result in {@link #result}. */
    private static final byte FINISHED = 3;
    /** Finished with the exception in {@link #result}. */
    private static final byte FAILED = 4;

    /**
     * A done-callback; {@code target} is the aio callable it wraps, for {@code remove_done_callback};
     * {@code description} names it, or is null for an aio callable named from its source.
     */
    record Callback(Consumer<Future> action, String description, Object target) {
        /**
         * How a repr names it: an aio callable's source is formatted when a repr asks, as CPython's
         * {@code _format_callbacks} does, not when it is added (a string per {@code add_done_callback}).
         */
        String describe() {
            return description != null ? description : CallbackSource.describe(target);
        }
    }

    /** Set again by {@code Future.__init__(loop=...)} for an instance of a class derived from Future. */
    protected EventLoop loop;
    private byte state = PENDING;
    /** What the state says: the result, the exception, the cancel message or the CancelledError to raise. */
    private Object result;
    /**
     * The done-callbacks: null, one, or a list of them, each a {@link Callback} or a {@link Task}
     * that waits here (its wake-up, CPython's {@code task_wakeup}). Most futures get one callback
     * or none: CPython's C futures keep the first one apart too ({@code fut_callback0}).
     */
    private Object callbacks;
    /** What waiting on this future means to a reader, such as "queue.get()", for deadlock reports. */
    private String purpose;
    /** An exception nobody has retrieved yet (by result(), exception() or awaiting): reported when the loop closes. */
    private boolean logTraceback;
    /**
     * A task's step was given this future to wait on and refused it (a task awaiting itself, a
     * future of another loop): CPython's C task leaves the future's {@code _asyncio_future_blocking}
     * set then, so a later {@code await} of it while it is pending raises "await wasn't used with future".
     */
    private boolean refusedWhileBlocking;

    public Future(EventLoop loop) {
        this(loop, TYPE);
    }

    /** A pending instance of {@code type}, Future, Task or a class derived from one, on {@code loop}. */
    public Future(EventLoop loop, PyType type) {
        super(type);
        setLoop(loop);
    }

    /** {@code Future.__init__(loop=...)}: the loop the future belongs to (in debug mode, which notes where it was made). */
    public void setLoop(EventLoop eventLoop) {
        this.loop = eventLoop;
        if (eventLoop != null) {
            eventLoop.noteCreationSite(this);
        }
    }

    public EventLoop getLoop() {
        return loop;
    }

    public boolean isDone() {
        return state != PENDING;
    }

    public boolean isCancelled() {
        return state == CANCELLED || state == CANCELLED_RAISING;
    }

    /** {@code fut.cancel(msg)}. */
    public boolean cancel(Object message) {
        return cancelFuture(message);
    }

    /**
     * {@code self.cancel(msg)} where CPython's own code calls it on a future or task it holds
     * (gather's children, the future a task waits on, the tasks {@code asyncio.run} cancels at its
     * end): the {@code cancel} a class derived from Future or Task defines, else the builtin's.
     * {@code message} null calls it without arguments.
     */
    public final boolean cancelAsCalled(Object message) {
        Object override = Overrides.find(this, getPyType(), "cancel");
        if (override == null) {
            return cancel(message);
        }
        return PyOps.isTrue(message == null ? Calls.call(override) : Calls.call(override, message));
    }

    private boolean cancelFuture(Object message) {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        result = message;
        scheduleCallbacks();
        return true;
    }

    @TruffleBoundary
    public void setResult(Object value) {
        if (state != PENDING) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "invalid state");
        }
        result = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    @TruffleBoundary
    public void setException(PyBaseException e) {
        if (state != PENDING) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "invalid state");
        }
        if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
            throw PyErrors.typeError("StopIteration interacts badly with generators and cannot be raised into a Future");
        }
        result = e;
        state = FAILED;
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

    /** The exception it finished with, or null. */
    public PyBaseException getExceptionObject() {
        return state == FAILED ? (PyBaseException) result : null;
    }

    /** The result, without marking an exception retrieved as {@link #result()} does. */
    public Object resultValue() {
        return state == FINISHED ? result : null;
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        callbacks = null;
        if (cbs instanceof ArrayList<?> list) {
            for (Object cb : list) {
                schedule(cb);
            }
        } else if (cbs != null) {
            schedule(cbs);
        }
    }

    /**
     * Schedules a done-callback: a task's wake-up puts the task itself on the ready queue; an aio
     * callable's handle is named with this future as its argument, as CPython's is.
     */
    private void schedule(Object entry) {
        if (entry instanceof Task waiter) {
            loop.scheduler().callSoon(waiter);
            return;
        }
        Callback cb = (Callback) entry;
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
        addCallbackEntry(cb);
    }

    /** {@code waiter} awaits this future: its next step runs once this is done (CPython's {@code task_wakeup} callback). */
    void addWaiter(Task waiter) {
        addCallbackEntry(waiter);
    }

    @SuppressWarnings("unchecked")
    private void addCallbackEntry(Object entry) {
        if (state != PENDING) {
            schedule(entry);
        } else if (callbacks == null) {
            callbacks = entry;
        } else if (callbacks instanceof ArrayList<?> list) {
            ((ArrayList<Object>) list).add(entry);
        } else {
            ArrayList<Object> list = new ArrayList<>(4);
            list.add(callbacks);
            list.add(entry);
            callbacks = list;
        }
    }

    /** The done-callbacks, in order. */
    private List<?> callbackList() {
        Object cbs = callbacks;
        return cbs instanceof ArrayList<?> list ? list : cbs == null ? List.of() : List.of(cbs);
    }

    private static String describe(Object entry) {
        return entry instanceof Task ? "Task.task_wakeup()" : ((Callback) entry).describe();
    }

    private static Object targetOf(Object entry) {
        return entry instanceof Callback cb ? cb.target() : null;
    }

    /** {@code fut.add_done_callback(fn, context=)} with an aio callable, called in {@code context}. */
    public void addDoneCallback(Object callable, PyContext context) {
        addDoneCallback(new Callback(f -> context.run(loop.context(), () -> Calls.call(callable, f)), null, callable));
    }

    public int removeDoneCallback(Object callable) {
        Object cbs = callbacks;
        if (cbs instanceof ArrayList<?> list) {
            int before = list.size();
            list.removeIf(cb -> targetOf(cb) == callable);
            int removed = before - list.size();
            if (list.isEmpty()) {
                callbacks = null;
            }
            return removed;
        }
        if (cbs != null && targetOf(cbs) == callable) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    /** {@code fut.result()}: raises CancelledError, InvalidStateError or the stored exception. */
    @TruffleBoundary
    public Object result() {
        logTraceback = false;
        if (isCancelled()) {
            throw new AioException(makeCancelledError(), null);
        }
        if (state == PENDING) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "Result is not set.");
        }
        if (state == FAILED) {
            throw new AioException((PyBaseException) result, null);
        }
        return result;
    }

    /** {@code fut.exception()}. */
    @TruffleBoundary
    public Object exception() {
        logTraceback = false;
        if (isCancelled()) {
            throw new AioException(makeCancelledError(), null);
        }
        if (state == PENDING) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "Exception is not set.");
        }
        return state == FAILED ? result : PyNone.NONE;
    }

    /** The CancelledError that {@code result()} raises once cancelled (CPython's {@code _make_cancelled_error}). */
    @TruffleBoundary
    public PyBaseException makeCancelledError() {
        if (state == CANCELLED_RAISING) {
            PyBaseException e = (PyBaseException) result;
            state = CANCELLED;
            result = null;
            return e;
        }
        Object message = getCancelMessage();
        PyTuple args = message == null ? PyTuple.EMPTY : PyTuple.of(message);
        return new PyBaseException(BuiltinTypes.CANCELLED_ERROR, args);
    }

    /** A task's coroutine raised {@code e}: the task is cancelled, and awaiting it raises {@code e} itself. */
    void cancelWith(PyBaseException e) {
        cancelFuture(null);
        state = CANCELLED_RAISING;
        result = e;
    }

    public Object getCancelMessage() {
        return state == CANCELLED ? result : null;
    }

    // ----- await ---------------------------------------------------------------------------------

    /** See {@link #refusedWhileBlocking}. */
    void refusedByTask() {
        refusedWhileBlocking = true;
    }

    @Override
    public Object step(Object sent) {
        if (sent == AwaitSignal.START) {
            if (isDone()) {
                return result();
            }
            if (refusedWhileBlocking) {
                throw PyErrors.runtimeError("await wasn't used with future");
            }
            return AwaitSignal.PENDING;
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
        info.add(state == PENDING ? "pending" : isCancelled() ? "cancelled" : "finished");
        if (state == FAILED) {
            info.add("exception=" + ((PyBaseException) result).repr());
        } else if (state == FINISHED) {
            info.add("result=" + ReprLib.repr(result));
        }
        if (callbacks != null) {
            info.add(formatCallbacks(callbackList()));
        }
        String createdAt = loop == null ? null : loop.creationSiteOf(this);
        if (createdAt != null) {
            info.add("created at " + createdAt);
        }
        return info;
    }

    private static String formatCallbacks(List<?> callbacks) {
        int n = callbacks.size();
        String cb;
        if (n == 1) {
            cb = describe(callbacks.get(0));
        } else if (n == 2) {
            cb = describe(callbacks.get(0)) + ", " + describe(callbacks.get(1));
        } else {
            cb = describe(callbacks.get(0)) + ", <" + (n - 2) + " more>, " + describe(callbacks.get(n - 1));
        }
        return "cb=[" + cb + "]";
    }
}
