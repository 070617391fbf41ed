package dev.aio.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;

import dev.aio.AioContext;
import sun.misc.Signal;

/**
 * A program's signal handlers, after CPython's {@code signal} module: the handler of each signal
 * is {@code SIG_DFL}, {@code SIG_IGN} or a callable that runs on the program's main thread (the
 * loop's), between two steps of whatever it runs, as CPython runs it between two bytecodes. The
 * signal arrives on a JVM thread ({@link JvmSignals}); a Truffle thread-local action takes it to
 * the main thread, so a handler that raises ({@code default_int_handler}: KeyboardInterrupt) raises
 * where the program is, also out of the loop's wait. Only the main program ({@code aio run}) handles
 * signals; an embedded context gets CPython's error for a thread that is not the main one.
 */
public final class ProgramSignals {
    public static final int SIGINT = 2;
    public static final long SIG_DFL = 0;
    public static final long SIG_IGN = 1;
    /** CPython's {@code signal.NSIG} on Linux. */
    public static final int NSIG = 65;
    /** The signals of Linux that {@code signal.Signals} names, by number. */
    public static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"),
                    Map.entry(4, "SIGILL"), Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"),
                    Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"), Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"), Map.entry(13, "SIGPIPE"),
                    Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(17, "SIGCHLD"), Map.entry(18, "SIGCONT"), Map.entry(19, "SIGSTOP"),
                    Map.entry(20, "SIGTSTP"), Map.entry(21, "SIGTTIN"), Map.entry(22, "SIGTTOU"), Map.entry(28, "SIGWINCH"));
    /** CPython's {@code signal.default_int_handler} as the handler table holds it: raises KeyboardInterrupt. */
    public static final Object DEFAULT_INT_HANDLER = new Object();

    private final AioContext context;
    private final boolean mainProgram;
    /** The JVM is shared with other runs (aio's daemon): the process's signals are not this program's to send. */
    private final boolean hosted;
    private Thread mainThread;
    /** Handlers other than SIG_DFL (set on the main thread; read by {@link #deliver} on another). */
    private final Map<Integer, Object> handlers = new ConcurrentHashMap<>();
    /** Signals received and not yet handled, in order. */
    private final ConcurrentLinkedQueue<Integer> pending = new ConcurrentLinkedQueue<>();
    /** A SIGINT is on its way to the main thread. */
    private final AtomicBoolean sigintPending = new AtomicBoolean();
    /** CPython's {@code signal.set_wakeup_fd}: the running loop's {@code add_signal_handler} callbacks, told on the JVM's thread. */
    private volatile IntConsumer wakeup;
    private final IntConsumer receiver = this::received;
    private final ThreadLocalAction handleOnMainThread = new ThreadLocalAction(true, false) {
        @Override
        protected void perform(Access access) {
            runPending();
        }
    };

    public ProgramSignals(AioContext context, boolean mainProgram, boolean hosted) {
        this.context = context;
        this.mainProgram = mainProgram;
        this.hosted = hosted;
    }

    /**
     * The main program starts as CPython's does: its thread is the main thread and SIGINT raises
     * KeyboardInterrupt there.
     */
    @TruffleBoundary
    public void startMainProgram() {
        mainThread = Thread.currentThread();
        setHandler(SIGINT, DEFAULT_INT_HANDLER);
    }

    /** Back to the JVM's handlers: the program is over. */
    @TruffleBoundary
    public void stop() {
        for (Integer signum : handlers.keySet()) {
            JvmSignals.stopReceiving(signum, bare(signum), receiver);
        }
        handlers.clear();
        wakeup = null;
    }

    /** Whether this thread may set handlers: CPython's "main thread of the main interpreter". */
    public boolean onMainThread() {
        return mainProgram && Thread.currentThread() == mainThread;
    }

    private void checkMainThread() {
        if (!onMainThread()) {
            throw PyErrors.valueError("signal only works in main thread of the main interpreter");
        }
    }

    private static void checkRange(int signum) {
        if (signum < 1 || signum >= NSIG) {
            throw PyErrors.valueError("signal number out of range");
        }
    }

    /** {@code signal.getsignal(signum)}: SIG_DFL, SIG_IGN, {@link #DEFAULT_INT_HANDLER} or a callable. */
    @TruffleBoundary
    public Object getHandler(int signum) {
        checkRange(signum);
        Object h = handlers.get(signum);
        return h == null ? SIG_DFL : h;
    }

    /** {@code signal.signal(signum, handler)}: returns the handler it replaces. */
    @TruffleBoundary
    public Object setHandler(int signum, Object handler) {
        checkMainThread();
        checkRange(signum);
        Object previous = getHandler(signum);
        String name = NAMES.get(signum);
        if (handler instanceof Long l && l == SIG_DFL) {
            if (handlers.remove(signum) != null) {
                JvmSignals.stopReceiving(signum, bare(signum), receiver);
            }
            return previous;
        }
        if (name == null || signum == 9 || signum == 19) {
            throw PyErrors.osError(22, "Invalid argument", null);
        }
        try {
            JvmSignals.receive(signum, bare(signum), receiver);
        } catch (IllegalArgumentException e) {
            // The JVM keeps some signals for itself (SIGQUIT, SIGUSR2 on Linux).
            throw PyErrors.osError(22, "Invalid argument: the JVM uses " + name, null);
        }
        handlers.put(signum, handler);
        return previous;
    }

    /** {@code signal.set_wakeup_fd} as a loop uses it: {@code onSignal} hears of every signal with a handler, on the JVM's signal thread; null stops it. */
    public void setWakeup(IntConsumer onSignal) {
        this.wakeup = onSignal;
    }

    /**
     * {@code signal.raise_signal(signum)}: a signal this program handles goes straight to its
     * handler, which has run when this returns, as in CPython; any other goes to the process (the
     * JVM's own handler, SIG_DFL: for SIGINT and SIGTERM, the end of the process).
     */
    @TruffleBoundary
    public void raise(int signum) {
        checkRange(signum);
        String name = NAMES.get(signum);
        if (name == null) {
            throw PyErrors.osError(22, "Invalid argument", null);
        }
        if (handlers.containsKey(signum) && onMainThread()) {
            received(signum);
            runPending();
        } else if (hosted) {
            // The process is aio's daemon, running other programs too: the signal ends this run as
            // its default action would end a process of its own (status 128 + the signal's number).
            context.out().flush();
            context.getEnv().getContext().closeExited(null, 128 + signum);
        } else {
            Signal.raise(new Signal(bare(signum)));
        }
    }

    /**
     * A signal sent to this run from outside the JVM (aio's daemon relays the Ctrl-C of the run's
     * own command): handled as if the process had received it. False when the program does not
     * take it (no handler, or a second SIGINT before the first reached the program): the caller
     * then ends the run as the signal would end its process.
     */
    public boolean deliver(int signum) {
        if (!handlers.containsKey(signum) || signum == SIGINT && sigintPending.get()) {
            return false;
        }
        received(signum);
        return true;
    }

    private static String bare(int signum) {
        return NAMES.get(signum).substring(3);
    }

    /** On the JVM's signal thread (or the main thread, for {@code raise_signal}). */
    private void received(int signum) {
        if (signum == SIGINT && sigintPending.getAndSet(true)) {
            // A second Ctrl-C while the first has not reached the program (stuck in a Java call that
            // never reaches a safepoint): the JVM's handler ends the process, as a user expects.
            JvmSignals.jvmDefault(signum, bare(signum));
            return;
        }
        pending.add(signum);
        IntConsumer w = wakeup;
        if (w != null) {
            w.accept(signum);
        }
        try {
            context.getEnv().submitThreadLocal(new Thread[]{mainThread}, handleOnMainThread);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The context is closing: no one is left to handle it.
        }
    }

    /** On the main thread: runs the handlers of the signals received; a handler's exception propagates from here. */
    @TruffleBoundary
    private void runPending() {
        Integer signum;
        while ((signum = pending.poll()) != null) {
            if (signum == SIGINT) {
                sigintPending.set(false);
            }
            Object handler = handlers.get(signum);
            if (handler == DEFAULT_INT_HANDLER) {
                throw PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
            }
            if (handler != null && !(handler instanceof Long)) {
                long n = signum;
                context.interpreterLock().runHolding(() -> Calls.call(handler, n, PyNone.NONE));
            }
        }
    }
}
