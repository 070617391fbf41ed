package dev.aio.kernel;

import java.nio.channels.SelectableChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.oracle.truffle.api.TruffleSafepoint;

/**
 * The heart of the event loop, after CPython's {@code BaseEventLoop._run_once}: a FIFO of ready
 * callbacks, a heap of timers and the channels it watches ({@code add_reader}, {@code add_writer},
 * CPython's {@code BaseSelectorEventLoop}); each iteration takes the callbacks of channels that are
 * ready, then runs the callbacks that were ready when it began. When nothing is ready it asks its
 * {@link Clock} to wait (the clock is the strategy: the real one waits on the {@link IoSelector}
 * until the next timer, the virtual one jumps). It knows nothing of futures, tasks or aio objects: those are built
 * on it (asyncio's {@code EventLoop} object is its host), and what it needs from them is its
 * {@link LoopHost}.
 */
public final class Scheduler {
    /** CPython's monotonic clock resolution: timers due within it count as due. */
    static final double CLOCK_RESOLUTION = 1e-9;

    private final Clock clock;
    private final LoopHost host;
    private final ArrayDeque<ReadyCallback> ready = new ArrayDeque<>();
    /** Callbacks other threads scheduled ({@code call_soon_threadsafe}); moved to {@link #ready} by the loop. */
    private final ConcurrentLinkedQueue<Handle> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private final TimerHeap scheduled = new TimerHeap();
    private final IoSelector io = new IoSelector(ready::add);
    private long timerSequence;
    /** Worker-thread calls, made on first use. */
    private WorkerCalls workers;
    /**
     * Ways other threads hand this loop work (the REPL's inputs, an embedder's inbox awaited as a
     * {@link HostFeed}): while there is one, having nothing to do is not a deadlock.
     */
    private int feeds;
    /** Other Java futures awaited and not yet complete: work to come, in no virtual time. */
    private int hostWaits;
    /** {@link #stop()} was called: the iteration running now is the last of {@link #runUntilStopped()}. */
    private boolean stopping;
    /** How many ready callbacks have started to run, the one running now included. */
    private long callbacksStarted;
    /**
     * The clock's last reading that is also the start of the callback numbered {@link #readingStarts}:
     * the iteration's time for its first callback, the end of a timed step for the next. A task step
     * reads the clock once, at its end, instead of twice (see {@link #callbackStartTime()}).
     */
    private double lastReading;
    private long readingStarts;

    public Scheduler(Clock clock, LoopHost host) {
        this.clock = clock;
        this.host = host;
    }

    public Clock clock() {
        return clock;
    }

    LoopHost host() {
        return host;
    }

    public double time() {
        return clock.monotonic();
    }

    /**
     * When the ready callback running now began: the reading taken just before it, when there is
     * one (the iteration's, or the end of the step before it, see {@link #callbackEndTime()}), else
     * the clock now.
     */
    public double callbackStartTime() {
        return readingStarts == callbacksStarted ? lastReading : time();
    }

    /** The clock now, at the end of the running callback: the next one started now, and needs no reading of its own. */
    public double callbackEndTime() {
        double now = time();
        lastReading = now;
        readingStarts = callbacksStarted + 1;
        return now;
    }

    /** Puts a callback that needs no handle (a task's next step) on the ready queue. */
    public void callSoon(ReadyCallback callback) {
        ready.add(callback);
    }

    public Handle callSoon(Runnable callback, String description) {
        Handle h = new Handle(callback, description);
        ready.add(h);
        return h;
    }

    /** {@link #callSoon(Runnable, String)} with a description made only if a report needs it. */
    public Handle callSoon(Runnable callback, Supplier<String> description) {
        Handle h = new Handle(callback, description);
        ready.add(h);
        return h;
    }

    /** {@code loop.call_soon_threadsafe}: from any thread; wakes the loop if it waits. */
    public Handle callSoonThreadsafe(Runnable callback, String description) {
        Handle h = new Handle(callback, description);
        fromOtherThreads.add(h);
        io.wake();
        return h;
    }

    public TimerHandle callAt(double when, Runnable callback, String description) {
        return schedule(new TimerHandle(when, clock.ticks(), timerSequence++, callback, description));
    }

    /** {@link #callAt(double, Runnable, String)} with a description made only if a report needs it. */
    public TimerHandle callAt(double when, Runnable callback, Supplier<String> description) {
        return schedule(new TimerHandle(when, clock.ticks(), timerSequence++, callback, description));
    }

    private TimerHandle schedule(TimerHandle h) {
        scheduled.add(h);
        return h;
    }

    public TimerHandle callLater(double delay, Runnable callback, String description) {
        return callAt(time() + delay, callback, description);
    }

    /** {@link #callLater(double, Runnable, String)} with a description made only if a report needs it. */
    public TimerHandle callLater(double delay, Runnable callback, Supplier<String> description) {
        return callAt(time() + delay, callback, description);
    }

    /** Wakes the loop if it waits for another thread. */
    public void wake() {
        io.wake();
    }

    /**
     * {@code loop.add_reader}: {@code callback} runs in each iteration that finds {@code channel}
     * (non-blocking) readable, or acceptable; it replaces the channel's reader. {@code fromOutside}:
     * what the channel waits for comes from outside the program (a remote peer), not from another
     * of its own channels, so virtual time stands still while it is awaited (see {@link VirtualClock}).
     * {@code inFlight}: whether something another channel of the program sent this one is on its
     * way to it, which holds virtual time still too until it has come.
     */
    public Handle addReader(SelectableChannel channel, Runnable callback, String description, boolean fromOutside, InFlight inFlight) {
        Handle h = new Handle(callback, description);
        io.addReader(channel, h, fromOutside, inFlight);
        return h;
    }

    /** {@code loop.add_writer}: as {@link #addReader}, for the channel being writable, or its connection made. */
    public Handle addWriter(SelectableChannel channel, Runnable callback, String description, boolean fromOutside, InFlight inFlight) {
        Handle h = new Handle(callback, description);
        io.addWriter(channel, h, fromOutside, inFlight);
        return h;
    }

    /** {@code loop.remove_reader}: returns whether the channel had one. */
    public boolean removeReader(SelectableChannel channel) {
        return io.removeReader(channel);
    }

    public boolean removeWriter(SelectableChannel channel) {
        return io.removeWriter(channel);
    }

    /** The calls of worker threads, made on first use. */
    public WorkerCalls workers() {
        if (workers == null) {
            workers = new WorkerCalls(this);
        }
        return workers;
    }

    /** Called on the loop's thread: see {@link #feeds}. */
    public void addFeed() {
        feeds++;
    }

    public void removeFeed() {
        feeds--;
    }

    public void hostWaitStarted() {
        hostWaits++;
    }

    public void hostWaitEnded() {
        hostWaits--;
    }

    /** Runs iterations until {@link #stop()} is called (by a callback), as CPython's {@code run_forever}. */
    public void runUntilStopped() {
        try {
            do {
                runOnce();
            } while (!stopping);
        } finally {
            stopping = false;
        }
    }

    /** {@code loop.stop()}: the current iteration is the last; it does not wait for anything. */
    public void stop() {
        stopping = true;
    }

    /** One iteration: take what other threads posted, wait if nothing is ready, move due timers to the ready queue, run it. */
    void runOnce() {
        // Tasks that never loop still give a cancel (the embedder's) its chance once per iteration.
        TruffleSafepoint.poll(null);
        clock.beginIteration();
        while (!scheduled.isEmpty() && scheduled.peek().isCancelled()) {
            scheduled.poll();
        }
        io.beginIteration();
        takeCallbacksFromOtherThreads();
        if (ready.isEmpty() && !stopping) {
            try {
                waitForWork();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw host.interrupted();
            }
            takeCallbacksFromOtherThreads();
        }
        // As CPython's select with a zero timeout: channels are watched even when the loop is busy.
        io.pollOnce();
        double now = time();
        host.beforeTimeMovesTo(now);
        while (!scheduled.isEmpty() && clock.isDue(scheduled.peek(), now)) {
            ready.add(scheduled.poll());
        }
        lastReading = now;
        readingStarts = callbacksStarted + 1;
        int todo = ready.size();
        for (int i = 0; i < todo; i++) {
            callbacksStarted++;
            runReady(ready.poll());
        }
    }

    /** Nothing is ready: waits for the next timer or another thread's callback, as the clock has it. */
    private void waitForWork() throws InterruptedException {
        if (!fromOtherThreads.isEmpty() || clock.letWorkersRun(this)) {
            return;
        }
        boolean workerPending = workers != null && workers.hasOutstanding();
        if (scheduled.isEmpty() && !workerPending && feeds == 0 && hostWaits == 0 && !io.hasRegistrations()) {
            if (!host.otherThreadsAlive()) {
                host.deadlocked();
            }
            // A thread may still post work, or end without posting any: look again after a while.
            sleep(OTHER_THREADS_RECHECK_NANOS);
            return;
        }
        TimerHandle next = scheduled.peek();
        if (next == null) {
            sleepUntilWoken();
        } else if (next.when() > time() || next.ticks() > clock.ticks()) {
            clock.waitForTimer(this, next);
        }
    }

    private void takeCallbacksFromOtherThreads() {
        Handle h;
        while ((h = fromOtherThreads.poll()) != null) {
            ready.add(h);
        }
    }

    private void runReady(ReadyCallback callback) {
        boolean timed = host.timesCallbacks();
        double started = timed ? time() : 0;
        try {
            callback.runReady();
        } catch (RuntimeException e) {
            host.callbackFailed(callback.asHandle(), e);
        }
        if (timed) {
            host.callbackRan(callback.asHandle(), time() - started);
        }
    }

    // ----- for the clocks -----------------------------------------------------------------------

    /** Whether a Java future other than a {@link HostFeed} is awaited. */
    boolean awaitsHostFuture() {
        return hostWaits > 0;
    }

    /** Whether a channel waits for something from outside the program (see {@link #addReader}). */
    boolean awaitsOutsideIo() {
        return io.waitsForOutside();
    }

    /** Whether a watched channel, or a worker blocked in a socket call, waits for something the program sent it that is on its way (see {@link InFlight}). */
    boolean awaitsInFlightIo() {
        return io.awaitsInFlight() || workers != null && workers.awaitsInFlight();
    }

    /** Takes the callbacks of the channels that are ready now, without waiting; returns whether there were any. */
    boolean pollIo() {
        return io.poll();
    }

    /** The worker calls, or null if none was ever submitted. */
    WorkerCalls workersIfAny() {
        return workers;
    }

    /** Lets go of the interpreter lock and waits until a channel is ready or another thread wakes the loop. */
    /** How long an idle loop waits for other threads before it looks again whether they still live. */
    private static final long OTHER_THREADS_RECHECK_NANOS = 50_000_000;

    void sleepUntilWoken() throws InterruptedException {
        sleep(Long.MAX_VALUE);
    }

    /**
     * Lets go of the interpreter lock and sleeps, woken by other threads, as long as {@code condition}
     * holds; channels that become ready meanwhile wait for the next iteration.
     */
    void sleepWhile(BooleanSupplier condition) throws InterruptedException {
        host.interpreterLock().releasedWhile(() -> {
            while (condition.getAsBoolean()) {
                io.park();
            }
        });
    }

    /** Lets go of the interpreter lock and waits up to {@code nanos}, until a channel is ready or another thread wakes the loop. */
    void sleep(long nanos) throws InterruptedException {
        host.interpreterLock().releasedWhile(() -> io.select(nanos));
    }

    /** How many callbacks are ready and timers pending (for tests and reports). */
    public int readyCount() {
        return ready.size();
    }

    public int timerCount() {
        return scheduled.size();
    }

    /** Drops every pending callback, timer and watched channel, and closes the selector ({@code loop.close()}). */
    public void close() {
        ready.clear();
        scheduled.clear();
        io.close();
    }
}
