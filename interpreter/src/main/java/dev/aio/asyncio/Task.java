package dev.aio.asyncio;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * {@code asyncio.Task}: runs a coroutine step by step on the loop, after CPython's
 * {@code Task.__step} and {@code __wakeup}, so interleavings match CPython's line for line.
 */
public final class Task extends Future {
    public static final PyType TYPE = new PyType("Task", "_asyncio", Future.TYPE).withModuleInMessages();

    private final CoroutineLike coroutine;
    private String name;
    private Future futureWaiter;
    private boolean mustCancel;
    private int cancelsRequested;
    private Object pendingCancelMessage;
    /** Watches this task (see {@link TaskObserver}); null when nothing does. */
    private final TaskObserver observer;
    private final int observerId;
    /** The contextvars context every step runs in (CPython's {@code Task._context}). */
    private final PyContext runContext;

    public Task(EventLoop loop, CoroutineLike coroutine, String name) {
        this(loop, coroutine, name, false);
    }

    /**
     * With {@code eagerStart} (3.12's eager tasks) and the loop running, the coroutine's first step
     * runs now, inside the creator's step, instead of in a later loop iteration; a coroutine that
     * returns without suspending never gets scheduled at all.
     */
    public Task(EventLoop loop, CoroutineLike coroutine, String name, boolean eagerStart) {
        this(loop, coroutine, name, eagerStart, null, true);
    }

    /** A task whose steps run in {@code context} ({@code create_task(context=)}); null: a copy of the current context, as CPython takes. */
    public Task(EventLoop loop, CoroutineLike coroutine, String name, boolean eagerStart, PyContext context) {
        this(loop, coroutine, name, eagerStart, context, true);
    }

    /** A task of the runtime's own housekeeping (such as {@code asyncio.run}'s shutdown steps), not observed (left out of the timeline). */
    public static Task internal(EventLoop loop, CoroutineLike coroutine, String name) {
        return new Task(loop, coroutine, name, false, null, false);
    }

    private Task(EventLoop loop, CoroutineLike coroutine, String name, boolean eagerStart, PyContext context, boolean observed) {
        super(loop);
        this.runContext = context != null ? context : loop.context().currentContext().copy();
        loop.context().limits().checkNewTask(loop.pendingTaskCount());
        this.coroutine = coroutine;
        this.name = name;
        this.observer = observed ? loop.taskObserver() : null;
        this.observerId = observer != null ? observer.taskCreated(name, coroutine.qualName() + "()", loop.time()) : -1;
        coroutine.markAwaited();
        loop.registerTask(this);
        if (eagerStart && loop.isRunning()) {
            runStep(null);
        } else {
            loop.callSoon(() -> runStep(null), "Task.__step()");
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        if (observer != null) {
            observer.taskNamed(observerId, name, loop.time());
        }
    }

    public CoroutineLike getCoroutine() {
        return coroutine;
    }

    public Future getFutureWaiter() {
        return futureWaiter;
    }

    @Override
    public String describeWait() {
        return "task '" + name + "'";
    }

    public int cancelling() {
        return cancelsRequested;
    }

    public int uncancel() {
        if (cancelsRequested > 0) {
            cancelsRequested--;
        }
        return cancelsRequested;
    }

    /** {@code task.cancel(msg)}: asks the coroutine to raise CancelledError at its next step. */
    @Override
    public boolean cancel(Object message) {
        if (isDone()) {
            return false;
        }
        cancelsRequested++;
        if (futureWaiter != null && futureWaiter.cancel(message)) {
            return true;
        }
        mustCancel = true;
        pendingCancelMessage = message;
        return true;
    }

    /** CPython's {@code Task.__step}, run as its handle runs it: inside the task's context. */
    @TruffleBoundary
    private void runStep(PyBaseException thrown) {
        runContext.run(loop.context(), () -> {
            step(thrown);
            return null;
        });
    }

    private void step(PyBaseException thrown) {
        if (isDone()) {
            throw PyErrors.raise(BuiltinTypes.INVALID_STATE_ERROR, "_step(): already done: " + repr() + ", " + (thrown == null ? "None" : thrown.repr()));
        }
        PyBaseException exc = thrown;
        if (mustCancel) {
            if (exc == null || !exc.getPyType().isSubtypeOf(BuiltinTypes.CANCELLED_ERROR)) {
                exc = cancelledErrorForPendingCancel();
            }
            mustCancel = false;
        }
        futureWaiter = null;
        Task previous = loop.swapCurrentTask(this);
        AioContext context = loop.context();
        context.beginStep();
        double started = loop.time();
        if (observer != null) {
            observer.stepStarted(observerId, started);
        }
        try {
            Object result;
            try {
                result = coroutine.step(exc == null ? PyNone.NONE : new ThrowRequest(exc));
            } catch (AioException e) {
                PyBaseException raised = e.getException();
                if (raised.getPyType().isSubtypeOf(BuiltinTypes.CANCELLED_ERROR)) {
                    setCancelledException(raised);
                    super.cancel(null);
                } else {
                    setException(raised);
                    PyType t = raised.getPyType();
                    if (t.isSubtypeOf(BuiltinTypes.KEYBOARD_INTERRUPT) || t.isSubtypeOf(BuiltinTypes.SYSTEM_EXIT)) {
                        throw e;
                    }
                }
                loop.unregisterTask(this);
                return;
            }
            if (result != AwaitSignal.PENDING) {
                if (mustCancel) {
                    mustCancel = false;
                    super.cancel(pendingCancelMessage);
                } else {
                    setResult(result);
                }
                loop.unregisterTask(this);
                return;
            }
            handleYield(coroutine.yielded());
        } finally {
            loop.swapCurrentTask(previous);
            if (observer != null) {
                observer.stepEnded(observerId, this, loop.time());
            }
            loop.taskStepEnded(this, coroutine, loop.time() - started);
        }
    }

    private PyBaseException cancelledErrorForPendingCancel() {
        Object msg = pendingCancelMessage;
        return new PyBaseException(BuiltinTypes.CANCELLED_ERROR, msg == null ? PyTuple.EMPTY : PyTuple.of(msg));
    }

    private void handleYield(Object yielded) {
        if (yielded instanceof Future f) {
            if (f.getLoop() != loop) {
                PyBaseException e = runtimeError("Task " + repr() + " got Future " + f.repr() + " attached to a different loop");
                loop.callSoon(() -> runStep(e), "Task.__step()");
            } else if (f == this) {
                PyBaseException e = runtimeError("Task cannot await on itself: " + repr());
                loop.callSoon(() -> runStep(e), "Task.__step()");
            } else {
                f.addDoneCallback(this::wakeUp, "Task.task_wakeup()");
                futureWaiter = f;
                if (mustCancel && futureWaiter.cancel(pendingCancelMessage)) {
                    mustCancel = false;
                }
            }
        } else if (yielded == null) {
            loop.callSoon(() -> runStep(null), "Task.__step()");
        } else {
            PyBaseException e = runtimeError("Task got bad yield: " + PyOps.repr(yielded));
            loop.callSoon(() -> runStep(e), "Task.__step()");
        }
    }

    private static PyBaseException runtimeError(String message) {
        return new PyBaseException(BuiltinTypes.RUNTIME_ERROR, PyTuple.of(message));
    }

    private void wakeUp(Future future) {
        try {
            future.result();
        } catch (AioException e) {
            runStep(e.getException());
            return;
        }
        runStep(null);
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    protected List<String> reprInfo() {
        List<String> info = super.reprInfo();
        if (cancelsRequested > 0 && !isDone()) {
            info.set(0, "cancelling");
        }
        info.add(1, "name=" + PyOps.repr(name));
        info.add(2, "coro=<" + coroutine.describeForTask() + ">");
        if (futureWaiter != null) {
            info.add(3, "wait_for=" + futureWaiter.repr());
        }
        return info;
    }
}
