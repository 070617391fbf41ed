package dev.aio.kernel;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Virtual time ({@code aio run --virtual-time}, the embedding's {@code Clock.VIRTUAL}): sleeps cost
 * nothing and every run of a program prints the same. All of its rules live in this class:
 * <ol>
 * <li><b>Time stands still while code runs</b> and jumps to the next timer when the loop would
 * wait ({@link #waitForTimer}); a step that computes for a real second takes no virtual time.
 * <li><b>Ticks order timers set at the same instant.</b> CPython spends real time in each loop
 * iteration, so a timer started in a later iteration expires a little later; counting iterations
 * ({@link #ticks()}) and ordering deadlines by {@code (seconds, ticks)} reproduces that order
 * without making any visible time inexact ({@code 3.0}, not {@code 3.0000012}).
 * <li><b>The wall clock starts at the real time rounded down to a whole second</b>, so differences
 * of {@code time.time()} are exact too.
 * <li><b>Worker threads take turns</b> ({@code asyncio.to_thread}, {@code run_in_executor}): the loop
 * gives the turn to one call at a time, in the order the calls were submitted or their
 * {@code time.sleep} ended, only when it has nothing ready itself; it waits until that call sleeps or
 * returns, and moves time on only when no call has or wants the turn. A worker's {@code time.sleep}
 * is a loop timer, so it takes virtual time as {@code asyncio.sleep} does.
 * <li><b>Java futures take no time</b>: while one that aio code awaits is pending, time stands still
 * and the loop waits for it in real time (a {@link HostFeed}, such as the REPL's input, is the
 * exception: the loop's timers run while it waits).
 * <li><b>Channels come before jumps.</b> The loop looks at its channels (sockets, pipes) without
 * waiting before it moves time on, and moves it only when none is ready. While a channel waits for
 * something from outside the program (a connection being made, a remote peer's data, a
 * subprocess's output), time stands still and the loop waits for it in real time, as for a Java
 * future; a channel whose peer is another channel of the same program (a server and its client on
 * localhost) holds nothing up, since only the program itself can make it ready, except while
 * something the program sent is on its way to it ({@link InFlight}: loopback delivery takes real
 * time), which the loop waits for on its selector.
 * <li><b>{@code time.sleep} on the loop's thread</b> moves time on at once, blocking every task.
 * <li><b>{@code --time-limit}</b> is loop time, so it ends a run at an exact virtual instant; code
 * that never gives the loop back is stopped after that much real time without progress.
 * <li><b>{@code random}</b> without a seed starts from seed 0.
 * </ol>
 */
public final class VirtualClock implements Clock {
    private final double wallOrigin = Math.floor(System.currentTimeMillis() / 1000.0);
    private double now;
    private long ticks;

    @Override
    public double monotonic() {
        return now;
    }

    @Override
    public double wallTime() {
        return wallOrigin + now;
    }

    /** How many loop iterations have run at the current time (rule 2). */
    @Override
    public long ticks() {
        return ticks;
    }

    @Override
    public void beginIteration() {
        ticks++;
    }

    @Override
    public boolean isDue(TimerHandle timer, double time) {
        return timer.when() < time || (timer.when() == time && timer.ticks() <= ticks);
    }

    /** Rule 4: a worker call that runs or wants the turn goes first; time stands still meanwhile. */
    @Override
    public boolean letWorkersRun(Scheduler loop) throws InterruptedException {
        WorkerCalls workers = loop.workersIfAny();
        if (workers == null || !(workers.isRunning() || workers.giveTurn())) {
            return false;
        }
        // What the worker posts waits for its turn's end.
        loop.sleepWhile(workers::isRunning);
        return true;
    }

    /**
     * Rules 1, 5, 6 and 8: jump to the timer, unless a channel is ready, or a Java future or the
     * outside world is awaited, or something the program sent itself is on its way to a channel.
     */
    @Override
    public void waitForTimer(Scheduler loop, TimerHandle next) throws InterruptedException {
        if (loop.pollIo()) {
            return;
        }
        if (loop.awaitsHostFuture() || loop.awaitsOutsideIo() || loop.awaitsInFlightIo()) {
            loop.sleepUntilWoken();
            return;
        }
        loop.host().beforeTimeMovesTo(next.when());
        moveTo(next.when(), next.ticks());
    }

    private void moveTo(double deadline, long deadlineTicks) {
        if (deadline > now && !Double.isInfinite(deadline)) {
            now = deadline;
            ticks = deadlineTicks;
        } else if (deadline == now && deadlineTicks > ticks) {
            ticks = deadlineTicks;
        }
    }

    @Override
    public void waitUntil(double deadline) {
        moveTo(deadline, 0);
    }

    /** Rule 4: a call waits for its turn. */
    @Override
    public void startWorkerCall(WorkerCalls workers, Runnable start) {
        workers.waitForTurn(start);
    }

    /** Rule 4: the worker's sleep is a loop timer; when it fires, the worker waits for its turn again. */
    @Override
    public void sleepInWorker(WorkerCalls workers, double seconds) throws InterruptedException {
        Scheduler loop = workers.scheduler();
        CountDownLatch woken = new CountDownLatch(1);
        loop.callSoonThreadsafe(() -> loop.callLater(seconds, () -> workers.waitForTurn(woken::countDown), "time.sleep() in a worker thread"),
                        "time.sleep() in a worker thread");
        workers.endTurn();
        loop.host().interpreterLock().releasedWhile(woken::await);
    }

    /**
     * Rule 4 again: a worker waiting for the loop gives up its turn; it waits for the turn again
     * when the thing is done, or when its timeout, a loop timer, expires.
     */
    @Override
    public boolean waitInWorker(WorkerCalls workers, Consumer<Runnable> whenDone, double timeout) throws InterruptedException {
        Scheduler loop = workers.scheduler();
        CountDownLatch woken = new CountDownLatch(1);
        // Both set on the loop's thread, by whichever of the two comes first.
        AtomicBoolean resumed = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        loop.callSoonThreadsafe(() -> {
            TimerHandle timer = timeout < 0 ? null : loop.callLater(timeout, () -> {
                if (resumed.compareAndSet(false, true)) {
                    workers.waitForTurn(woken::countDown);
                }
            }, "concurrent.futures.Future.result() timeout");
            whenDone.accept(() -> {
                if (resumed.compareAndSet(false, true)) {
                    done.set(true);
                    if (timer != null) {
                        timer.cancel();
                    }
                    workers.waitForTurn(woken::countDown);
                }
            });
        }, "concurrent.futures.Future.result() in a worker thread");
        workers.endTurn();
        loop.host().interpreterLock().releasedWhile(woken::await);
        return done.get();
    }

    /**
     * Rule 4 again: a worker blocked by another thread gives up its turn, so the loop and the other
     * threads go on; once unblocked it waits for the turn again.
     */
    @Override
    public void blockInWorker(WorkerCalls workers, InterpreterLock.Blocking wait) throws InterruptedException {
        Scheduler loop = workers.scheduler();
        InterpreterLock lock = loop.host().interpreterLock();
        workers.endTurn();
        CountDownLatch turn = new CountDownLatch(1);
        try {
            lock.releasedWhile(wait);
        } finally {
            loop.callSoonThreadsafe(() -> workers.waitForTurn(turn::countDown), "a worker thread unblocked");
            lock.releasedWhile(() -> awaitTurn(loop, turn));
        }
    }

    /**
     * Waits for a worker's turn, polling whether the run is ending: a cancelled or exiting loop
     * gives no more turns, and the worker then ends with InterruptedException (the embedder's
     * cancel found a worker blocked in a socket call waiting here for ever).
     */
    private static void awaitTurn(Scheduler loop, CountDownLatch turn) throws InterruptedException {
        while (!turn.await(100, TimeUnit.MILLISECONDS)) {
            if (loop.host().runEnding()) {
                throw new InterruptedException();
            }
        }
    }

    /** Rule 7: the loop's thread keeps the lock; nothing else runs in no time. */
    @Override
    public void blockingSleep(double seconds, InterpreterLock lock) {
        if (seconds > 0) {
            now += seconds;
            ticks = 0;
        }
    }

    /** Rule 8: real time since the loop last made progress. */
    @Override
    public long runawayDeadline(long startNanos, long lastProgressNanos, long limitNanos) {
        return lastProgressNanos + limitNanos;
    }

    /** Rule 9. */
    @Override
    public Random newRandom() {
        return new Random(0);
    }

    @Override
    public String kind() {
        return "virtual";
    }
}
