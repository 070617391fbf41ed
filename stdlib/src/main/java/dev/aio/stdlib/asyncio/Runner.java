package dev.aio.stdlib.asyncio;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.DefaultExecutor;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.Task;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.ProgramSignals;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SubclassableObject;

/**
 * {@code asyncio.Runner}: one event loop for several {@code run()} calls, made on first use and
 * shut down by {@code close()} as in CPython's {@code runners.py}; {@code asyncio.run(main)} is
 * one run of a new Runner.
 */
public final class Runner extends SubclassableObject {
    static final PyType TYPE = new PyType("Runner", "asyncio.runners");

    private enum State {
        CREATED,
        INITIALIZED,
        CLOSED
    }

    private final AioContext context;
    /** {@code loop_factory}, or null for a new event loop; given again by {@code Runner.__init__} in a derived class. */
    private Object loopFactory;
    /** {@code debug=}: null (None) leaves the new loop's debug mode as it is, else it is given to {@code set_debug}. */
    private Object debug;
    private State state = State.CREATED;
    private EventLoop loop;
    /** An internal error stopped a run: the loop is left as it is, since cleaning up could only hide it. */
    private boolean broken;
    /** The loop was made by the policy and set as the current loop, to be unset on close (CPython's {@code _set_event_loop}). */
    private boolean setEventLoop;
    /** The task {@code run()} runs, and how many times Ctrl-C came meanwhile. */
    private Future mainTask;
    private int interruptCount;

    Runner(AioContext context, Object loopFactory, Object debug) {
        this(context, TYPE);
        init(loopFactory, debug);
    }

    /** A runner of {@code cls}, Runner or a class derived from it, with a new loop of its own unless {@link #init} says otherwise. */
    Runner(AioContext context, PyType cls) {
        super(cls);
        this.context = context;
    }

    /** {@code Runner.__init__(debug=, loop_factory=)}: null for None or absent. */
    void init(Object factory, Object debugMode) {
        this.loopFactory = factory;
        this.debug = debugMode;
    }

    /** The {@code debug=} argument of {@code Runner} and {@code asyncio.run}: null when absent or None. */
    static Object debugArgument(Object debug) {
        return debug == Missing.INSTANCE || debug == PyNone.NONE ? null : debug;
    }

    @TruffleBoundary
    EventLoop loop() {
        if (state == State.CLOSED) {
            throw PyErrors.runtimeError("Runner is closed");
        }
        if (state == State.CREATED) {
            PyModule asyncio = context.importModule("asyncio");
            Object made = loopFactory == null ? Calls.call(asyncio.get("new_event_loop")) : Calls.call(loopFactory);
            if (!(made instanceof EventLoop l)) {
                throw PyErrors.typeError("loop_factory must return an event loop, not " + PyOps.typeName(made));
            }
            loop = l;
            if (loopFactory == null && !setEventLoop) {
                Calls.call(asyncio.get("set_event_loop"), loop);
                setEventLoop = true;
            }
            if (debug != null) {
                loop.setDebug(debug);
            }
            state = State.INITIALIZED;
        }
        return loop;
    }

    /** {@code runner.run(coro)}: runs the coroutine as a task of this runner's loop until it is done. */
    @TruffleBoundary
    Object run(Object coro, Object taskContext) {
        if (!(coro instanceof CoroutineLike)) {
            throw PyErrors.valueError("a coroutine was expected, got " + PyOps.repr(coro));
        }
        if (context.getRunningLoop() != null) {
            throw PyErrors.runtimeError("Runner.run() cannot be called from a running event loop");
        }
        if (DefaultExecutor.ofCurrentThread() != null) {
            // CPython would run a second loop in this thread; aio has one loop at a time per program.
            throw PyErrors.runtimeError("aio runs one event loop at a time: an event loop cannot run in a worker thread");
        }
        EventLoop l = loop();
        Future task = AsyncioModule.createTask(l, coro, Missing.INSTANCE, taskContext);
        // Ctrl-C cancels the main task first, as CPython 3.11's Runner does; only the main program
        // handles signals, and only while the program has not set a SIGINT handler of its own.
        ProgramSignals signals = context.signals();
        Object sigintHandler = null;
        if (signals.onMainThread() && signals.getHandler(ProgramSignals.SIGINT) == ProgramSignals.DEFAULT_INT_HANDLER) {
            sigintHandler = Attributes.get(this, "_on_sigint");
            signals.setHandler(ProgramSignals.SIGINT, sigintHandler);
        }
        mainTask = task;
        interruptCount = 0;
        boolean internalError = true;
        // The run_until_complete frame CPython's Runner.run calls.
        CallDepth depth = CallDepth.current(null);
        try {
            depth.enterMachinery(1);
            Object result;
            try {
                result = l.runUntilComplete(task);
            } finally {
                depth.exitMachinery(1);
            }
            internalError = false;
            return result;
        } catch (AioException e) {
            internalError = false;
            if (interruptCount > 0 && e.getPyType().isSubtypeOf(BuiltinTypes.CANCELLED_ERROR) && task instanceof Task t && t.uncancel() == 0) {
                AioException interrupt = PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
                interrupt.getException().setContext(e.getException());
                throw interrupt;
            }
            throw e;
        } finally {
            broken |= internalError;
            mainTask = null;
            if (sigintHandler != null && signals.getHandler(ProgramSignals.SIGINT) == sigintHandler) {
                signals.setHandler(ProgramSignals.SIGINT, ProgramSignals.DEFAULT_INT_HANDLER);
            }
        }
    }

    /**
     * The SIGINT handler while {@code run()} runs (CPython's {@code Runner._on_sigint}): the first
     * Ctrl-C cancels the main task, so that its {@code finally} blocks run; a second one raises
     * KeyboardInterrupt where the program is.
     */
    @TruffleBoundary
    void onSigint() {
        interruptCount++;
        if (interruptCount == 1 && mainTask != null && !mainTask.isDone()) {
            mainTask.cancel(null);
            // Wakes the loop if it waits on its selector.
            loop.callSoonThreadsafe(() -> {
            }, "<lambda>()");
            return;
        }
        throw PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
    }

    /** {@code runner.close()}: cancels the tasks left, runs the loop's shutdown steps, closes it. */
    @TruffleBoundary
    void close() {
        if (state != State.INITIALIZED) {
            return;
        }
        try {
            if (!broken) {
                cancelAllTasks();
                loop.runUntilComplete(shutdownTask((CoroutineLike) loop.shutdownAsyncgens()));
                loop.runUntilComplete(shutdownTask(new ShutdownDefaultExecutor(loop)));
            }
        } finally {
            if (!broken) {
                // not after an internal error or a cancel by the embedder: those end the run at once
                loop.reportUnretrievedExceptions();
            }
            if (setEventLoop && !broken) {
                Calls.call(context.importModule("asyncio").get("set_event_loop"), PyNone.NONE);
            }
            loop.close();
            loop = null;
            state = State.CLOSED;
        }
    }

    /**
     * A task for one of the loop's shutdown steps: CPython's {@code run_until_complete} makes it with
     * {@code loop.create_task}, so a task factory the program set makes it too.
     */
    private Future shutdownTask(CoroutineLike step) {
        if (loop.getTaskFactory() != null) {
            return AsyncioModule.createTask(loop, step, Missing.INSTANCE, Missing.INSTANCE);
        }
        return Task.internal(loop, step, null);
    }

    private void cancelAllTasks() {
        List<Task> toCancel = loop.pendingTasks();
        if (toCancel.isEmpty()) {
            return;
        }
        for (Task t : toCancel) {
            t.cancelAsCalled(null);
        }
        loop.runUntilComplete(Gather.gather(loop, toCancel.toArray(), true));
        for (Task t : toCancel) {
            if (!t.isCancelled() && t.exception() instanceof PyBaseException e) {
                context.reportCallbackError("unhandled exception during asyncio.run() shutdown\ntask: " + t.repr(), e);
            }
        }
    }

}
