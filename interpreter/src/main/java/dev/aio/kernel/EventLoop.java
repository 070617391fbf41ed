package dev.aio.kernel;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;

import dev.aio.AioContext;
import dev.aio.runtime.AioException;
import dev.aio.runtime.PyErrors;

/**
 * The single-threaded event loop, after CPython's {@code BaseEventLoop}: a FIFO of ready
 * callbacks and a heap of timers; each iteration runs the callbacks that were ready when it began.
 */
public final class EventLoop extends dev.aio.runtime.PyObject {
    public static final dev.aio.runtime.PyType TYPE = new dev.aio.runtime.PyType("_UnixSelectorEventLoop", "asyncio.unix_events");

    /** CPython's monotonic clock resolution: timers due within it count as due. */
    private static final double CLOCK_RESOLUTION = 1e-9;

    private final AioContext context;
    private final Clock clock;
    private final ArrayDeque<Handle> ready = new ArrayDeque<>();
    /** Callbacks other threads scheduled ({@code call_soon_threadsafe}); moved to {@link #ready} by the loop. */
    private final ConcurrentLinkedQueue<Handle> fromOtherThreads = new ConcurrentLinkedQueue<>();
    private final Wakeup wakeup = new Wakeup();
    private DefaultExecutor defaultExecutor;
    /** {@code loop.set_task_factory()}: a callable, or null for plain tasks. */
    private Object taskFactory;
    private final PriorityQueue<TimerHandle> scheduled = new PriorityQueue<>();
    private final Set<Task> tasks = new LinkedHashSet<>();
    private final java.util.List<Future> unretrieved = new java.util.ArrayList<>();
    private long timerSequence;
    private boolean stopping;
    private boolean running;
    private boolean closed;
    /**
     * Ways other threads hand this loop work (the REPL's inputs, an embedder's inbox awaited as a
     * {@link HostFeed}): while there is one, having nothing to do is not a deadlock.
     */
    private int feeds;
    /** Other Java futures awaited and not yet complete (see {@link HostFuture}): work to come, in no virtual time. */
    private int hostWaits;
    private Task currentTask;
    /** The {@code --timeline} recorder, or null. */
    private final TimelineRecorder timeline;

    public EventLoop(AioContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
        this.timeline = context.timeline();
    }

    TimelineRecorder timeline() {
        return timeline;
    }

    public double time() {
        return clock.monotonic();
    }

    public Clock clock() {
        return clock;
    }

    public AioContext context() {
        return context;
    }

    public Handle callSoon(Runnable callback, String description) {
        Handle h = new Handle(callback, description);
        ready.add(h);
        return h;
    }

    /** {@code loop.call_soon_threadsafe}: from any thread; wakes the loop if it waits. */
    public Handle callSoonThreadsafe(Runnable callback, String description) {
        Handle h = new Handle(callback, description);
        fromOtherThreads.add(h);
        wakeup.wake();
        return h;
    }

    /** Called on the loop's thread: see {@link #feeds}. */
    public void addFeed() {
        feeds++;
    }

    void removeFeed() {
        feeds--;
    }

    void hostWaitStarted() {
        hostWaits++;
    }

    void hostWaitEnded() {
        hostWaits--;
    }

    public Object getTaskFactory() {
        return taskFactory;
    }

    public void setTaskFactory(Object factory) {
        this.taskFactory = factory;
    }

    /** Wakes the loop if it waits for another thread. */
    void wake() {
        wakeup.wake();
    }

    /** The executor of {@code run_in_executor(None, ...)} and {@code asyncio.to_thread}, made on first use. */
    public DefaultExecutor defaultExecutor() {
        if (defaultExecutor == null) {
            defaultExecutor = new DefaultExecutor(this);
        }
        return defaultExecutor;
    }

    public TimerHandle callAt(double when, Runnable callback, String description) {
        TimerHandle h = new TimerHandle(when, clock.ticks(), timerSequence++, callback, description);
        scheduled.add(h);
        return h;
    }

    public TimerHandle callLater(double delay, Runnable callback, String description) {
        return callAt(time() + delay, callback, description);
    }

    /** Runs the loop until {@code future} is done, then returns its result (or raises its exception). */
    @TruffleBoundary
    public Object runUntilComplete(Future future) {
        if (running) {
            throw PyErrors.runtimeError("This event loop is already running");
        }
        if (closed) {
            throw PyErrors.runtimeError("Event loop is closed");
        }
        if (context.getRunningLoop() != null) {
            throw PyErrors.runtimeError("Cannot run the event loop while another loop is running");
        }
        future.addDoneCallback(f -> stopping = true, "_run_until_complete_cb()");
        running = true;
        context.setRunningLoop(this);
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            running = false;
            context.setRunningLoop(null);
        }
        if (!future.isDone()) {
            throw PyErrors.runtimeError("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    private void runOnce() {
        // Tasks that never loop still give a cancel (the embedder's) its chance once per iteration.
        TruffleSafepoint.poll(null);
        clock.beginIteration();
        while (!scheduled.isEmpty() && scheduled.peek().isCancelled()) {
            scheduled.poll();
        }
        takeCallbacksFromOtherThreads();
        if (ready.isEmpty() && !stopping) {
            try {
                waitForWork();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PyErrors.raiseNoArgs(dev.aio.runtime.BuiltinTypes.KEYBOARD_INTERRUPT);
            }
            takeCallbacksFromOtherThreads();
        }
        context.checkTimeLimit(time());
        double endTime = time() + CLOCK_RESOLUTION;
        while (!scheduled.isEmpty()) {
            TimerHandle h = scheduled.peek();
            if (clock.isVirtual() ? isLater(h, time(), clock.ticks()) : h.when() >= endTime) {
                break;
            }
            scheduled.poll();
            ready.add(h);
        }
        int todo = ready.size();
        for (int i = 0; i < todo; i++) {
            Handle h = ready.poll();
            if (!h.isCancelled()) {
                runHandle(h);
            }
        }
    }

    /**
     * Nothing is ready: waits for the next timer or for another thread's callback. Under the
     * virtual clock a worker thread's call gets its turn first (see {@link DefaultExecutor}), and
     * time stands still while a Java future is awaited (a Java call takes no virtual time); with no
     * timer and nothing that could ever call back, the program is deadlocked.
     */
    private void waitForWork() throws InterruptedException {
        if (!fromOtherThreads.isEmpty()) {
            return;
        }
        DefaultExecutor workers = defaultExecutor;
        if (clock.isVirtual() && workers != null && (workers.isRunning() || workers.giveTurn())) {
            // Time stands still while a worker has the turn; what it posts waits for the turn's end.
            context.interpreterLock().releasedWhile(() -> {
                while (workers.isRunning()) {
                    wakeup.sleep(Long.MAX_VALUE);
                }
            });
            return;
        }
        boolean workerPending = defaultExecutor != null && defaultExecutor.hasOutstanding();
        if (scheduled.isEmpty() && !workerPending && feeds == 0 && hostWaits == 0) {
            context.stopRun(TaskReport.deadlock(this), 3);
        }
        if (scheduled.isEmpty()) {
            context.interpreterLock().releasedWhile(() -> wakeup.sleep(Long.MAX_VALUE));
            return;
        }
        TimerHandle next = scheduled.peek();
        double deadline = next.when();
        if (deadline <= time() && next.ticks() <= clock.ticks()) {
            return;
        }
        if (clock.isVirtual() && hostWaits > 0) {
            context.interpreterLock().releasedWhile(() -> wakeup.sleep(Long.MAX_VALUE));
            return;
        }
        context.checkTimeLimit(deadline);
        if (clock.isVirtual()) {
            clock.waitUntil(deadline, next.ticks());
            return;
        }
        // CPython's selector waits in whole milliseconds, rounded up, so timers due within that
        // window run in the same iteration.
        long nanos = (long) (Math.ceil((deadline - time()) * 1e3) * 1e6);
        context.interpreterLock().releasedWhile(() -> wakeup.sleep(nanos));
    }

    private void takeCallbacksFromOtherThreads() {
        Handle h;
        while ((h = fromOtherThreads.poll()) != null) {
            ready.add(h);
        }
    }

    private void runHandle(Handle h) {
        try {
            h.run();
        } catch (AioException e) {
            if (e.getException().getPyType().isSubtypeOf(dev.aio.runtime.BuiltinTypes.EXCEPTION)) {
                context.reportCallbackError("Exception in callback " + h.description(), e.getException());
            } else {
                throw e;
            }
        }
    }

    private static boolean isLater(TimerHandle h, double now, long ticks) {
        return h.when() > now || (h.when() == now && h.ticks() > ticks);
    }

    public Task getCurrentTask() {
        return currentTask;
    }

    /** Makes {@code task} the current task and returns the one it replaces (an eager start runs inside another task's step). */
    Task swapCurrentTask(Task task) {
        Task previous = currentTask;
        currentTask = task;
        return previous;
    }

    void registerTask(Task task) {
        tasks.add(task);
    }

    void unregisterTask(Task task) {
        tasks.remove(task);
    }

    /** How many tasks are not done yet. */
    int pendingTaskCount() {
        return tasks.size();
    }

    /** Tasks not yet done, in creation order. */
    public java.util.List<Task> pendingTasks() {
        java.util.List<Task> r = new java.util.ArrayList<>();
        for (Task t : tasks) {
            if (!t.isDone()) {
                r.add(t);
            }
        }
        return r;
    }

    public boolean isRunning() {
        return running;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public dev.aio.runtime.PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<_UnixSelectorEventLoop running=" + (running ? "True" : "False") + " closed=" + (closed ? "True" : "False") + " debug=False>";
    }

    void noteUnretrieved(Future f) {
        unretrieved.add(f);
    }

    /**
     * CPython reports a future whose exception nobody retrieved when it is garbage collected; aio
     * reports them when the loop closes, in the order they failed.
     */
    public void reportUnretrievedExceptions() {
        for (Future f : unretrieved) {
            if (f.isExceptionUnretrieved()) {
                String kind = f instanceof Task ? "Task" : "Future";
                context.reportCallbackError(kind + " exception was never retrieved\nfuture: " + f.repr(), f.getExceptionObject());
            }
        }
        unretrieved.clear();
    }

    public void close() {
        closed = true;
        ready.clear();
        scheduled.clear();
    }
}
