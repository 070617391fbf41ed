package dev.aio.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;

/**
 * A loop's default executor ({@code loop.run_in_executor(None, ...)}, {@code asyncio.to_thread}):
 * runs calls on the context's worker threads and completes a loop future with the outcome.
 *
 * <p>It also tells the loop whether a worker may still hand it work. Under the virtual clock runs
 * must be deterministic, so workers take turns: the loop gives the turn to one call at a time, in
 * the order the calls were submitted or their virtual {@code time.sleep} ended, and only when it
 * has nothing ready itself; it waits until that call sleeps or returns, and moves time on only when
 * no call has or wants the turn.
 */
public final class DefaultExecutor {
    private static final ThreadLocal<DefaultExecutor> WORKER_OF = new ThreadLocal<>();

    private final EventLoop loop;
    private final AioContext context;
    /** Calls submitted and not yet finished (loop thread only). */
    private int outstanding;
    /** Calls running and not waiting in a virtual sleep (any thread). */
    private final AtomicInteger running = new AtomicInteger();
    /** Under the virtual clock: calls waiting to start or go on (loop thread only). */
    private final ArrayDeque<Runnable> turns = new ArrayDeque<>();
    private final List<Future> idleWaiters = new ArrayList<>();
    private boolean shutDown;

    DefaultExecutor(EventLoop loop) {
        this.loop = loop;
        this.context = loop.context();
    }

    /** The executor whose call this thread is running, if any. */
    public static DefaultExecutor ofCurrentThread() {
        return WORKER_OF.get();
    }

    /** Runs {@code callable(*args, **kwargs)} on a worker thread; the future gets its outcome. */
    @TruffleBoundary
    public Future submit(Object callable, Object[] args, String[] kwNames, Object[] kwValues) {
        if (shutDown) {
            throw PyErrors.runtimeError("Executor shutdown has been called");
        }
        Future future = new Future(loop).withPurpose("a call in a worker thread");
        Executor threads = context.workerThreads();
        outstanding++;
        Runnable start = () -> threads.execute(() -> runCall(future, callable, args, kwNames, kwValues));
        if (loop.clock().isVirtual()) {
            turns.add(start);
        } else {
            running.incrementAndGet();
            start.run();
        }
        return future;
    }

    private void runCall(Future future, Object callable, Object[] args, String[] kwNames, Object[] kwValues) {
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
                Object result = Calls.call(callable, args, kwNames, kwValues);
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
            endTurn();
        } finally {
            context.interpreterLock().release();
            WORKER_OF.remove();
        }
    }

    private void finished(Future future, Object result, PyBaseException error) {
        outstanding--;
        if (!future.isDone()) {
            if (error != null) {
                future.setException(error);
            } else {
                future.setResult(result);
            }
        }
        if (outstanding == 0) {
            for (Future f : idleWaiters) {
                if (!f.isDone()) {
                    f.setResult(PyNone.NONE);
                }
            }
            idleWaiters.clear();
        }
    }

    /** Whether a worker is running a call now (it may hand the loop work at any moment). */
    boolean isRunning() {
        return running.get() > 0;
    }

    boolean hasOutstanding() {
        return outstanding > 0;
    }

    private void endTurn() {
        running.decrementAndGet();
        loop.wake();
    }

    /** Under the virtual clock: lets the next waiting call run, if there is one. */
    boolean giveTurn() {
        Runnable next = turns.poll();
        if (next == null) {
            return false;
        }
        running.incrementAndGet();
        next.run();
        return true;
    }

    /**
     * {@code time.sleep} in a worker. Under the virtual clock the worker waits for a loop timer, so
     * its sleep takes virtual time like {@code asyncio.sleep} does; either way other threads may run
     * aio code meanwhile.
     */
    @TruffleBoundary
    public void sleep(double seconds) throws InterruptedException {
        if (!loop.clock().isVirtual()) {
            context.interpreterLock().releasedWhile(() -> Thread.sleep((long) (seconds * 1000), (int) ((seconds * 1e9) % 1_000_000)));
            return;
        }
        CountDownLatch woken = new CountDownLatch(1);
        loop.callSoonThreadsafe(() -> loop.callLater(seconds, () -> turns.add(woken::countDown), "time.sleep() in a worker thread"), "time.sleep() in a worker thread");
        endTurn();
        context.interpreterLock().releasedWhile(woken::await);
    }

    /** A future done once no call is outstanding ({@code loop.shutdown_default_executor()}). */
    @TruffleBoundary
    public Future whenIdle() {
        shutDown = true;
        Future f = new Future(loop).withPurpose("the default executor's threads to finish");
        if (outstanding == 0) {
            f.setResult(PyNone.NONE);
        } else {
            idleWaiters.add(f);
        }
        return f;
    }
}
