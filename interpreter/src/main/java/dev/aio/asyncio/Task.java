package dev.aio.asyncio;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.kernel.Handle;
import dev.aio.kernel.ReadyCallback;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CallDepth;
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
 * The task itself goes on the ready queue for its next step ({@link ReadyCallback}), where CPython
 * makes a handle each time: a suspended task holds no handle, and a step allocates nothing.
 */
public final class Task extends Future implements ReadyCallback {
    public static final PyType TYPE = new PyType("Task", "_asyncio", Future.TYPE).withModuleInMessages();

    /** The coroutine it runs; null only in an instance of a derived class whose {@code Task.__init__} has not run. */
    private CoroutineLike coroutine;
    /** The name given, or null for {@code "Task-" + number}, made when first asked for (most tasks never are). */
    private String name;
    private long number;
    /** The future the task waits on; when it is on the ready queue with one, its next step is the wake-up. */
    private Future futureWaiter;
    private boolean mustCancel;
    private int cancelsRequested;
    private Object pendingCancelMessage;
    /** The contextvars context every step runs in (CPython's {@code Task._context}). */
    private PyContext runContext;
    /** Its neighbours in the loop's {@link TaskList}. */
    Task previousInLoop;
    Task nextInLoop;

    /** A task named {@code name}, or, if null, {@code "Task-N"} with the context's next number (CPython's {@code _task_name_counter}). */
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
        super(loop, TYPE);
        start(coroutine, name, eagerStart, context, observed);
    }

    /** An instance of {@code type}, a class derived from Task, for {@code Task.__init__} to start ({@link #init}). */
    public Task(PyType type) {
        super(null, type);
    }

    /** {@code Task.__init__(coro, loop=, name=, context=)} of an instance of a class derived from Task. */
    public void init(EventLoop eventLoop, CoroutineLike coro, String taskName, boolean eagerStart, PyContext context) {
        if (coroutine != null) {
            throw PyErrors.runtimeError("aio cannot run Task.__init__ twice on one task");
        }
        setLoop(eventLoop);
        start(coro, taskName, eagerStart, context, true);
    }

    private void start(CoroutineLike coroutine, String name, boolean eagerStart, PyContext context, boolean observed) {
        this.runContext = context != null ? context : loop.context().currentContext().copy();
        loop.context().limits().checkNewTask(loop.pendingTaskCount());
        this.coroutine = coroutine;
        this.name = name;
        this.number = name == null ? loop.context().nextTaskNumber() : 0;
        TaskObserver observer = observed ? loop.taskObserver() : null;
        if (observer != null) {
            observer.taskCreated(this, getName(), coroutine.qualName() + "()", loop.time());
        }
        coroutine.markAwaited();
        loop.registerTask(this);
        if (eagerStart && loop.isRunning()) {
            runStep(null, false);
        } else {
            loop.scheduler().callSoon(this);
        }
    }

    public String getName() {
        if (name == null) {
            name = "Task-" + number;
        }
        return name;
    }

    public void setName(String name) {
        this.name = name;
        TaskObserver observer = observer();
        if (observer != null) {
            observer.taskNamed(this, name, loop.time());
        }
    }

    private TaskObserver observer() {
        TaskObserver observer = loop.taskObserver();
        return observer != null && observer.watches(this) ? observer : null;
    }

    public CoroutineLike getCoroutine() {
        return initialized().coroutine;
    }

    /** The task, unless it is an instance of a derived class whose {@code Task.__init__} never ran (where CPython's C task fails too). */
    private Task initialized() {
        if (coroutine == null) {
            throw PyErrors.runtimeError("Future object is not initialized.");
        }
        return this;
    }

    public Future getFutureWaiter() {
        return futureWaiter;
    }

    @Override
    public String describeWait() {
        return "task '" + getName() + "'";
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
        if (futureWaiter != null && futureWaiter.cancelAsCalled(message)) {
            return true;
        }
        mustCancel = true;
        pendingCancelMessage = message;
        return true;
    }

    /** Its turn on the ready queue: the wake-up if it waits on a future (done now), else a plain step. */
    @Override
    public void runReady() {
        Future waited = futureWaiter;
        if (waited != null) {
            wakeUp(waited);
        } else {
            runStep(null, true);
        }
    }

    /** For a report of a step that failed: the handle CPython would have run. */
    @Override
    public Handle asHandle() {
        return new Handle(this::runReady, futureWaiter != null ? "Task.task_wakeup()" : "Task.__step()");
    }

    /** Schedules a step that throws {@code e} into the coroutine; rare, so it takes a handle of its own. */
    private void scheduleThrow(PyBaseException e) {
        loop.callSoon(() -> runStep(e, true), "Task.__step()");
    }

    /**
     * CPython's {@code Task.__step}, run as its handle runs it: inside the task's context.
     * {@code queued}: run from the ready queue (not an eager start inside another callback).
     */
    @TruffleBoundary
    private void runStep(PyBaseException thrown, boolean queued) {
        AioContext context = loop.context();
        PyContext previous = runContext.enter(context);
        try {
            step(thrown, queued);
        } finally {
            runContext.exit(context, previous);
        }
    }

    private void step(PyBaseException thrown, boolean queued) {
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
        TaskObserver observer = observer();
        // Timed only for a report that needs it: a clock read can cost more than the rest of the
        // step. From the ready queue the clock is read once, at the end: the step began when the
        // loop's previous reading was taken, unless another callback ran in between.
        boolean timed = observer != null || context.warnsOfSlowSteps();
        double started = !timed ? Double.NaN : queued ? loop.scheduler().callbackStartTime() : loop.time();
        context.beginStep(started);
        if (observer != null) {
            observer.stepStarted(this, started);
        }
        try {
            Object result;
            // The level of the C step CPython's handle calls (TaskStepMethWrapper, task_wakeup) under the coroutine's frame.
            CallDepth depth = loop.stepDepth();
            try {
                depth.enterMachinery(1);
                try {
                    result = coroutine.step(exc == null ? PyNone.NONE : new ThrowRequest(exc));
                } finally {
                    depth.exitMachinery(1);
                }
            } catch (AioException e) {
                PyBaseException raised = e.getException();
                if (raised.getPyType().isSubtypeOf(BuiltinTypes.CANCELLED_ERROR)) {
                    cancelWith(raised);
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
            if (timed) {
                double ended = queued ? loop.scheduler().callbackEndTime() : loop.time();
                if (observer != null) {
                    observer.stepEnded(this, ended);
                }
                loop.taskStepEnded(this, ended - started);
            } else if (loop.timesCallbacks()) {
                // Debug mode's slow-callback message names the task whose step ran.
                loop.taskStepEnded(this, Double.NaN);
            }
        }
    }

    private PyBaseException cancelledErrorForPendingCancel() {
        Object msg = pendingCancelMessage;
        return new PyBaseException(BuiltinTypes.CANCELLED_ERROR, msg == null ? PyTuple.EMPTY : PyTuple.of(msg));
    }

    private void handleYield(Object yielded) {
        if (yielded instanceof Future f) {
            if (f.getLoop() != loop) {
                f.refusedByTask();
                scheduleThrow(runtimeError("Task " + repr() + " got Future " + f.repr() + " attached to a different loop"));
            } else if (f == this) {
                refusedByTask();
                scheduleThrow(runtimeError("Task cannot await on itself: " + repr()));
            } else {
                // Set first: a future already done puts the task on the ready queue at once, as its wake-up.
                futureWaiter = f;
                f.addWaiter(this);
                if (mustCancel && futureWaiter.cancelAsCalled(pendingCancelMessage)) {
                    mustCancel = false;
                }
            }
        } else if (yielded == null) {
            loop.scheduler().callSoon(this);
        } else {
            scheduleThrow(runtimeError("Task got bad yield: " + PyOps.repr(yielded)));
        }
    }

    private static PyBaseException runtimeError(String message) {
        return new PyBaseException(BuiltinTypes.RUNTIME_ERROR, PyTuple.of(message));
    }

    /** CPython's {@code Task.__wakeup}: the next step, given the awaited future's exception if it has one. */
    private void wakeUp(Future future) {
        try {
            future.result();
        } catch (AioException e) {
            runStep(e.getException(), true);
            return;
        }
        runStep(null, true);
    }

    @Override
    protected List<String> reprInfo() {
        List<String> info = super.reprInfo();
        if (cancelsRequested > 0 && !isDone()) {
            info.set(0, "cancelling");
        }
        info.add(1, "name=" + PyOps.repr(getName()));
        info.add(2, "coro=<" + initialized().coroutine.describeForTask() + ">");
        if (futureWaiter != null) {
            info.add(3, "wait_for=" + futureWaiter.repr());
        }
        return info;
    }
}
