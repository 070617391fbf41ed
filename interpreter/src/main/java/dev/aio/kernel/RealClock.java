package dev.aio.kernel;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/** The machine's clocks: the loop sleeps until its next timer, as CPython's selector does. */
public final class RealClock implements Clock {
    private final long origin = System.nanoTime();

    @Override
    public double monotonic() {
        return (System.nanoTime() - origin) / 1e9;
    }

    @Override
    public double wallTime() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    @Override
    public long ticks() {
        return 0;
    }

    @Override
    public void beginIteration() {
    }

    @Override
    public boolean isDue(TimerHandle timer, double now) {
        return timer.when() < now + Scheduler.CLOCK_RESOLUTION;
    }

    @Override
    public boolean letWorkersRun(Scheduler loop) {
        // Worker calls run freely; they wake the loop when they post their outcome.
        return false;
    }

    @Override
    public void waitForTimer(Scheduler loop, TimerHandle next) throws InterruptedException {
        loop.host().beforeTimeMovesTo(next.when());
        // CPython's selector waits in whole milliseconds, rounded up, so timers due within that
        // window run in the same iteration.
        long nanos = (long) (Math.ceil((next.when() - monotonic()) * 1e3) * 1e6);
        loop.sleep(nanos);
    }

    @Override
    public void startWorkerCall(WorkerCalls workers, Runnable start) {
        workers.startNow(start);
    }

    @Override
    public void sleepInWorker(WorkerCalls workers, double seconds) throws InterruptedException {
        workers.scheduler().host().interpreterLock().releasedWhile(() -> sleep(seconds));
    }

    @Override
    public boolean waitInWorker(WorkerCalls workers, Consumer<Runnable> whenDone, double timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        workers.scheduler().callSoonThreadsafe(() -> whenDone.accept(done::countDown), "concurrent.futures.Future.result() in a worker thread");
        boolean[] inTime = {true};
        workers.scheduler().host().interpreterLock().releasedWhile(() -> {
            if (timeout < 0) {
                done.await();
            } else {
                inTime[0] = done.await((long) (timeout * 1e9), TimeUnit.NANOSECONDS);
            }
        });
        return inTime[0];
    }

    @Override
    public void blockInWorker(WorkerCalls workers, InterpreterLock.Blocking wait) throws InterruptedException {
        workers.scheduler().host().interpreterLock().releasedWhile(wait);
    }

    @Override
    public void blockingSleep(double seconds, InterpreterLock lock) throws InterruptedException {
        lock.releasedWhile(() -> sleep(seconds));
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000), (int) ((seconds * 1e9) % 1_000_000));
    }

    @Override
    public void waitUntil(double deadlineSeconds) throws InterruptedException {
        long deadline = Double.isInfinite(deadlineSeconds) ? Long.MAX_VALUE : origin + (long) (deadlineSeconds * 1e9);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            // parkNanos may return early: re-check the deadline.
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** The limit counts from the start of the run. */
    @Override
    public long runawayDeadline(long startNanos, long lastProgressNanos, long limitNanos) {
        return startNanos + limitNanos;
    }

    @Override
    public Random newRandom() {
        return new Random();
    }

    @Override
    public String kind() {
        return "real";
    }
}
