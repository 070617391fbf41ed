package dev.aio.stdlib.asyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.asyncio.DefaultExecutor;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Ids;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * The {@code concurrent.futures.Future} that {@code asyncio.run_coroutine_threadsafe} returns,
 * after CPython's {@code concurrent/futures/_base.py}: a result another thread waits for with
 * {@code result(timeout)}. Its state is set on the loop's thread, from the task running the
 * coroutine (CPython's {@code futures._chain_future}); a worker thread waiting for it gives the
 * interpreter lock up meanwhile, and under the virtual clock its turn too.
 */
final class ConcurrentFuture extends PyObject {
    static final PyType TYPE = new PyType("Future", "concurrent.futures._base");
    /** {@code concurrent.futures.CancelledError}: in 3.11 an {@code Exception}, not asyncio's. */
    static final PyType CANCELLED_ERROR = new PyType("CancelledError", "concurrent.futures._base", BuiltinTypes.EXCEPTION);

    private enum State {
        PENDING,
        RUNNING,
        CANCELLED,
        FINISHED
    }

    /** The loop whose thread completes this future. */
    private final EventLoop loop;
    private State state = State.PENDING;
    private Object result;
    private PyBaseException exception;
    /** aio callables of {@code add_done_callback}. */
    private final List<Object> doneCallbacks = new ArrayList<>();
    /** Worker threads waiting in {@code result()}: each resumes on the loop's thread. */
    private final List<Runnable> waiters = new ArrayList<>();

    ConcurrentFuture(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * CPython's {@code _chain_future(task, self)}: the task's outcome becomes this future's, and
     * cancelling this future cancels the task, on the loop's thread.
     */
    void chain(Future task) {
        task.addDoneCallback(t -> {
            if (t.isCancelled()) {
                cancel();
            } else if (setRunningOrNotifyCancel()) {
                if (t.exception() instanceof PyBaseException e) {
                    finish(State.FINISHED, null, e);
                } else {
                    finish(State.FINISHED, t.result(), null);
                }
            }
        }, "_chain_future.<locals>._call_set_state()");
        addCallback(f -> {
            if (f.isCancelled()) {
                loop.callSoonThreadsafe(() -> task.cancel(null), "Task.cancel()");
            }
        });
    }

    /**
     * {@code asyncio.wrap_future(self, loop=target)}: an asyncio future of {@code target} with this
     * one's outcome; cancelling it cancels this one (CPython's {@code _chain_future}).
     */
    @TruffleBoundary
    Future wrap(EventLoop target) {
        Future wrapped = new Future(target).withPurpose("a concurrent future (" + repr() + ")");
        addCallback(f -> target.callSoonThreadsafe(() -> copyInto(wrapped), "_chain_future.<locals>._call_set_state()"));
        wrapped.addDoneCallback(w -> {
            if (w.isCancelled()) {
                cancel();
            }
        }, "_chain_future.<locals>._call_check_cancel()");
        return wrapped;
    }

    private void copyInto(Future wrapped) {
        if (wrapped.isCancelled()) {
            return;
        }
        State s;
        Object value;
        PyBaseException error;
        synchronized (this) {
            s = state;
            value = result;
            error = exception;
        }
        if (s == State.CANCELLED) {
            wrapped.cancel(null);
        } else if (error != null) {
            wrapped.setException(error);
        } else {
            wrapped.setResult(value);
        }
    }

    private interface DoneAction {
        void run(ConcurrentFuture f);
    }

    private void addCallback(DoneAction action) {
        boolean now;
        synchronized (this) {
            now = isDone();
            if (!now) {
                doneCallbacks.add(action);
            }
        }
        if (now) {
            action.run(this);
        }
    }

    /** {@code set_running_or_notify_cancel()}: false if it was cancelled (its callbacks run now). */
    synchronized boolean setRunningOrNotifyCancel() {
        if (state == State.CANCELLED) {
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    /** The coroutine could not be started: its error is this future's outcome. */
    void failToStart(PyBaseException e) {
        if (setRunningOrNotifyCancel()) {
            finish(State.FINISHED, null, e);
        }
    }

    @TruffleBoundary
    boolean cancel() {
        synchronized (this) {
            if (state == State.RUNNING || state == State.FINISHED) {
                return false;
            }
            if (state == State.CANCELLED) {
                return true;
            }
        }
        finish(State.CANCELLED, null, null);
        return true;
    }

    private void finish(State outcome, Object value, PyBaseException error) {
        List<Object> callbacks;
        List<Runnable> resumed;
        synchronized (this) {
            state = outcome;
            result = value;
            exception = error;
            callbacks = new ArrayList<>(doneCallbacks);
            resumed = new ArrayList<>(waiters);
            doneCallbacks.clear();
            waiters.clear();
            notifyAll();
        }
        for (Runnable r : resumed) {
            loop.callSoonThreadsafe(r, "concurrent.futures.Future waiter");
        }
        for (Object cb : callbacks) {
            invoke(cb);
        }
    }

    /** As {@code _invoke_callbacks}: an exception a callback raises is logged, not raised. */
    private void invoke(Object callback) {
        if (callback instanceof DoneAction action) {
            action.run(this);
            return;
        }
        try {
            Calls.call(callback, this);
        } catch (AioException e) {
            if (!e.getException().getPyType().isSubtypeOf(BuiltinTypes.EXCEPTION)) {
                throw e;
            }
            loop.context().reportCallbackError("exception calling callback for " + repr(), e.getException());
        }
    }

    @TruffleBoundary
    void addDoneCallback(Object callable) {
        boolean now;
        synchronized (this) {
            now = isDone();
            if (!now) {
                doneCallbacks.add(callable);
            }
        }
        if (now) {
            invoke(callable);
        }
    }

    synchronized boolean isDone() {
        return state == State.CANCELLED || state == State.FINISHED;
    }

    synchronized boolean isCancelled() {
        return state == State.CANCELLED;
    }

    synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /** {@code result(timeout)}: waits until done, then returns the result or raises what the coroutine raised. */
    @TruffleBoundary
    Object result(double timeout) {
        waitDone(timeout);
        synchronized (this) {
            if (state == State.CANCELLED) {
                throw PyErrors.raiseNoArgs(CANCELLED_ERROR);
            }
            if (exception != null) {
                throw new AioException(exception, null);
            }
            return result;
        }
    }

    /** {@code exception(timeout)}: waits until done, then returns the exception, or None. */
    @TruffleBoundary
    Object exception(double timeout) {
        waitDone(timeout);
        synchronized (this) {
            if (state == State.CANCELLED) {
                throw PyErrors.raiseNoArgs(CANCELLED_ERROR);
            }
            return exception == null ? PyNone.NONE : exception;
        }
    }

    /**
     * Waits at most {@code timeout} seconds (negative: no limit), or raises TimeoutError. On the
     * loop's own thread nothing can complete it meanwhile (its coroutine runs on that thread): as in
     * CPython the thread is blocked for the timeout; with no timeout CPython hangs, aio says why.
     */
    private void waitDone(double timeout) {
        if (isDone()) {
            return;
        }
        DefaultExecutor worker = DefaultExecutor.ofCurrentThread();
        boolean inTime;
        try {
            if (worker != null) {
                inTime = worker.waitFor(this::resumeWhenDone, timeout);
            } else if (loop.context().getRunningLoop() != loop) {
                // A threading.Thread (or the main thread while the loop runs in one): it waits in
                // real time, without the interpreter lock, for the loop's thread to finish the future.
                inTime = waitOnOtherThread(timeout);
            } else if (timeout >= 0) {
                loop.clock().blockingSleep(timeout, loop.context().interpreterLock());
                inTime = false;
            } else {
                loop.context().stopRun("aio: deadlock: the event loop's thread waits in concurrent.futures.Future.result() for a coroutine"
                                + " only this loop can run\n  hint: await asyncio.wrap_future(future) instead, or call result() in a worker thread", 3);
                throw CompilerDirectives.shouldNotReachHere("the run has stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw loop.interrupted();
        }
        if (!inTime) {
            throw PyErrors.raiseNoArgs(BuiltinTypes.TIMEOUT_ERROR);
        }
    }

    /** Waits up to {@code timeout} seconds (forever if negative) for {@link #finish}'s notification; false when it did not come. */
    private boolean waitOnOtherThread(double timeout) throws InterruptedException {
        boolean[] done = new boolean[1];
        long deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
        loop.context().interpreterLock().releasedWhile(() -> {
            synchronized (this) {
                long left;
                while (state != State.FINISHED && state != State.CANCELLED && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                done[0] = state == State.FINISHED || state == State.CANCELLED;
            }
        });
        return done[0];
    }

    /** On the loop's thread: {@code resume} runs once this future is done. */
    private void resumeWhenDone(Runnable resume) {
        synchronized (this) {
            if (!isDone()) {
                waiters.add(resume);
                return;
            }
        }
        resume.run();
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    @TruffleBoundary
    public synchronized String repr() {
        String at = "<Future at " + Ids.address(this) + " state=" + state.name().toLowerCase();
        if (state == State.FINISHED) {
            return at + (exception != null ? " raised " + exception.getPyType().getName() : " returned " + PyOps.typeName(result)) + ">";
        }
        return at + ">";
    }
}
