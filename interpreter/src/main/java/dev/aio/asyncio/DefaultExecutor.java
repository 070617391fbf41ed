package dev.aio.asyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.kernel.InFlight;
import dev.aio.kernel.InterpreterLock;
import dev.aio.kernel.WorkerCalls;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;

/**
 * A loop's default executor ({@code loop.run_in_executor(None, ...)}, {@code asyncio.to_thread}):
 * runs calls on the context's worker threads and completes a loop future with the outcome. When a
 * call may start and how a worker sleeps is the loop's clock's decision (see {@link WorkerCalls}).
 */
public final class DefaultExecutor {
    private static final ThreadLocal<DefaultExecutor> WORKER_OF = new ThreadLocal<>();

    private final EventLoop loop;
    private final AioContext context;
    private final WorkerCalls calls;
    private final List<Future> idleWaiters = new ArrayList<>();
    private boolean shutDown;

    DefaultExecutor(EventLoop loop) {
        this.loop = loop;
        this.context = loop.context();
        this.calls = loop.scheduler().workers();
    }

    /** The executor whose call this thread is running, if any. */
    public static DefaultExecutor ofCurrentThread() {
        return WORKER_OF.get();
    }

    /** Runs {@code callable(*args, **kwargs)} on a worker thread; the future gets its outcome. */
    @TruffleBoundary
    public Future submit(Object callable, Object[] args, String[] kwNames, Object[] kwValues) {
        return submit(callable, args, kwNames, kwValues, null);
    }

    /** With {@code callContext}, the call runs in that contextvars context (asyncio.to_thread's copy); otherwise in the worker thread's own. */
    public Future submit(Object callable, Object[] args, String[] kwNames, Object[] kwValues, PyContext callContext) {
        if (shutDown) {
            throw PyErrors.runtimeError("Executor shutdown has been called");
        }
        Future future = new Future(loop).withPurpose("a call in a worker thread");
        Executor threads = context.workerThreads();
        calls.submit(() -> threads.execute(() -> runCall(future, callable, args, kwNames, kwValues, callContext)));
        return future;
    }

    private void runCall(Future future, Object callable, Object[] args, String[] kwNames, Object[] kwValues, PyContext callContext) {
        WORKER_OF.set(this);
        try {
            context.interpreterLock().acquire();
        } catch (InterruptedException e) {
            // The context is closing: nobody waits for this call any more.
            return;
        }
        try {
            Runnable outcome;
            try {
                Object result = callContext == null ? Calls.call(callable, args, kwNames, kwValues)
                                : callContext.run(context, () -> Calls.call(callable, args, kwNames, kwValues));
                outcome = () -> finished(future, result, null);
            } catch (AioException e) {
                outcome = () -> finished(future, null, e.getException());
            } catch (RuntimeException e) {
                // A fault of aio itself: raise it on the loop thread, which reports internal errors.
                outcome = () -> {
                    throw e;
                };
            }
            // Both under the interpreter lock, so the loop never sees this call stopped with its
            // outcome not yet posted (it would move virtual time on) or the other way round (it
            // would wait for a wake-up that never comes).
            loop.callSoonThreadsafe(outcome, "DefaultExecutor._call_done()");
            calls.endTurn();
        } finally {
            context.interpreterLock().release();
            WORKER_OF.remove();
        }
    }

    private void finished(Future future, Object result, PyBaseException error) {
        boolean idle = calls.finished();
        if (!future.isDone()) {
            if (error != null) {
                future.setException(error);
            } else {
                future.setResult(result);
            }
        }
        if (idle) {
            for (Future f : idleWaiters) {
                if (!f.isDone()) {
                    f.setResult(PyNone.NONE);
                }
            }
            idleWaiters.clear();
        }
    }

    /** {@code time.sleep} in a worker: other threads may run aio code meanwhile. */
    @TruffleBoundary
    public void sleep(double seconds) throws InterruptedException {
        calls.sleep(seconds);
    }

    /** In a worker: waits for what the loop's thread completes, at most {@code timeout} seconds (negative: no limit). */
    @TruffleBoundary
    public boolean waitFor(Consumer<Runnable> whenDone, double timeout) throws InterruptedException {
        return calls.waitFor(whenDone, timeout);
    }

    /**
     * In a worker: blocks in {@code wait} for another thread (a {@code threading} lock or event), or
     * for a socket, whose {@code awaited} says whether the program sent it something on its way.
     */
    @TruffleBoundary
    public void block(InterpreterLock.Blocking wait, InFlight awaited) throws InterruptedException {
        calls.block(wait, awaited);
    }

    /** A future done once no call is outstanding ({@code loop.shutdown_default_executor()}). */
    @TruffleBoundary
    public Future whenIdle() {
        shutDown = true;
        Future f = new Future(loop).withPurpose("the default executor's threads to finish");
        if (calls.isIdle()) {
            f.setResult(PyNone.NONE);
        } else {
            idleWaiters.add(f);
        }
        return f;
    }
}
