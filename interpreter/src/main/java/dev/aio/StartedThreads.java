package dev.aio;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.nodes.ControlFlowException;

import dev.aio.asyncio.DefaultExecutor;
import dev.aio.kernel.InFlight;
import dev.aio.kernel.InterpreterLock;
import dev.aio.kernel.InterpreterStack;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;

/**
 * The threads aio code starts ({@code _thread.start_new_thread}, {@code threading.Thread}): real
 * Truffle threads of the context that run aio code one at a time, under the {@link InterpreterLock}
 * (CPython's GIL), and let it go while they block. As in CPython, the run waits for every
 * non-daemon thread when the main program ends ({@code threading._shutdown}); daemon threads still
 * running then are stopped, as CPython abandons them (Truffle wants every thread joined before the
 * context closes).
 */
public final class StartedThreads {
    /** Unwinds a thread still running when the run ends: no aio code catches it, no {@code finally} runs (CPython kills daemon threads). */
    public static final class ThreadExit extends ControlFlowException {
        private static final long serialVersionUID = 1L;
    }

    /** A wait that needs no aio objects and may be interrupted. */
    public interface Blocking {
        void run() throws InterruptedException;
    }

    private record Started(Thread thread, boolean daemon) {
    }

    private final Env env;
    private final InterpreterLock lock;
    private final Thread mainThread;
    private final List<Started> started = new ArrayList<>();
    private volatile boolean ending;

    private final ThreadLocalAction exit = new ThreadLocalAction(true, false) {
        @Override
        protected void perform(Access access) {
            throw new ThreadExit();
        }
    };

    StartedThreads(Env env, InterpreterLock lock) {
        this.env = env;
        this.lock = lock;
        this.mainThread = Thread.currentThread();
    }

    /** CPython's {@code threading.get_ident()} of the main thread (the one that made the context). */
    public long mainThreadIdent() {
        return mainThread.threadId();
    }

    /** How many started threads have not ended ({@code _thread._count()}). */
    @TruffleBoundary
    public synchronized int count() {
        int alive = 0;
        for (Started s : started) {
            alive += s.thread.isAlive() ? 1 : 0;
        }
        return alive;
    }

    /** Whether a thread of the program other than {@code thread} has not ended (the main thread runs while any does). */
    @TruffleBoundary
    public synchronized boolean aliveOtherThan(Thread thread) {
        if (thread != mainThread) {
            return true;
        }
        for (Started s : started) {
            if (s.thread != thread && s.thread.isAlive()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts {@code body} on a new thread holding the interpreter lock while it runs; a
     * {@code daemon} thread is not waited for when the run ends. The embedder must allow threads.
     */
    @TruffleBoundary
    public Thread start(Runnable body, boolean daemon) {
        if (!env.isCreateThreadAllowed()) {
            throw PyErrors.runtimeError("this aio context may not create threads (threading needs Context.Builder.allowCreateThread(true))");
        }
        if (ending) {
            throw PyErrors.runtimeError("can't create new thread at interpreter shutdown");
        }
        Thread t = env.newTruffleThreadBuilder(() -> run(body)).stackSize(InterpreterStack.BYTES).build();
        synchronized (this) {
            started.removeIf(s -> s.thread.getState() == Thread.State.TERMINATED);
            started.add(new Started(t, daemon));
        }
        t.start();
        return t;
    }

    private void run(Runnable body) {
        lock.acquireUninterruptibly();
        try {
            if (!ending) {
                body.run();
            }
        } catch (ThreadExit e) {
            // The run is over.
        } finally {
            lock.release();
        }
    }

    /**
     * Runs {@code wait} without the interpreter lock; an interrupt becomes KeyboardInterrupt, as in
     * {@code time.sleep}, or ends the thread if the run is ending.
     */
    @TruffleBoundary
    public void block(Blocking wait) {
        if (Thread.currentThread() != mainThread) {
            // Another thread is reached by an embedder's cancel (Context.close(true)) or a hard exit
            // only at a safepoint or in a wait Truffle may interrupt; Truffle then runs its actions
            // and calls the wait again, which ends the thread once the run is ending.
            TruffleSafepoint.setBlockedThreadInterruptible(null, this::blockUnlessEnding, wait);
            return;
        }
        try {
            blockWithoutLock(wait);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private void blockUnlessEnding(Blocking wait) throws InterruptedException {
        if (ending) {
            throw new ThreadExit();
        }
        blockWithoutLock(wait);
    }

    private void blockWithoutLock(Blocking wait) throws InterruptedException {
        DefaultExecutor worker = DefaultExecutor.ofCurrentThread();
        if (worker != null) {
            // A call of asyncio.to_thread: under the virtual clock it gives up its turn while blocked.
            worker.block(wait::run, InFlight.NONE);
        } else {
            lock.releasedWhile(wait::run);
        }
    }

    /** What an interrupted wait of aio code raises. */
    public RuntimeException interrupted() {
        if (ending && Thread.currentThread() != mainThread) {
            throw new ThreadExit();
        }
        Thread.currentThread().interrupt();
        return PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
    }

    /** CPython's {@code threading._shutdown()}: the main program has ended; waits for the non-daemon threads (without the lock). */
    @TruffleBoundary
    public void joinNonDaemon() {
        while (!ending) {
            Thread next = null;
            synchronized (this) {
                for (Started s : started) {
                    if (!s.daemon && s.thread.isAlive() && s.thread != Thread.currentThread()) {
                        next = s.thread;
                        break;
                    }
                }
            }
            if (next == null) {
                return;
            }
            Thread t = next;
            block(t::join);
        }
    }

    /**
     * A hard exit (the time limit, a deadlock, {@code sys.exit} after the threads were waited for):
     * no thread is waited for any more, blocked ones are woken to end; {@link #stopAll} joins them.
     */
    @TruffleBoundary
    void interruptAll() {
        ending = true;
        synchronized (this) {
            for (Started s : started) {
                if (s.thread != Thread.currentThread()) {
                    s.thread.interrupt();
                }
            }
        }
    }

    /** The context is closing: stops the threads still running (daemons, or all if the run was cut short) and joins them. */
    @TruffleBoundary
    void stopAll() {
        ending = true;
        List<Thread> alive = new ArrayList<>();
        synchronized (this) {
            for (Started s : started) {
                if (s.thread.isAlive() && s.thread != Thread.currentThread()) {
                    alive.add(s.thread);
                }
            }
        }
        if (alive.isEmpty()) {
            return;
        }
        try {
            env.submitThreadLocal(alive.toArray(new Thread[0]), exit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // A thread ended meanwhile, or the context is already cancelling them.
        }
        for (Thread t : alive) {
            t.interrupt();
        }
        boolean interrupted = false;
        for (Thread t : alive) {
            while (true) {
                try {
                    lock.releasedWhile(t::join);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
