package dev.aio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.TruffleLogger;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.DefaultExecutor;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.HostFuture;
import dev.aio.asyncio.Task;
import dev.aio.diagnostics.NeverAwaitedWarnings;
import dev.aio.diagnostics.RunawayWatchdog;
import dev.aio.diagnostics.SlowStepMeter;
import dev.aio.diagnostics.TaskDumpSignal;
import dev.aio.diagnostics.TimelineRecorder;
import dev.aio.diagnostics.TimelineSvg;
import dev.aio.kernel.Clock;
import dev.aio.kernel.InterpreterLock;
import dev.aio.kernel.RealClock;
import dev.aio.kernel.VirtualClock;
import dev.aio.kernel.WorkerThreads;
import dev.aio.nodes.AioRootNode;
import dev.aio.nodes.ops.Traceback;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.Calls;
import dev.aio.runtime.OpenChannels;
import dev.aio.runtime.ProgramSignals;
import dev.aio.runtime.RecursionLimit;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyCoroutine;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTraceback;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.StdlibProvider;

/** The state of one aio run: streams, modules, the clock, the event loop, and run-wide diagnostics. */
public final class AioContext implements PyContext.Holder {
    private static final ContextReference<AioContext> REFERENCE = ContextReference.create(AioLanguage.class);

    /** Where an embedded run's slow-step warnings go: see {@link #endStep}. */
    private static final TruffleLogger SLOW_STEP_LOG = TruffleLogger.getLogger(AioLanguage.ID, "slowstep");

    private final AioLanguage language;
    private final Env env;
    private final PrintStream out;
    /** What {@link #out} has not written yet; null when it writes through (see {@link StandardOutput}). */
    private final StandardOutput stdoutBuffer;
    private final OutputStream stdoutBinary;
    private final PrintStream err;
    private final Map<String, Function<AioContext, PyModule>> moduleFactories = new HashMap<>();
    /**
     * Java exceptions that escaped aio code as themselves, with the aio exception each stood for:
     * handed back to aio (say, to format the traceback for the embedder), each is that exception again.
     */
    /** Java futures the run awaits (not the embedder's inbox): a run stopped by a limit cancels them. */
    private final Set<CompletionStage<?>> awaitedJavaFutures = ConcurrentHashMap.newKeySet();
    private final Map<Throwable, PyBaseException> escapedJavaExceptions = Collections.synchronizedMap(new WeakHashMap<>());
    /** sys.modules and sys.path, and the finding of modules in files. */
    private final Imports imports = new Imports(this);
    /** Source file name → name of the module it defines (the main script and imported files). */
    private final Map<String, String> moduleNamesByFile = new HashMap<>();
    private final Clock clock;
    private final double timeLimit;
    /** When the first event loop started: {@code --time-limit} counts loop time, not start-up and imports. */
    private double timeLimitOrigin;
    private boolean loopStarted;
    private final double slowStepSeconds;
    /** On the real clock, what of a slow step's time its own code spent; null on the virtual clock (only a blocking sleep moves it) or with the warning off. */
    private final SlowStepMeter slowStepMeter;
    private final Limits limits;
    private final RecursionLimit recursionLimit = new RecursionLimit();
    /** The blocking call (such as time.sleep) made during the current task step, for the slow-step warning. */
    private String blockingCall;
    private String blockingHint;
    private final NeverAwaitedWarnings neverAwaited;
    private PyModule builtins;
    private final ThreadLocal<EventLoop> runningLoops = new ThreadLocal<>();
    /**
     * The first loop running now, with its thread (see {@link #anyRunningLoop}). One object, so the
     * two are always read together: on that thread {@link #getRunningLoop} answers from it without
     * the thread-local lookup, which compiled code makes as a call ({@code asyncio.sleep} with a
     * delay, {@code get_running_loop()}, {@code current_task()} look the running loop up each time).
     */
    private volatile LoopOnThread firstRunning;

    private record LoopOnThread(EventLoop loop, Thread thread) {
    }

    private long taskCounter;
    /** The innermost coroutine that suspended in the step running now (see PyCoroutine.step). */
    private PyCoroutine suspendedCoroutine;
    private final InterpreterLock interpreterLock;
    private TaskDumpSignal taskDumpSignal;
    private final ProgramSignals signals;
    private final OpenChannels openChannels = new OpenChannels();
    /** State of the standard library's modules that belongs to the program, not to one module object (see {@link #programState}). */
    private final Map<Class<?>, Object> programState = new HashMap<>();
    private RunawayWatchdog runawayWatchdog;
    private HeapLimit heapLimit;
    /** The threads aio code started ({@code threading}). */
    private final StartedThreads startedThreads;
    /** The threads of default executors, made on first use. */
    private WorkerThreads workerThreads;
    /** {@code --timeline}: the file to write and what is recorded for it, or null. */
    private final String timelinePath;
    private final TimelineRecorder timeline;
    private String mainFile = "<string>";
    private boolean timelineWritten;
    /** The interactive session ({@code aio repl}), made by its first input. */
    private ReplSession replSession;

    AioContext(AioLanguage language, Env env) {
        this.language = language;
        this.env = env;
        this.interpreterLock = new InterpreterLock(env);
        this.startedThreads = new StartedThreads(env, interpreterLock);
        this.stdoutBuffer = StandardOutput.forRun(env.out(), env.getOptions(), env.getEnvironment());
        this.out = StandardOutput.printStream(env.out(), stdoutBuffer);
        this.stdoutBinary = stdoutBuffer == null ? out : stdoutBuffer.binary();
        this.err = new PrintStream(env.err(), true, StandardCharsets.UTF_8);
        this.neverAwaited = new NeverAwaitedWarnings(out, err);
        this.clock = env.getOptions().get(AioOptions.VIRTUAL_TIME) ? new VirtualClock() : new RealClock();
        this.timeLimit = env.getOptions().get(AioOptions.TIME_LIMIT);
        this.slowStepSeconds = env.getOptions().get(AioOptions.SLOW_STEP) / 1000.0;
        this.slowStepMeter = slowStepSeconds > 0 && clock instanceof RealClock ? SlowStepMeter.create() : null;
        this.limits = new Limits(env.getOptions());
        String path = env.getOptions().get(AioOptions.TIMELINE);
        this.timelinePath = path.isEmpty() ? null : path;
        this.timeline = timelinePath == null ? null : new TimelineRecorder();
        this.signals = new ProgramSignals(this, env.getOptions().get(AioOptions.MAIN), env.getOptions().get(AioOptions.HOSTED));
    }

    void initialize() {
        for (StdlibProvider provider : ServiceLoader.load(StdlibProvider.class, AioLanguage.class.getClassLoader())) {
            provider.registerTypeMethods();
            moduleFactories.putAll(provider.modules());
        }
        builtins = importModule("builtins");
        // What CPython's site module adds to the builtins at start-up, in scripts and at the prompt.
        PyModule site = importModule("_sitebuiltins");
        for (String name : new String[]{"exit", "quit", "help"}) {
            builtins.put(name, site.get(name));
        }
        if (env.getOptions().get(AioOptions.MAIN)) {
            signals.startMainProgram();
        }
        if (timeLimit > 0) {
            runawayWatchdog = new RunawayWatchdog(this, env, timeLimit, clock);
        }
        long maxHeap = env.getOptions().get(AioOptions.MAX_HEAP_MEMORY);
        if (maxHeap > 0) {
            heapLimit = HeapLimit.start(maxHeap, env, interpreterLock);
        }
        String dumpSignal = env.getOptions().get(AioOptions.DUMP_TASKS_ON);
        if (!dumpSignal.isEmpty()) {
            taskDumpSignal = TaskDumpSignal.install(this, dumpSignal, err);
        }
    }

    void finish() {
        out.flush();
        if (runawayWatchdog != null) {
            runawayWatchdog.stop();
        }
        if (heapLimit != null) {
            heapLimit.close();
        }
        if (taskDumpSignal != null) {
            taskDumpSignal.uninstall();
        }
        signals.stop();
        stopReplSession();
        startedThreads.joinNonDaemon();
        startedThreads.stopAll();
        stopWorkerThreads();
        writeTimeline();
    }

    public ReplSession replSession() {
        if (replSession == null) {
            replSession = new ReplSession(this);
        }
        return replSession;
    }

    void stopReplSession() {
        if (replSession != null) {
            replSession.stop();
        }
    }

    /** The {@code --timeline} recorder, or null when the option is off. */
    public TimelineRecorder timeline() {
        return timeline;
    }

    /**
     * Writes the {@code --timeline} picture of the run so far, once: when the run ends, however it
     * ends (also on a deadlock, the time limit, or an uncaught exception).
     */
    @TruffleBoundary
    void writeTimeline() {
        if (timeline == null || timelineWritten) {
            return;
        }
        timelineWritten = true;
        String name = mainFile.substring(mainFile.lastIndexOf('/') + 1);
        String title = "aio timeline: " + name + " (" + clock.kind() + " time)";
        String svg = TimelineSvg.render(timeline.events(), clock.monotonic(), title);
        try (Writer w = env.getPublicTruffleFile(timelinePath).newBufferedWriter()) {
            w.write(svg);
        } catch (IOException | SecurityException | UnsupportedOperationException | IllegalArgumentException e) {
            out.flush();
            err.println("aio: cannot write the timeline to " + timelinePath + ": " + reason(e));
            err.flush();
        }
    }

    /** Why a file could not be written: a NoSuchFileException's message is only the file's name. */
    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
    }

    /** The run is being stopped: calls running in worker threads are interrupted, not waited for. */
    void interruptWorkerThreads() {
        if (workerThreads != null) {
            workerThreads.interrupt();
        }
    }

    /** Truffle wants every thread a language made joined before the context closes or exits. */
    /** A hard exit: the started threads are no longer waited for (see {@link StartedThreads#interruptAll}). */
    void interruptStartedThreads() {
        startedThreads.interruptAll();
    }

    void stopWorkerThreads() {
        if (workerThreads != null) {
            try {
                interpreterLock.releasedWhile(workerThreads::shutDown);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The program's one {@code type} object of a library module's state, made by {@code make} on first use (the program's open sockets). */
    @TruffleBoundary
    public <T> T programState(Class<T> type, Supplier<T> make) {
        return type.cast(programState.computeIfAbsent(type, t -> make.get()));
    }

    /** The program's signal handlers ({@code signal.signal}, {@code loop.add_signal_handler}). */
    /** The program's open sockets, closed when this context is disposed. */
    public OpenChannels openChannels() {
        return openChannels;
    }

    public ProgramSignals signals() {
        return signals;
    }

    /**
     * The main program has ended: runs {@code threading}'s exit hooks (a ThreadPoolExecutor finishes
     * its calls), then waits for the non-daemon threads, as CPython's {@code threading._shutdown}.
     */
    @TruffleBoundary
    public void shutDownThreads() {
        if (imports.modules.get("threading") instanceof PyModule threading && threading.get("_shutdown") != null) {
            Calls.call(threading.get("_shutdown"));
        }
        startedThreads.joinNonDaemon();
    }

    /** The threads aio code started with {@code _thread}/{@code threading}. */
    public StartedThreads startedThreads() {
        return startedThreads;
    }

    public InterpreterLock interpreterLock() {
        return interpreterLock;
    }

    /** Threads for {@code asyncio.to_thread}; the embedder must allow creating threads. */
    @TruffleBoundary
    public Executor workerThreads() {
        if (workerThreads == null) {
            if (!env.isCreateThreadAllowed()) {
                throw PyErrors.runtimeError("this aio context may not create threads (asyncio.to_thread and run_in_executor need Context.Builder.allowCreateThread(true))");
            }
            workerThreads = new WorkerThreads(env);
        }
        return workerThreads.executor();
    }

    /**
     * {@code time.sleep}: blocks this thread, letting worker threads run aio code meanwhile; in a
     * worker under the virtual clock it waits for virtual time instead.
     */
    @TruffleBoundary
    public void blockingSleep(double seconds) throws InterruptedException {
        DefaultExecutor worker = DefaultExecutor.ofCurrentThread();
        if (worker != null) {
            worker.sleep(seconds);
        } else if (slowStepMeter != null) {
            long start = System.nanoTime();
            try {
                clock.blockingSleep(seconds, interpreterLock);
            } finally {
                slowStepMeter.blocked((System.nanoTime() - start) / 1e9);
            }
        } else {
            clock.blockingSleep(seconds, interpreterLock);
        }
    }

    public static AioContext get(Node node) {
        return REFERENCE.get(node);
    }

    public AioLanguage getLanguage() {
        return language;
    }

    public Env getEnv() {
        return env;
    }

    /** Whether this run shares its JVM with others (aio's daemon): the process's standard streams, signals and environment are not its own. */
    public boolean hosted() {
        return env.getOptions().get(AioOptions.HOSTED);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** The stream under {@link #out}'s buffer: what a child process sharing standard output writes to. */
    public OutputStream unbufferedOut() {
        return env.out();
    }

    /** Under {@code sys.stdout.buffer}: the binary side of {@link #out}'s buffer, or {@link #out} itself when it writes through. */
    public OutputStream stdoutBinary() {
        return stdoutBinary;
    }

    /** {@code sys.stdout.line_buffering}: the main program's output is a terminal, written line by line. */
    public boolean stdoutLineBuffered() {
        return stdoutBuffer != null && stdoutBuffer.lineBuffered();
    }

    /** {@code sys.stdout.isatty()}: the aio command's standard output is a terminal. */
    public boolean stdoutIsTerminal() {
        return env.getOptions().get(AioOptions.MAIN) && env.getOptions().get(AioOptions.STDOUT_TERMINAL);
    }

    /** Whether CPython would buffer the standard streams: no {@code -u}, no {@code PYTHONUNBUFFERED} (stderr is line-buffered then). */
    public boolean stdioBuffered() {
        return !StandardOutput.unbuffered(env.getOptions(), env.getEnvironment());
    }

    /** {@code os._exit}: the output not written yet is lost, as CPython's buffer is. */
    public void discardBufferedOutput() {
        if (stdoutBuffer != null) {
            stdoutBuffer.discard();
        }
    }

    public PyModule getBuiltins() {
        return builtins;
    }

    public Clock clock() {
        return clock;
    }

    public Limits limits() {
        return limits;
    }

    /** {@code sys.getrecursionlimit()} and {@code setrecursionlimit}, shared by the context's threads. */
    public RecursionLimit recursionLimit() {
        return recursionLimit;
    }

    public String[] getArguments() {
        return env.getApplicationArguments();
    }

    @TruffleBoundary
    public PyModule importModule(String name) {
        PyModule m = findModule(name);
        if (m == null) {
            int dot = name.lastIndexOf('.');
            if (dot >= 0 && imports.modules.get(name.substring(0, dot)) instanceof PyModule parent && parent.get("__path__") == null) {
                throw PyErrors.raise(BuiltinTypes.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'; '" + parent.getName() + "' is not a package");
            }
            if (CPythonLibrary.isNotProvided(name)) {
                // Part of CPython's standard library, not a typo: say so.
                throw PyErrors.raise(BuiltinTypes.MODULE_NOT_FOUND_ERROR, "aio does not provide module '" + name + "' (yet)");
            }
            throw PyErrors.raise(BuiltinTypes.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'");
        }
        return m;
    }

    /** A loaded or loadable module (aio's library, then files along sys.path, then CPython's library), or {@code null}. */
    @TruffleBoundary
    public PyModule findModule(String name) {
        Object cached = imports.modules.get(name);
        if (cached instanceof PyModule m) {
            return m;
        }
        Function<AioContext, PyModule> factory = moduleFactories.get(name);
        if (factory == null) {
            return imports.load(name);
        }
        PyModule m = factory.apply(this);
        imports.modules.put(name, m);
        noteProgress();
        return m;
    }

    /**
     * {@code import name} in aio code: whatever {@code sys.modules} holds for it, else the module
     * loaded now (its parent packages first); ModuleNotFoundError when there is none.
     */
    @TruffleBoundary
    public Object importForCode(String name) {
        Object cached = imports.modules.get(name);
        if (cached != null) {
            return cached;
        }
        int dot = name.indexOf('.');
        if (dot >= 0) {
            importForCode(name.substring(0, name.lastIndexOf('.')));
            cached = imports.modules.get(name);
            if (cached != null) {
                return cached;
            }
        }
        return importModule(name);
    }

    /** The source of module {@code name} to run as {@code __main__} ({@code aio run -m}); ImportError when there is none. */
    public MainSource findMainSource(String name) {
        return imports.findMainSource(name);
    }

    /** Whether the module's body is running now (it is partially initialised). */
    public boolean isInitializing(PyModule m) {
        return imports.isInitializing(m);
    }

    /** {@code sys.modules}. */
    public PyDict sysModules() {
        return imports.modules;
    }

    /** {@code sys.path}: the main script's folder first. */
    public PyList sysPath() {
        return imports.path;
    }

    void registerModuleFile(String fileName, String moduleName) {
        moduleNamesByFile.put(fileName, moduleName);
    }

    /**
     * The {@code __main__} module a script runs in; its folder starts sys.path. Every script an
     * embedder evaluates runs in the same one: the bindings ({@code context.getBindings("aio")}).
     */
    public PyModule mainModule(String fileName) {
        PyModule main = bindings();
        main.put("__file__", fileName);
        mainFile = fileName;
        moduleNamesByFile.put(fileName, "__main__");
        if (imports.path.size() == 0) {
            int slash = fileName.lastIndexOf('/');
            imports.path.append(fileName.startsWith("<") || slash < 0 ? "" : slash == 0 ? "/" : fileName.substring(0, slash));
        }
        return main;
    }

    public boolean checksNames() {
        return env.getOptions().get(AioOptions.CHECK_NAMES);
    }

    /** The names the builtins module binds. */
    @TruffleBoundary
    public Set<String> builtinNames() {
        Set<String> names = new HashSet<>();
        for (Object key : builtins.namespace().keys()) {
            if (key instanceof String name) {
                names.add(name);
            }
        }
        return names;
    }

    /** The {@code __main__} module: the names a host reads and sets through the polyglot bindings. */
    @TruffleBoundary
    public PyModule bindings() {
        return imports.modules.get("__main__") instanceof PyModule m ? m : interactiveMainModule();
    }

    /** The {@code __main__} module of a REPL session: no {@code __file__}, as in CPython's. */
    public PyModule interactiveMainModule() {
        PyModule main = new PyModule("__main__");
        imports.modules.put("__main__", main);
        return main;
    }

    /** The name of the module whose source is {@code fileName}; {@code __main__} when unknown. */
    @TruffleBoundary
    public String moduleNameOfFile(String fileName) {
        return fileName == null ? "__main__" : moduleNamesByFile.getOrDefault(fileName, "__main__");
    }

    /** Runs aio source (a module the program imports) with {@code module} as its globals. */
    @TruffleBoundary
    public void runSourceInto(PyModule module, String sourceName, String text) {
        runSourceInto(module, sourceName, text, false);
    }

    /**
     * Runs aio source with {@code module} as its globals; a part of aio's own library is
     * {@code internal}: tools (the debugger, the profiler) show the program's code, not aio's.
     */
    @TruffleBoundary
    public void runSourceInto(PyModule module, String sourceName, String text, boolean internal) {
        Source source = Source.newBuilder(AioLanguage.ID, text, sourceName).internal(internal).build();
        AioRootNode root = language.moduleCode(source);
        CallDepth.call(root.getCallTarget(), new PyFunction(root.getCode(), module, null, null, new PyCell[0]));
    }

    // ----- the event loop ---------------------------------------------------------------------

    public PyCoroutine getSuspendedCoroutine() {
        return suspendedCoroutine;
    }

    public void setSuspendedCoroutine(PyCoroutine c) {
        suspendedCoroutine = c;
    }

    /** The loop running on this thread: other threads have none, as in CPython (each may run its own). */
    public EventLoop getRunningLoop() {
        LoopOnThread first = firstRunning;
        if (first != null && first.thread() == Thread.currentThread()) {
            return first.loop();
        }
        return runningLoops.get();
    }

    /** A loop running on some thread, the main one's first ({@code --dump-tasks-on} reports it from a thread of its own). */
    public EventLoop anyRunningLoop() {
        LoopOnThread first = firstRunning;
        return first == null ? null : first.loop();
    }

    /** {@link #getRunningLoop}, or CPython's {@code RuntimeError: no running event loop}. */
    public EventLoop requireRunningLoop() {
        EventLoop loop = getRunningLoop();
        if (loop == null) {
            throw PyErrors.runtimeError("no running event loop");
        }
        return loop;
    }

    public void setRunningLoop(EventLoop loop) {
        runningLoops.set(loop);
        LoopOnThread first = firstRunning;
        if (first == null || first.thread() == Thread.currentThread()) {
            firstRunning = loop == null ? null : new LoopOnThread(loop, Thread.currentThread());
        }
    }

    public EventLoop newEventLoop() {
        EventLoop loop = new EventLoop(this, clock);
        logSelector();
        return loop;
    }

    /**
     * CPython's selector event loop logs {@code Using selector: EpollSelector} at DEBUG level on the
     * "asyncio" logger when it is made; a program that imported logging and enabled DEBUG sees it.
     */
    @TruffleBoundary
    private void logSelector() {
        Object logger = asyncioLogger();
        if (logger == null || !PyOps.isTrue(Calls.call(Attributes.get(logger, "isEnabledFor"), 10L))) {
            return;
        }
        Object record = Calls.call(Attributes.get(logger, "makeRecord"), "asyncio", 10L, "<aio>/asyncio/selector_events.py", 54L, "Using selector: %s",
                        PyTuple.of("EpollSelector"), PyNone.NONE, "__init__");
        Calls.call(Attributes.get(logger, "handle"), record);
    }

    /** {@code logging.getLogger("asyncio")} when the program imported logging, else {@code null}. */
    @TruffleBoundary
    private Object asyncioLogger() {
        PyModule logging = imports.modules.get("logging") instanceof PyModule m ? m : null;
        if (logging == null || logging.get("getLogger") == null) {
            return null;
        }
        return Calls.call(logging.get("getLogger"), "asyncio");
    }

    /** The number of the next task made without a name: {@code "Task-N"}. */
    public long nextTaskNumber() {
        return ++taskCounter;
    }

    /** Ends the run at once with a message on stderr and the given exit status (deadlock, time limit). */
    @TruffleBoundary
    public void stopRun(String message, int status) {
        // Nothing will take what the Java futures the run awaits would give: they are cancelled, as a cancelled task cancels its own.
        for (CompletionStage<?> stage : awaitedJavaFutures.toArray(new CompletionStage<?>[0])) {
            HostFuture.cancel(stage);
        }
        out.flush();
        err.println(message);
        err.flush();
        env.getContext().closeExited(null, status);
    }

    /** A loop starts running: the first one starts {@code --time-limit}'s count. */
    public void loopStarting() {
        if (loopThread == null) {
            keepCurrentContextInField();
        }
        if (timeLimit > 0 && !loopStarted) {
            loopStarted = true;
            timeLimitOrigin = clock.monotonic();
            runawayWatchdog.loopStarted();
        }
    }

    /** Stops the run when the loop would go past {@code --time-limit}. */
    public void checkTimeLimit(double deadline) {
        if (timeLimit > 0 && deadline > timeLimitOrigin + timeLimit) {
            try {
                clock.waitUntil(timeLimitOrigin + timeLimit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopRun(timeLimitMessage(), 124);
        }
    }

    /** Names the setting as whoever set it knows it: the aio command's flag, or the context's option. */
    public String timeLimitMessage() {
        String setting = env.getOptions().get(AioOptions.MAIN) ? "--time-limit" : "aio.TimeLimit";
        return "aio: time limit of " + formatSeconds(timeLimit) + " s reached (" + setting + ")";
    }

    private static String formatSeconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    /** A blocking builtin notes where it was called from, so that a slow step can name the line. */
    public void noteBlockingCall(String site, String hint) {
        if (blockingCall == null) {
            blockingCall = site;
            blockingHint = hint;
        }
    }

    /** The current {@code contextvars} context of each thread (CPython keeps one per thread state); a new thread starts with an empty one. */
    private final ThreadLocal<PyContext> currentContext = ThreadLocal.withInitial(PyContext::new);
    /**
     * The thread that ran the first event loop, and its current context: kept in a field rather
     * than {@link #currentContext}, since every task step sets it twice and a thread-local costs a
     * hash lookup each time.
     */
    private volatile Thread loopThread;
    private PyContext loopThreadContext;

    private synchronized void keepCurrentContextInField() {
        if (loopThread == null) {
            loopThreadContext = currentContext.get();
            currentContext.remove();
            loopThread = Thread.currentThread();
        }
    }

    @Override
    public PyContext currentContext() {
        return Thread.currentThread() == loopThread ? loopThreadContext : currentContext.get();
    }

    @Override
    public void setCurrentContext(PyContext context) {
        if (Thread.currentThread() == loopThread) {
            loopThreadContext = context;
        } else {
            currentContext.set(context);
        }
    }

    /** Whether task steps are timed, for the slow-step warning ({@link #endStep}). */
    public boolean warnsOfSlowSteps() {
        return slowStepSeconds > 0;
    }

    /** A task step starts, at {@code started} (the loop's time; NaN when steps are not timed). */
    public void beginStep(double started) {
        blockingCall = null;
        blockingHint = null;
        if (slowStepMeter != null) {
            slowStepMeter.stepStarted(started);
        }
        noteProgress();
    }

    /** The run moved on (a task step, a module loaded): see {@link RunawayWatchdog}. */
    public void noteProgress() {
        if (runawayWatchdog != null) {
            runawayWatchdog.progress();
        }
    }

    /**
     * After a task step: warn if it held the loop longer than {@code threshold}, its loop's
     * {@code slow_callback_duration} (which {@code --slow-step} starts at), when {@code --slow-step} is on. The main program
     * prints the warning; embedded, it goes to the {@code aio.slowstep} logger, which the embedder's
     * log handler receives ({@code Context.Builder.logHandler}). Steps of aio's own library code never warn.
     * On the real clock only the time the step's own code spent counts ({@link SlowStepMeter}).
     */
    @TruffleBoundary
    public void endStep(Task task, double wallSeconds, double threshold) {
        // Names are made only for a slow step: this runs after every timed step.
        if (slowStepSeconds <= 0 || wallSeconds <= threshold) {
            return;
        }
        double seconds = slowStepMeter == null ? wallSeconds : slowStepMeter.ownSeconds(wallSeconds);
        CoroutineLike coroutine = task.getCoroutine();
        if (seconds <= threshold || isLibraryCode(coroutine)) {
            return;
        }
        String warning = String.format("aio: slow step: task '%s' (%s) blocked the event loop for %.3f s\n", task.getName(), coroutine.qualName() + "()", seconds)
                        + (blockingCall != null ? "  at " + blockingCall + "\n  hint: " + blockingHint
                                        : "  hint: move blocking or CPU-heavy work off the loop (asyncio.to_thread), or await between parts of it");
        if (!env.getOptions().get(AioOptions.MAIN)) {
            SLOW_STEP_LOG.warning(warning);
            return;
        }
        out.flush();
        err.println(warning);
        err.flush();
    }

    /** {@code --slow-step} in seconds; 0: aio's slow-step warning is off. */
    public double slowStepSeconds() {
        return slowStepSeconds;
    }

    /** Whether a new loop starts in debug mode: PYTHONASYNCIODEBUG set to a non-empty value (CPython's {@code coroutines._is_debug_mode}). */
    @TruffleBoundary
    public boolean asyncioDebugFromEnvironment() {
        String v = env.getEnvironment().get("PYTHONASYNCIODEBUG");
        return v != null && !v.isEmpty();
    }

    /**
     * A warning of asyncio's own (debug mode's slow callbacks): on the "asyncio" logger when the
     * program imported logging, else on stderr as logging's last-resort handler prints it (the message alone).
     */
    @TruffleBoundary
    public void logAsyncioWarning(String message) {
        Object logger = asyncioLogger();
        if (logger != null) {
            Calls.call(Attributes.get(logger, "warning"), message);
            return;
        }
        out.flush();
        err.println(message);
        err.flush();
    }

    /** A coroutine of aio's own library written in aio (the embedding API's serve loop): not the program's to be warned about. */
    private static boolean isLibraryCode(CoroutineLike coroutine) {
        return coroutine.describeForTask().contains(" at <aio>/");
    }

    /**
     * What CPython's default exception handler does with a report: logs it on the "asyncio" logger
     * when the program imported logging, else prints it and the exception's traceback (if any).
     */
    @TruffleBoundary
    public void reportCallbackError(String header, PyBaseException e) {
        Object logger = asyncioLogger();
        if (logger != null) {
            if (PyOps.isTrue(Calls.call(Attributes.get(logger, "isEnabledFor"), 40L))) {
                Object excInfo = e == null ? PyNone.NONE : new PyTuple(new Object[]{e.getPyType(), e, PyTraceback.of(e)});
                Object record = Calls.call(Attributes.get(logger, "makeRecord"), "asyncio", 40L, "<aio>/asyncio/base_events.py", 1771L, header,
                                PyTuple.EMPTY, excInfo, "default_exception_handler");
                Calls.call(Attributes.get(logger, "handle"), record);
            }
            return;
        }
        out.flush();
        err.println(header);
        if (e != null) {
            err.print(Traceback.format(e));
        }
        err.flush();
    }

    public Set<CompletionStage<?>> awaitedJavaFutures() {
        return awaitedJavaFutures;
    }

    public Map<Throwable, PyBaseException> escapedJavaExceptions() {
        return escapedJavaExceptions;
    }

    /**
     * The standard input, for input() and sys.stdin: a sandboxed context reads none (it would be
     * the host's System.in) unless the embedder handed one in (aio.Stdin) or allowed I/O.
     */
    @TruffleBoundary
    public InputStream stdin() {
        if (!env.getOptions().get(AioOptions.STDIN) && !env.getOptions().get(AioOptions.MAIN) && !env.isFileIOAllowed()) {
            throw PyErrors.osError(13, "Permission denied (this aio context may not read the standard input; embedders allow it with AioBuilder.in or the aio.Stdin option)",
                            "<stdin>");
        }
        return env.in();
    }

    /** The never-awaited coroutine warnings of this run. */
    public NeverAwaitedWarnings neverAwaited() {
        return neverAwaited;
    }
}
