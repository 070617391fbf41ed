package dev.aio.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.TruffleSafepoint;

/**
 * The threads that run default-executor calls ({@code asyncio.to_thread}): Truffle threads of the
 * context, as many as CPython's default {@code ThreadPoolExecutor} has. Truffle requires a language
 * to join every thread it made before the context closes, so they are kept to be joined.
 */
public final class WorkerThreads {
    private final ThreadPoolExecutor pool;
    private final IdleWait idle = new IdleWait();
    private final List<Thread> threads = new ArrayList<>();

    public WorkerThreads(Env env) {
        int size = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, idle, r -> {
            Thread t = env.newTruffleThreadBuilder(r).stackSize(InterpreterStack.BYTES).build();
            synchronized (threads) {
                t.setName("asyncio_" + threads.size());
                threads.add(t);
            }
            return t;
        });
    }

    /**
     * The queue of calls an idle worker waits on, in a Truffle blocked section: a cancelled
     * context ({@code Context.close(true)}, an {@code aio test} time limit) interrupts the wait and
     * the worker ends, where a plain {@code take()} kept the cancel waiting for it forever.
     */
    private static final class IdleWait extends LinkedBlockingQueue<Runnable> {
        private volatile boolean shutDown;

        @Override
        public Runnable take() throws InterruptedException {
            Runnable[] taken = new Runnable[1];
            // Truffle takes an interrupt in a blocked section as a safepoint and waits again: the
            // pool's own shutdown interrupt ends the wait through the flag instead.
            TruffleSafepoint.setBlockedThreadInterruptible(null, queue -> taken[0] = queue.takeUnlessShutDown(), this);
            if (taken[0] == null) {
                throw new InterruptedException();
            }
            return taken[0];
        }

        private Runnable takeUnlessShutDown() throws InterruptedException {
            return shutDown ? null : super.take();
        }
    }

    public Executor executor() {
        return pool;
    }

    /**
     * Interrupts calls still running (the run is over). Code that never looks at interrupts (a
     * runaway loop) goes on until Truffle cancels the context's threads, after the exit notifications.
     */
    public void interrupt() {
        idle.shutDown = true;
        pool.shutdownNow();
    }

    /**
     * Interrupts calls still running and waits until every thread has ended, except the calling
     * one: a worker may be the thread that closes the context (a runaway stopped at its safepoint).
     */
    public void shutDown() throws InterruptedException {
        idle.shutDown = true;
        pool.shutdownNow();
        List<Thread> made;
        synchronized (threads) {
            made = new ArrayList<>(threads);
        }
        for (Thread t : made) {
            if (t != Thread.currentThread()) {
                t.join();
            }
        }
    }
}
