package dev.aio.diagnostics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;

import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleLanguage.Env;

import dev.aio.AioContext;
import dev.aio.kernel.Clock;

/**
 * {@code --time-limit} for code that never gives the event loop back (a loop that never awaits):
 * the loop checks the limit only between steps, so a daemon thread watches the clock and, once
 * the limit has passed, stops the run at the next safepoint of the threads running it. When the limit has
 * passed is the clock's rule ({@link Clock#runawayDeadline}).
 */
public final class RunawayWatchdog {
    /** Lets the loop's own check, which stops at the exact instant, come first. */
    private static final long GRACE_NANOS = 100_000_000;

    private final AioContext context;
    private final Env env;
    private final long limitNanos;
    private final Clock clock;
    /** Start-up until the first loop starts counts too, so that a runaway before any loop is stopped. */
    private volatile long start = System.nanoTime();
    private volatile long lastProgress = start;
    /**
     * Counts the loop's progress: the loop thread only counts (a clock read at every step would
     * cost more than the step); the watcher notes when the count last changed.
     */
    private int progressCount;
    private static final VarHandle PROGRESS_COUNT;

    static {
        try {
            PROGRESS_COUNT = MethodHandles.lookup().findVarHandle(RunawayWatchdog.class, "progressCount", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private volatile boolean stopped;
    private final Thread watcher;

    public RunawayWatchdog(AioContext context, Env env, double limitSeconds, Clock clock) {
        this.context = context;
        this.env = env;
        this.limitNanos = (long) (limitSeconds * 1e9) + GRACE_NANOS;
        this.clock = clock;
        this.watcher = new Thread(this::watch, "aio-time-limit");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The first loop started: the limit counts from here, as the loop's own check does. */
    public void loopStarted() {
        start = System.nanoTime();
        lastProgress = start;
    }

    /** The loop ran a step or moved time on. */
    public void progress() {
        PROGRESS_COUNT.setOpaque(this, (int) PROGRESS_COUNT.getOpaque(this) + 1);
    }

    public void stop() {
        stopped = true;
        watcher.interrupt();
    }

    /**
     * Stops the run on whichever threads run it: the thread that made the context may not be the
     * one running the script (an embedder's executor, a worker). The first thread to reach a
     * safepoint stops the run; closing the context stops the others.
     */
    private void stopRunningThreads() {
        AtomicBoolean stopping = new AtomicBoolean();
        try {
            env.submitThreadLocal(null, new ThreadLocalAction(true, false) {
                @Override
                protected void perform(Access access) {
                    if (stopping.compareAndSet(false, true)) {
                        context.stopRun(context.timeLimitMessage(), 124);
                    }
                }
            });
        } catch (IllegalStateException e) {
            // The context closed meanwhile: the run is over anyway.
        }
    }

    private void watch() {
        int seenCount = (int) PROGRESS_COUNT.getOpaque(this);
        try {
            while (!stopped) {
                int count = (int) PROGRESS_COUNT.getOpaque(this);
                if (count != seenCount) {
                    seenCount = count;
                    lastProgress = System.nanoTime();
                }
                long left = clock.runawayDeadline(start, lastProgress, limitNanos) - System.nanoTime();
                if (left <= 0) {
                    stopRunningThreads();
                    return;
                }
                Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 50)));
            }
        } catch (InterruptedException e) {
            // The run ended first.
        }
    }
}
