package dev.aio.kernel;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.nodes.Node;

/**
 * aio's global interpreter lock: aio objects are not thread-safe, so only the thread holding this
 * lock runs aio code. The loop thread holds it except while it waits for timers or other threads;
 * a worker thread ({@code asyncio.to_thread}) holds it while it runs aio code and lets go while a
 * blocking call such as {@code time.sleep} waits, as CPython's GIL does.
 *
 * <p>Like CPython's, a thread that has waited a switch interval asks the holder to let go: the
 * holder does so at its next Truffle safepoint (a loop back-edge, a call), so a CPU-bound call in a
 * worker does not stall the event loop. The lock is fair, so the asking thread is next.
 */
public final class InterpreterLock {
    /** CPython's default {@code sys.getswitchinterval()}. */
    private static final long SWITCH_INTERVAL_NANOS = 5_000_000;

    /** A wait that needs no aio objects. */
    public interface Blocking {
        void run() throws InterruptedException;
    }

    private static final class OwnedLock extends ReentrantLock {
        OwnedLock() {
            super(true);
        }

        Thread owner() {
            return getOwner();
        }
    }

    private final OwnedLock lock = new OwnedLock();
    /** Asks the thread holding the lock to let go at its next safepoint. */
    private final Consumer<Thread> askToLetGo;
    /**
     * Run by the holder just before it lets go on request, given the node where its safepoint was
     * polled (a task dump notes where the holder stands).
     */
    private volatile Consumer<Node> beforeLettingGo;
    // Side-effecting: while the holder has let go, other threads change what its code sees (a
    // worker's writes, the task dump's frame reads). Declared free of side effects, compiled code
    // kept its frame assumptions across the pause and failed with FrameSlotTypeException when a
    // task dump paused a compiled loop (reproduced 2 of 2 runs under the JIT; none since).
    private final ThreadLocalAction letGo = new ThreadLocalAction(true, false) {
        @Override
        protected void perform(Access access) {
            if (lock.isHeldByCurrentThread() && lock.hasQueuedThreads()) {
                Consumer<Node> hook = beforeLettingGo;
                if (hook != null) {
                    hook.accept(access.getLocation());
                }
                int holds = unlockAll();
                relock(holds);
            }
        }
    };

    /** The lock of a Truffle context: a holder is asked to let go through a thread-local action. */
    public InterpreterLock(Env env) {
        this.askToLetGo = owner -> env.submitThreadLocal(new Thread[]{owner}, letGo);
    }

    private InterpreterLock(Consumer<Thread> askToLetGo) {
        this.askToLetGo = askToLetGo;
    }

    /** A lock outside any Truffle context (the kernel's own tests): a holder lets go only when it waits. */
    public static InterpreterLock withoutSafepoints() {
        return new InterpreterLock(owner -> {
        });
    }

    public void acquire() throws InterruptedException {
        while (!lock.tryLock(SWITCH_INTERVAL_NANOS, TimeUnit.NANOSECONDS)) {
            askOwnerToLetGo();
        }
    }

    public void acquireUninterruptibly() {
        relock(1);
    }

    /**
     * Takes the lock like {@link #acquireUninterruptibly()}; if another thread holds it and lets go
     * on request, that thread first runs {@code holderHook} with the node where it stands.
     */
    public void acquireUninterruptibly(Consumer<Node> holderHook) {
        beforeLettingGo = holderHook;
        try {
            relock(1);
        } finally {
            beforeLettingGo = null;
        }
    }

    public void release() {
        lock.unlock();
    }

    /** Runs {@code action} holding the lock: taken for it if this thread does not hold it already. */
    public void runHolding(Runnable action) {
        if (lock.isHeldByCurrentThread()) {
            action.run();
            return;
        }
        acquireUninterruptibly();
        try {
            action.run();
        } finally {
            release();
        }
    }

    /** Runs {@code wait} without the lock (if this thread holds it), then takes it back. */
    public void releasedWhile(Blocking wait) throws InterruptedException {
        int holds = unlockAll();
        try {
            wait.run();
        } finally {
            relock(holds);
        }
    }

    private int unlockAll() {
        int holds = lock.getHoldCount();
        for (int i = 0; i < holds; i++) {
            lock.unlock();
        }
        return holds;
    }

    /** Takes the lock {@code holds} times, uninterruptibly: the caller goes on running aio code. */
    private void relock(int holds) {
        if (holds == 0) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                acquire();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (int i = 1; i < holds; i++) {
            lock.lock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The thread holding the lock (running aio code), or null. */
    public Thread holder() {
        return lock.owner();
    }

    private void askOwnerToLetGo() {
        Thread owner = lock.owner();
        if (owner != null) {
            askToLetGo.accept(owner);
        }
    }
}
