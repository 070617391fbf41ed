package dev.aio.kernel;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Calls that worker threads run for the loop ({@code run_in_executor}, {@code asyncio.to_thread}),
 * as the loop sees them: while one is outstanding the loop is not deadlocked, and one that runs may
 * hand the loop work at any moment. The {@link Clock} decides when a submitted call may start and
 * how a worker sleeps (the virtual clock makes workers take turns, see {@link VirtualClock}).
 */
public final class WorkerCalls {
    private final Scheduler scheduler;
    /** Calls submitted and not yet finished (loop thread only). */
    private int outstanding;
    /** Calls running and not waiting in a virtual sleep (any thread). */
    private final AtomicInteger running = new AtomicInteger();
    /** Calls waiting for their turn to start or go on (loop thread only). */
    private final ArrayDeque<Runnable> turns = new ArrayDeque<>();
    /** What blocked calls wait for that the program itself may have sent them (any thread adds and removes; the loop asks). */
    private final Set<InFlight> blockedOn = ConcurrentHashMap.newKeySet();

    WorkerCalls(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** On the loop thread: {@code start} hands a call to a worker thread, now or on its turn. */
    public void submit(Runnable start) {
        outstanding++;
        scheduler.clock().startWorkerCall(this, start);
    }

    /** On the loop thread, once a call's outcome has reached the loop; returns whether none is left. */
    public boolean finished() {
        outstanding--;
        return outstanding == 0;
    }

    /** On the worker thread, when its call has returned (its outcome already posted to the loop). */
    public void endTurn() {
        running.decrementAndGet();
        scheduler.wake();
    }

    /** {@code time.sleep} on a worker thread, as the loop's clock has it. */
    public void sleep(double seconds) throws InterruptedException {
        scheduler.clock().sleepInWorker(this, seconds);
    }

    /** On a worker thread: waits for what the loop's thread completes (see {@link Clock#waitInWorker}); returns whether it was done in time. */
    public boolean waitFor(Consumer<Runnable> whenDone, double timeout) throws InterruptedException {
        return scheduler.clock().waitInWorker(this, whenDone, timeout);
    }

    /**
     * On a worker thread: blocks in {@code wait} for another thread, as the loop's clock has it.
     * {@code awaited}: whether what it waits for is something the program sent it that is on its
     * way (a blocking socket call whose peer is a socket of the program's loop), which holds
     * virtual time still as a channel the loop watches does.
     */
    public void block(InterpreterLock.Blocking wait, InFlight awaited) throws InterruptedException {
        blockedOn.add(awaited);
        try {
            scheduler.clock().blockInWorker(this, wait);
        } finally {
            blockedOn.remove(awaited);
        }
    }

    /** Whether a blocked call waits for something the program sent it that is on its way. */
    boolean awaitsInFlight() {
        for (InFlight f : blockedOn) {
            if (f.onTheWay()) {
                return true;
            }
        }
        return false;
    }

    /** Whether no call is outstanding. */
    public boolean isIdle() {
        return outstanding == 0;
    }

    boolean isRunning() {
        return running.get() > 0;
    }

    boolean hasOutstanding() {
        return outstanding > 0;
    }

    void startNow(Runnable start) {
        running.incrementAndGet();
        start.run();
    }

    void waitForTurn(Runnable resume) {
        turns.add(resume);
    }

    /** Lets the next waiting call run, if there is one. */
    boolean giveTurn() {
        Runnable next = turns.poll();
        if (next == null) {
            return false;
        }
        startNow(next);
        return true;
    }
}
