package dev.aio.diagnostics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * How much of a task step's real time the step's own code spent, for the slow-step warning: the
 * CPU time of the thread that ran it, plus the time it slept in a blocking call
 * ({@code time.sleep}). Time the thread did not run is not the step's doing: descheduled on a
 * loaded machine, stopped for a garbage collection or a safepoint, or waiting for a core while
 * the JIT's compiler threads use it. (CPython's asyncio debug mode compares wall time alone with
 * {@code loop.slow_callback_duration}: there, nothing else runs in the process.)
 *
 * <p>Reading a thread's CPU time is a system call, too dear for every step: a step reuses the
 * last reading unless it is older than {@link #RESAMPLE_SECONDS}, so the CPU time the thread used
 * just before the step (at most that long) is counted in it.
 */
public final class SlowStepMeter {
    private static final double RESAMPLE_SECONDS = 0.002;

    private final ThreadMXBean threads;
    /** The thread of the last reading (a loop may run on a worker thread too), its CPU time then, and when. */
    private Thread sampledThread;
    private long sampledCpuNanos;
    /** The loop's time of the reading. */
    private double sampledAt;
    /** Seconds the running step slept in blocking calls. */
    private double blockedSeconds;

    private SlowStepMeter(ThreadMXBean threads) {
        this.threads = threads;
    }

    /** A meter, or null when this JVM cannot tell a thread's CPU time (then wall time is all there is). */
    public static SlowStepMeter create() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return null;
        }
        if (!threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        return new SlowStepMeter(threads);
    }

    /** A step starts at {@code now}, the loop's time (the real clock's). */
    public void stepStarted(double now) {
        blockedSeconds = 0;
        Thread current = Thread.currentThread();
        if (current != sampledThread || now - sampledAt > RESAMPLE_SECONDS) {
            sample(current, now);
        }
    }

    @TruffleBoundary
    private void sample(Thread current, double now) {
        sampledThread = current;
        sampledCpuNanos = threads.getCurrentThreadCpuTime();
        sampledAt = now;
    }

    /** The running step slept this long in a blocking call: the program chose to, so it counts. */
    public void blocked(double seconds) {
        blockedSeconds += seconds;
    }

    /** Of a step that ended now after {@code wallSeconds}, the seconds its own code spent. */
    @TruffleBoundary
    public double ownSeconds(double wallSeconds) {
        double cpu = Thread.currentThread() == sampledThread ? (threads.getCurrentThreadCpuTime() - sampledCpuNanos) / 1e9 : 0;
        return Math.min(wallSeconds, cpu + blockedSeconds);
    }
}
