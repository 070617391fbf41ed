package dev.aio;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.Task;
import dev.aio.kernel.InterpreterStack;
import dev.aio.nodes.AioRootNode;
import dev.aio.nodes.MainRootNode;
import dev.aio.nodes.ops.Traceback;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyCoroutine;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;

/**
 * The interactive session behind {@code aio repl}, after CPython's {@code python -m asyncio}: one
 * event loop runs for the whole session on a thread of its own, so tasks started at the prompt
 * go on running while the user types. The thread that evaluates an input (the launcher's) runs no
 * aio code and takes no interpreter lock: it hands the compiled input to the loop with
 * {@code call_soon_threadsafe} and waits. On the loop thread an input that awaits runs as a task,
 * one that does not is called in that callback, and the outcome (a traceback, Ctrl-C's
 * {@code KeyboardInterrupt}, a {@code SystemExit}) is reported there too. Ctrl-C is an interrupt of
 * the waiting thread: it cancels the input's task, and, if the input's code is running right now
 * (a busy loop), raises {@code KeyboardInterrupt} in it at its next safepoint.
 */
public final class ReplSession {
    /** One input, from the moment it is handed to the loop until its outcome is reported. */
    private static final class Input {
        final AioRootNode code;
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean interrupted;
        /** Written and read on the loop thread only. */
        Task task;
        boolean started;
        boolean runningInCallback;
        int exitStatus = -1;

        Input(AioRootNode code) {
            this.code = code;
        }

        boolean isRunningNow(EventLoop loop) {
            return runningInCallback || (task != null && loop.getCurrentTask() == task);
        }
    }

    private final AioContext context;
    private final EventLoop loop;
    private final Future stopped;
    private final Thread thread;
    /** The thread that reads the inputs and hands them over (the launcher's). */
    private final Thread prompt;
    /** Loop thread only. */
    private PyModule main;
    private Input current;
    private volatile boolean closing;
    /** Set when the context closes the session (stop()), as opposed to the session ending by itself. */
    private volatile boolean stopping;
    /** Set when the session ended by itself (a background task's SystemExit, an internal error): what later inputs get. */
    private volatile int endStatus = -1;

    ReplSession(AioContext context) {
        if (!context.getEnv().isCreateThreadAllowed()) {
            throw PyErrors.runtimeError("the aio REPL runs its event loop on a thread of its own: it needs Context.Builder.allowCreateThread(true)");
        }
        this.context = context;
        this.loop = context.newEventLoop();
        this.stopped = new Future(loop);
        this.prompt = Thread.currentThread();
        this.thread = context.getEnv().newTruffleThreadBuilder(this::runLoop).stackSize(InterpreterStack.BYTES).build();
        thread.setName("asyncio-repl");
        thread.start();
    }

    private void runLoop() {
        context.interpreterLock().acquireUninterruptibly();
        try {
            main = context.interactiveMainModule();
            main.put("asyncio", context.importModule("asyncio"));
            loop.scheduler().addFeed();
            while (!closing) {
                try {
                    loop.runUntilComplete(stopped);
                } catch (AioException e) {
                    escaped(e.getException());
                }
            }
        } catch (AbstractTruffleException e) {
            if (!(e instanceof AioException)) {
                throw e;
            }
            reportInternalError(e);
        } catch (RuntimeException e) {
            reportInternalError(e);
        } finally {
            closing = true;
            if (endStatus < 0) {
                endStatus = 0;
            }
            Input input = current;
            if (input != null && input.done.getCount() > 0) {
                input.exitStatus = endStatus;
                input.done.countDown();
            } else if (!stopping) {
                // A SystemExit from a task or callback while the user types: as CPython's asyncio REPL
                // exits then, wake the prompt (JLine's read ends on an interrupt), whose next input
                // finds the session over and gets its exit status.
                prompt.interrupt();
            }
            context.interpreterLock().release();
        }
    }

    /**
     * What a task step or a callback let out of the loop, as CPython's {@code run_forever} does: a
     * SystemExit ends the session; a KeyboardInterrupt is Ctrl-C's, reported by the input it was
     * for. The input's own task reports what it raised through its done callback.
     */
    private void escaped(PyBaseException e) {
        if (current != null && current.task != null && current.task.isDone() && current.task.getExceptionObject() == e) {
            return;
        }
        if (e.getPyType().isSubtypeOf(BuiltinTypes.SYSTEM_EXIT)) {
            endStatus = MainRootNode.exitStatus(context, e);
            closing = true;
        } else if (!closing && !e.getPyType().isSubtypeOf(BuiltinTypes.KEYBOARD_INTERRUPT)) {
            context.out().flush();
            context.err().print(Traceback.formatUncaught(e));
            context.err().flush();
        }
    }

    /**
     * Runs one input to the end on the loop thread and waits for it; returns the exit status when
     * the input (or the session) ended the session, else -1. An interrupt of the waiting thread is
     * Ctrl-C.
     */
    public int run(AioRootNode code, Node location) {
        if (closing) {
            return endStatus < 0 ? 0 : endStatus;
        }
        Input input = new Input(code);
        loop.callSoonThreadsafe(() -> start(input), "repl input");
        while (true) {
            try {
                if (input.done.await(50, TimeUnit.MILLISECONDS)) {
                    return input.exitStatus;
                }
                if (!thread.isAlive()) {
                    return endStatus;
                }
            } catch (InterruptedException e) {
                interrupt(input);
            }
            TruffleSafepoint.poll(location);
        }
    }

    @TruffleBoundary
    private void start(Input input) {
        current = input;
        input.started = true;
        if (input.interrupted) {
            finish(input, PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT).getException());
            return;
        }
        PyFunction module = new PyFunction(input.code.getCode(), main, null, null, new PyCell[0]);
        Object result;
        input.runningInCallback = true;
        try {
            result = Calls.callFunction(module, new Object[0]);
        } catch (AioException e) {
            finish(input, e.getException());
            return;
        } catch (RuntimeException e) {
            reportInternalError(e);
            finish(input, null);
            return;
        } finally {
            input.runningInCallback = false;
        }
        if (result instanceof PyCoroutine coroutine) {
            input.task = new Task(loop, coroutine, null);
            input.task.addDoneCallback(t -> finish(input, exceptionOf(t)), "repl input done");
        } else {
            finish(input, null);
        }
    }

    private static PyBaseException exceptionOf(Future task) {
        try {
            task.result();
            return null;
        } catch (AioException e) {
            return e.getException();
        }
    }

    /** Reports how the input ended, as CPython's asyncio REPL does, and lets the waiting thread go on. */
    private void finish(Input input, PyBaseException error) {
        context.out().flush();
        if (error != null) {
            if (error.getPyType().isSubtypeOf(BuiltinTypes.SYSTEM_EXIT)) {
                input.exitStatus = MainRootNode.exitStatus(context, error);
                closing = true;
                endStatus = input.exitStatus;
            } else if (input.interrupted || error.getPyType().isSubtypeOf(BuiltinTypes.KEYBOARD_INTERRUPT)) {
                context.err().print("\nKeyboardInterrupt\n");
            } else {
                context.err().print(Traceback.formatUncaught(error));
            }
        }
        context.out().flush();
        context.err().flush();
        current = null;
        input.done.countDown();
    }

    /**
     * Ctrl-C: cancel the input's task; if the input's code is running at this moment, interrupt it
     * where it is. An input that has not started yet is dropped, and whatever keeps the loop from
     * starting it (a task that never awaits) gets the KeyboardInterrupt, as in CPython.
     */
    private void interrupt(Input input) {
        input.interrupted = true;
        loop.callSoonThreadsafe(() -> {
            if (input.task != null) {
                input.task.cancel(null);
            }
        }, "repl interrupt");
        context.getEnv().submitThreadLocal(new Thread[]{thread}, new ThreadLocalAction(true, false) {
            @Override
            protected void perform(Access access) {
                if (current == input ? input.isRunningNow(loop) : !input.started) {
                    throw PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
                }
            }
        });
    }

    /**
     * Ends the session when the context closes: stops the loop (a step that never yields is
     * interrupted at its next safepoint) and waits for its thread, as Truffle requires.
     */
    void stop() {
        stopping = true;
        closing = true;
        loop.callSoonThreadsafe(() -> {
            if (!stopped.isDone()) {
                stopped.setResult(PyNone.NONE);
            }
        }, "repl stop");
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return;
        }
        context.getEnv().submitThreadLocal(new Thread[]{thread}, new ThreadLocalAction(true, false) {
            @Override
            protected void perform(Access access) {
                throw PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
            }
        });
        try {
            context.interpreterLock().releasedWhile(thread::join);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportInternalError(RuntimeException e) {
        context.out().flush();
        context.err().println("aio: internal error — please report: " + e);
        context.err().flush();
    }
}
