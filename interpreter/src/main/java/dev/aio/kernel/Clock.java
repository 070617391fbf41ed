package dev.aio.kernel;

import java.util.Random;
import java.util.function.Consumer;

/**
 * The event loop's time, and how the loop waits for it: the strategy that makes a run real
 * ({@link RealClock}) or virtual ({@link VirtualClock}). The {@link Scheduler} never asks which
 * one it has; it asks the clock what time it is, whether a timer is due and how to wait.
 */
public interface Clock {
    /** Monotonic seconds: {@code loop.time()}, {@code time.monotonic()}, {@code time.perf_counter()}. */
    double monotonic();

    /** Seconds since the epoch: {@code time.time()}. */
    double wallTime();

    /**
     * The clock's sub-instant, by which timers set at the same {@link #monotonic()} time order
     * (see {@link VirtualClock#ticks()}); always 0 on the real clock.
     */
    long ticks();

    /** Marks the start of a loop iteration. */
    void beginIteration();

    /**
     * Waits until {@link #monotonic()} reaches {@code deadline}, the instant a time limit ends the
     * run at; the virtual clock just moves there.
     */
    void waitUntil(double deadline) throws InterruptedException;

    /** Whether {@code timer} is due in an iteration that began at {@code now}. */
    boolean isDue(TimerHandle timer, double now);

    /**
     * Nothing is ready and the loop has nothing from other threads: lets worker calls run first if
     * this clock makes them take turns; returns true if it did (the loop then looks again).
     */
    boolean letWorkersRun(Scheduler loop) throws InterruptedException;

    /** Nothing is ready and {@code next} is the earliest timer, not yet due: waits for it or for other threads. */
    void waitForTimer(Scheduler loop, TimerHandle next) throws InterruptedException;

    /** A worker call was submitted: starts it on a worker thread, now or when its turn comes. */
    void startWorkerCall(WorkerCalls workers, Runnable start);

    /** {@code time.sleep} on a worker thread (which holds {@code lock}). */
    void sleepInWorker(WorkerCalls workers, double seconds) throws InterruptedException;

    /**
     * A worker thread (which holds the interpreter lock) waits for something the loop's thread
     * completes, such as {@code concurrent.futures.Future.result()} of a coroutine run by
     * {@code run_coroutine_threadsafe}: {@code whenDone}, called on the loop's thread, runs its
     * argument once that is done (at once if it is already). Waits at most {@code timeout} seconds
     * of this clock (negative: no limit); returns whether it was done in time.
     */
    boolean waitInWorker(WorkerCalls workers, Consumer<Runnable> whenDone, double timeout) throws InterruptedException;

    /**
     * A worker thread (which holds the interpreter lock) blocks in {@code wait} for another thread
     * (a {@code threading} lock or event): it runs without the lock; the virtual clock takes the
     * worker's turn away meanwhile and gives it back after.
     */
    void blockInWorker(WorkerCalls workers, InterpreterLock.Blocking wait) throws InterruptedException;

    /** {@code time.sleep} on the loop's thread: blocks the whole loop; worker threads may run meanwhile. */
    void blockingSleep(double seconds, InterpreterLock lock) throws InterruptedException;

    /**
     * When a run that has made no progress since {@code lastProgressNanos} (a {@link System#nanoTime()}
     * instant; it started at {@code startNanos}) passes a time limit of {@code limitNanos} of this clock.
     */
    long runawayDeadline(long startNanos, long lastProgressNanos, long limitNanos);

    /** A new generator for {@code random}'s unseeded default. */
    Random newRandom();

    /** "real" or "virtual", as reports name the clock. */
    String kind();
}
