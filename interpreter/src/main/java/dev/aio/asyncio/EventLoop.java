package dev.aio.asyncio;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleContext;

import dev.aio.AioContext;
import dev.aio.diagnostics.TaskReport;
import dev.aio.kernel.Clock;
import dev.aio.nodes.ops.CallSite;
import dev.aio.kernel.Handle;
import dev.aio.kernel.InterpreterLock;
import dev.aio.kernel.LoopHost;
import dev.aio.kernel.Scheduler;
import dev.aio.kernel.TimerHandle;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.BuiltinSubclassInstance;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PercentFormatting;
import dev.aio.runtime.ProgramSignals;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyAsyncGenerator;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyValueInstance;

/**
 * The event loop as aio code sees it ({@code asyncio.get_running_loop()}), after CPython's
 * {@code BaseEventLoop}: the kernel's {@link Scheduler} runs its callbacks and timers; this object
 * adds what is asyncio's, not the kernel's: the tasks it runs, {@code run_until_complete}, the
 * default executor, the task factory, and how a failing callback is reported. It is the
 * scheduler's {@link LoopHost}.
 */
public final class EventLoop extends PyObject implements LoopHost, BuiltinSubclassInstance {
    /** {@code asyncio.AbstractEventLoop}: what {@code set_event_loop} accepts. */
    public static final PyType ABSTRACT_TYPE = new PyType("AbstractEventLoop", "asyncio.events");
    public static final PyType TYPE = new PyType("_UnixSelectorEventLoop", "asyncio.unix_events", ABSTRACT_TYPE);

    private final AioContext context;
    private final Scheduler scheduler;
    private DefaultExecutor defaultExecutor;
    /** {@code loop.set_task_factory()}: a callable, or null for plain tasks. */
    private Object taskFactory;
    /** {@code loop.set_exception_handler()}: a callable, or null for the default handler. */
    private Object exceptionHandler;
    private final TaskList tasks = new TaskList();
    private final List<Future> unretrieved = new ArrayList<>();
    /** Async generators first iterated while this loop ran and not finished (CPython's {@code _asyncgens}). */
    private final Set<PyAsyncGenerator> asyncgens = new LinkedHashSet<>();
    private boolean running;
    private boolean closed;
    private Task currentTask;
    /** {@code add_signal_handler} callbacks by signal number (CPython's {@code _signal_handlers}). */
    private final Map<Integer, SignalCallback> signalHandlers = new HashMap<>();

    private record SignalCallback(Runnable callback, String description) {
    }
    /** What watches this loop's tasks (the {@code --timeline} recorder), or null. */
    private final TaskObserver taskObserver;
    /**
     * The loop's attributes: as CPython's loop is a Python object, a program may set its own; its
     * {@code slow_callback_duration} lives here, as CPython's BaseEventLoop.__init__ sets it.
     */
    private final PyDict attributes = new PyDict();
    /**
     * Where {@code slow_callback_duration} is in {@link #attributes}: every timed task step reads
     * it, so through its entry (a field read) rather than a lookup by name; stale once the program
     * deletes the attribute.
     */
    private PyDict.Entry slowCallbackDuration;
    /** CPython's debug mode ({@code set_debug}, {@code asyncio.run(debug=True)}, PYTHONASYNCIODEBUG): on when true. */
    private boolean debug;
    /**
     * Debug mode: where each future and task made meanwhile was made ({@link #creationSite}), kept
     * here rather than in a field every future would carry; weak, so a future can still be collected;
     * synchronized, as a future of this loop may be made on another thread.
     */
    private final Map<Future, String> creationSites = Collections.synchronizedMap(new WeakHashMap<>());
    /** What {@code set_debug} was given, which {@code get_debug} returns as CPython's does. */
    private Object debugSetting;
    /** The task whose step the handle running now ran, for the debug mode's slow-callback message. */
    private Task steppedTask;

    /**
     * A loop the program never closed is closed with its context: the JDK closes a socket still
     * registered with a selector only when the selector lets it go, so its server would listen on.
     */
    private final Closeable closeWithContext = this::close;

    public EventLoop(AioContext context, Clock clock) {
        this.context = context;
        this.scheduler = new Scheduler(clock, this);
        this.taskObserver = context.timeline();
        context.openChannels().opened(closeWithContext);
        // CPython's 0.1 s; aio run --slow-step MS starts it at its own threshold.
        attributes.put("slow_callback_duration", context.slowStepSeconds() > 0 ? context.slowStepSeconds() : 0.1);
        setDebug(context.asyncioDebugFromEnvironment());
    }

    @Override
    public PyDict instanceDict() {
        return attributes;
    }

    public Object getDebug() {
        return debugSetting;
    }

    /** {@code loop.set_debug(enabled)}: debug mode is on when {@code enabled} is true. */
    @TruffleBoundary
    public void setDebug(Object enabled) {
        this.debugSetting = enabled;
        this.debug = PyOps.isTrue(enabled);
    }

    /**
     * {@code loop.slow_callback_duration}: in debug mode, a callback or task step that takes at least
     * this long is logged (CPython's {@code _run_once}, which fails as here when it is not a number).
     */
    @TruffleBoundary
    public double slowCallbackDuration() {
        Object d = slowCallbackDurationSetting();
        if (d == null) {
            throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "'" + TYPE.getName() + "' object has no attribute 'slow_callback_duration'");
        }
        if (!Numbers.isNumber(PyValueInstance.unwrap(d))) {
            throw PyErrors.typeError("'>=' not supported between instances of 'float' and '" + PyOps.typeName(d) + "'");
        }
        return Numbers.toDouble(PyValueInstance.unwrap(d));
    }

    /** The value of the loop's {@code slow_callback_duration} attribute, or null when the program deleted it. */
    private Object slowCallbackDurationSetting() {
        PyDict.Entry entry = slowCallbackDuration;
        if (entry == null || !entry.isLive()) {
            entry = attributes.entry("slow_callback_duration");
            if (entry == null) {
                return null;
            }
            slowCallbackDuration = entry;
        }
        return entry.value;
    }

    /**
     * After a step of {@code task} that took {@code seconds} of loop time: aio's own slow-step
     * warning ({@code --slow-step}), whose threshold is the loop's {@code slow_callback_duration}
     * when that is a number; in debug mode CPython's message takes its place ({@link #callbackRan}).
     * {@code seconds} is NaN when no report needed the step timed.
     */
    @TruffleBoundary
    void taskStepEnded(Task task, double seconds) {
        steppedTask = task;
        if (!debug && !Double.isNaN(seconds) && context.slowStepSeconds() > 0) {
            Object d = PyValueInstance.unwrap(slowCallbackDurationSetting());
            context.endStep(task, seconds, Numbers.isNumber(d) ? Numbers.toDouble(d) : context.slowStepSeconds());
        }
    }

    /**
     * Debug mode: where the program's code stands now ({@code FILE:LINE}), which a future, task or
     * handle made now shows in its repr as {@code created at FILE:LINE} (CPython's
     * {@code _source_traceback}); null when debug mode is off. Made by a builtin such as
     * {@code asyncio.create_task}, it names the program's line, where CPython names its library's.
     */
    public String creationSite() {
        return debug ? programSite() : null;
    }

    /** Debug mode: notes where {@code future} is being made, for its repr ({@link #creationSiteOf}). */
    void noteCreationSite(Future future) {
        if (debug) {
            noteSite(future);
        }
    }

    @TruffleBoundary
    private void noteSite(Future future) {
        creationSites.put(future, programSite());
    }

    /** Where {@code future} was made, noted in debug mode; else null. */
    @TruffleBoundary
    String creationSiteOf(Future future) {
        return creationSites.get(future);
    }

    @TruffleBoundary
    private static String programSite() {
        PyTuple caller = CallSite.programCaller();
        return caller.get(0) + ":" + caller.get(1);
    }

    @Override
    public boolean timesCallbacks() {
        return debug;
    }

    /**
     * Debug mode: CPython's {@code Executing <handle> took X seconds} warning on the "asyncio"
     * logger for a callback at least {@code slow_callback_duration} long; a task step shows the
     * task, as CPython's {@code _format_handle} does.
     */
    @Override
    @TruffleBoundary
    public void callbackRan(Handle handle, double seconds) {
        Task task = steppedTask;
        steppedTask = null;
        if (seconds >= slowCallbackDuration()) {
            String what = task != null ? PyOps.repr(task) : new HandleObject(handle).repr();
            context.logAsyncioWarning(PercentFormatting.format("Executing %s took %.3f seconds", PyTuple.of(what, seconds)));
        }
    }

    TaskObserver taskObserver() {
        return taskObserver;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public double time() {
        return scheduler.time();
    }

    public Clock clock() {
        return scheduler.clock();
    }

    public AioContext context() {
        return context;
    }

    public Handle callSoon(Runnable callback, String description) {
        return scheduler.callSoon(callback, description);
    }

    /** {@code loop.call_soon_threadsafe}: from any thread; wakes the loop if it waits. */
    public Handle callSoonThreadsafe(Runnable callback, String description) {
        return scheduler.callSoonThreadsafe(callback, description);
    }

    public TimerHandle callAt(double when, Runnable callback, String description) {
        return scheduler.callAt(when, callback, description);
    }

    public TimerHandle callLater(double delay, Runnable callback, String description) {
        return scheduler.callLater(delay, callback, description);
    }

    /**
     * {@code loop.call_soon}, {@code call_later} and {@code call_at} of aio code name their handle
     * when a repr or a report asks, as CPython's {@code Handle._repr_info} does: formatting the
     * callback and its arguments at every call cost more than the rest of the call.
     */
    public Handle callSoon(Runnable callback, Supplier<String> description) {
        return scheduler.callSoon(callback, description);
    }

    public TimerHandle callAt(double when, Runnable callback, Supplier<String> description) {
        return scheduler.callAt(when, callback, description);
    }

    public TimerHandle callLater(double delay, Runnable callback, Supplier<String> description) {
        return scheduler.callLater(delay, callback, description);
    }

    public Object getTaskFactory() {
        return taskFactory;
    }

    public void setTaskFactory(Object factory) {
        this.taskFactory = factory;
    }

    /** The executor of {@code run_in_executor(None, ...)} and {@code asyncio.to_thread}, made on first use. */
    public DefaultExecutor defaultExecutor() {
        if (defaultExecutor == null) {
            defaultExecutor = new DefaultExecutor(this);
        }
        return defaultExecutor;
    }

    /**
     * {@code loop.run_forever()}: runs iterations until {@code loop.stop()} is called (a stop
     * requested before the run ends it after one iteration, as in CPython).
     */
    @TruffleBoundary
    public void runForever() {
        if (closed) {
            throw PyErrors.runtimeError("Event loop is closed");
        }
        if (running) {
            throw PyErrors.runtimeError("This event loop is already running");
        }
        if (context.getRunningLoop() != null) {
            throw PyErrors.runtimeError("Cannot run the event loop while another loop is running");
        }
        // CPython runs each callback under _run_once, Handle._run and Context.run.
        CallDepth depth = CallDepth.current(null);
        depth.enterMachinery(CALLBACK_LEVELS);
        runningDepth = depth;
        running = true;
        context.setRunningLoop(this);
        context.loopStarting();
        try {
            scheduler.runUntilStopped();
        } finally {
            running = false;
            runningDepth = null;
            context.setRunningLoop(null);
            depth.exitMachinery(CALLBACK_LEVELS);
        }
    }

    /** The recursion levels CPython's loop has under {@code run_forever} when it calls a callback. */
    private static final int CALLBACK_LEVELS = 3;

    /** The loop thread's recursion count while the loop runs, looked up once per run rather than at every task step. */
    private CallDepth runningDepth;

    /** The recursion count of the thread a task step runs on: the loop's while it runs. */
    CallDepth stepDepth() {
        CallDepth depth = runningDepth;
        return depth != null ? depth : CallDepth.current(null);
    }

    /** {@code loop.stop()}: the iteration running now (or the next run's first) is the last. */
    public void stop() {
        scheduler.stop();
    }

    /** Runs the loop until {@code future} is done, then returns its result (or raises its exception). */
    @TruffleBoundary
    public Object runUntilComplete(Future future) {
        if (closed) {
            throw PyErrors.runtimeError("Event loop is closed");
        }
        // Removed afterwards, as CPython does, so that a future finishing later cannot stop another run.
        Object stopWhenDone = new Object();
        future.addDoneCallback(new Future.Callback(f -> scheduler.stop(), "_run_until_complete_cb()", stopWhenDone));
        // The run_forever frame CPython's run_until_complete calls.
        CallDepth depth = CallDepth.current(null);
        depth.enterMachinery(1);
        try {
            runForever();
        } finally {
            depth.exitMachinery(1);
            future.removeDoneCallback(stopWhenDone);
        }
        if (!future.isDone()) {
            throw PyErrors.runtimeError("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    // ----- LoopHost: what the scheduler asks of asyncio -------------------------------------------

    @Override
    public InterpreterLock interpreterLock() {
        return context.interpreterLock();
    }

    @Override
    public void beforeTimeMovesTo(double deadline) {
        context.checkTimeLimit(deadline);
    }

    @Override
    public boolean otherThreadsAlive() {
        return context.startedThreads().aliveOtherThan(Thread.currentThread());
    }

    @Override
    public void deadlocked() {
        context.stopRun(TaskReport.deadlock(this), 3);
    }

    /**
     * As CPython's {@code Handle._run}: an {@code Exception} goes to the exception handler with
     * the handle; anything else ({@code SystemExit}, {@code KeyboardInterrupt}, aio's own faults)
     * ends the run.
     */
    @Override
    public void callbackFailed(Handle handle, RuntimeException error) {
        if (error instanceof AioException e && e.getException().getPyType().isSubtypeOf(BuiltinTypes.EXCEPTION)) {
            PyDict report = new PyDict();
            report.put("message", "Exception in callback " + handle.description());
            report.put("exception", e.getException());
            report.put("handle", new HandleObject(handle));
            callExceptionHandler(report);
        } else {
            throw error;
        }
    }

    @Override
    public boolean runEnding() {
        TruffleContext truffle = context.getEnv().getContext();
        return truffle.isCancelling() || truffle.isExiting();
    }

    @Override
    public RuntimeException interrupted() {
        return PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
    }

    // ----- exception handling (CPython's BaseEventLoop.call_exception_handler) -------------------

    public Object getExceptionHandler() {
        return exceptionHandler;
    }

    /** {@code loop.set_exception_handler(handler)}: a callable {@code handler(loop, context)}, or null. */
    public void setExceptionHandler(Object handler) {
        this.exceptionHandler = handler;
    }

    /**
     * {@code loop.call_exception_handler(context)}: the handler set, else the default one; an
     * {@code Exception} the handler raises is reported by the default handler.
     */
    @TruffleBoundary
    public void callExceptionHandler(PyDict report) {
        if (exceptionHandler == null) {
            defaultExceptionHandler(report);
            return;
        }
        try {
            Calls.call(exceptionHandler, this, report);
        } catch (AioException e) {
            PyType type = e.getException().getPyType();
            if (type.isSubtypeOf(BuiltinTypes.SYSTEM_EXIT) || type.isSubtypeOf(BuiltinTypes.KEYBOARD_INTERRUPT)) {
                throw e;
            }
            // CPython calls the handler inside the except clause that caught the report's exception.
            PyBaseException raised = e.getException();
            if (raised.getContext() == null && report.get("exception") instanceof PyBaseException reported && reported != raised) {
                raised.setContext(reported);
            }
            PyDict failure = new PyDict();
            failure.put("message", "Unhandled error in exception handler");
            failure.put("exception", raised);
            failure.put("context", report);
            defaultExceptionHandler(failure);
        }
    }

    /**
     * {@code loop.default_exception_handler(context)}: the message, then {@code key: repr(value)}
     * for the other keys in sorted order, then the exception's traceback, logged on the "asyncio"
     * logger (standard error when the program never set up logging).
     */
    @TruffleBoundary
    public void defaultExceptionHandler(PyDict report) {
        Object message = report.get("message");
        StringBuilder text = new StringBuilder(message == null || !PyOps.isTrue(message) ? "Unhandled exception in event loop" : PyOps.str(message));
        List<String> keys = new ArrayList<>();
        for (PyDict.Entry e : report.entries()) {
            if (e.key instanceof String k && !k.equals("message") && !k.equals("exception")) {
                keys.add(k);
            }
        }
        Collections.sort(keys);
        for (String key : keys) {
            text.append('\n').append(key).append(": ").append(PyOps.repr(report.get(key)));
        }
        context.reportCallbackError(text.toString(), report.get("exception") instanceof PyBaseException e ? e : null);
    }

    // ----- async generators (CPython's sys.set_asyncgen_hooks and shutdown_asyncgens) -----------

    /** An async generator's first {@code __anext__}, {@code asend}, {@code athrow} or {@code aclose} while this loop runs. */
    @TruffleBoundary
    public void asyncgenStarted(PyAsyncGenerator agen) {
        asyncgens.add(agen);
    }

    @TruffleBoundary
    public void asyncgenFinished(PyAsyncGenerator agen) {
        asyncgens.remove(agen);
    }

    /**
     * {@code loop.shutdown_asyncgens()}: a coroutine that closes every async generator still
     * suspended, concurrently, and reports an exception raised while one closes.
     */
    @TruffleBoundary
    public Object shutdownAsyncgens() {
        PyList closing = new PyList(asyncgens.toArray());
        asyncgens.clear();
        return Calls.call(context.importModule("asyncio").get("_shutdown_asyncgens"), this, closing);
    }

    // ----- tasks --------------------------------------------------------------------------------

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
    public List<Task> pendingTasks() {
        List<Task> r = tasks.toList();
        r.removeIf(Task::isDone);
        return r;
    }

    public boolean isRunning() {
        return running;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<_UnixSelectorEventLoop running=" + (running ? "True" : "False") + " closed=" + (closed ? "True" : "False") + " debug=" + PyOps.str(debugSetting) + ">";
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
                PyDict report = new PyDict();
                report.put("message", (f instanceof Task ? "Task" : "Future") + " exception was never retrieved");
                report.put("exception", f.getExceptionObject());
                report.put("future", f);
                callExceptionHandler(report);
            }
        }
        unretrieved.clear();
    }

    public void close() {
        for (Integer signum : List.copyOf(signalHandlers.keySet())) {
            removeSignalHandler(signum);
        }
        closed = true;
        scheduler.close();
        context.openChannels().closed(closeWithContext);
    }

    // ----- signals (CPython's _UnixSelectorEventLoop.add_signal_handler) -------------------------

    /**
     * {@code loop.add_signal_handler}: {@code callback} runs on this loop, in the iteration after
     * the signal comes; the program's handler for the signal is {@code noop}, so the signal does
     * nothing else.
     */
    @TruffleBoundary
    public void addSignalHandler(int signum, Runnable callback, String description, Object noop) {
        ProgramSignals signals = context.signals();
        if (!signals.onMainThread()) {
            throw PyErrors.runtimeError("set_wakeup_fd only works in main thread of the main interpreter");
        }
        signals.setWakeup(s -> scheduler.callSoonThreadsafe(() -> handleSignal(s), "_UnixSelectorEventLoop._handle_signal()"));
        signalHandlers.put(signum, new SignalCallback(callback, description));
        try {
            signals.setHandler(signum, noop);
        } catch (AioException e) {
            signalHandlers.remove(signum);
            if (signalHandlers.isEmpty()) {
                signals.setWakeup(null);
            }
            if (e.getPyType().isSubtypeOf(BuiltinTypes.OS_ERROR)) {
                throw PyErrors.runtimeError("sig " + signum + " cannot be caught");
            }
            throw e;
        }
    }

    /** {@code loop.remove_signal_handler}: the signal's handler is the default again; returns whether there was one. */
    @TruffleBoundary
    public boolean removeSignalHandler(int signum) {
        if (signalHandlers.remove(signum) == null) {
            return false;
        }
        ProgramSignals signals = context.signals();
        signals.setHandler(signum, signum == ProgramSignals.SIGINT ? ProgramSignals.DEFAULT_INT_HANDLER : ProgramSignals.SIG_DFL);
        if (signalHandlers.isEmpty()) {
            signals.setWakeup(null);
        }
        return true;
    }

    private void handleSignal(int signum) {
        SignalCallback c = signalHandlers.get(signum);
        if (c != null) {
            scheduler.callSoon(c.callback(), c.description());
        }
    }
}
