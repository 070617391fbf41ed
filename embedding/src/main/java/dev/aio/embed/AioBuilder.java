package dev.aio.embed;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Configures an {@link Aio}. Safe by default: scripts reach only the Java methods annotated
 * {@link HostAccess.Export} of objects the embedder hands them, look up no Java class, open no
 * file, start no thread or process, until the embedder grants it here.
 */
public final class AioBuilder {
    private AioClock clock = AioClock.REAL;
    private HostAccess hostAccess = HostAccess.EXPLICIT;
    private Predicate<String> hostClassLookup;
    private boolean io;
    private boolean threads;
    private boolean processes;
    private long statementLimit;
    private Duration timeLimit;
    private long maxTasks;
    private long maxHeapMemory;
    private long maxQueueSize;
    private Engine engine;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private Duration slowStep;
    private Consumer<String> slowStepSink;
    private final Map<String, String> options = new LinkedHashMap<>();

    AioBuilder() {
    }

    public AioBuilder clock(AioClock value) {
        this.clock = value;
        return this;
    }

    /** Which members of Java objects scripts may use; the default is {@link HostAccess#EXPLICIT}. */
    public AioBuilder allowHostAccess(HostAccess access) {
        this.hostAccess = access;
        return this;
    }

    /** Lets scripts look up the Java classes whose names pass {@code filter} ({@code java.type(name)}). */
    public AioBuilder allowHostClassLookup(Predicate<String> filter) {
        this.hostClassLookup = filter;
        return this;
    }

    /** Lets scripts read and write files ({@code open}, {@code os}) and import modules from files. */
    public AioBuilder allowIO(boolean allow) {
        this.io = allow;
        return this;
    }

    /** Lets scripts start child processes ({@code subprocess}, {@code asyncio.create_subprocess_exec}); without it they raise PermissionError. */
    public AioBuilder allowCreateProcess(boolean allow) {
        this.processes = allow;
        return this;
    }

    /** Lets scripts start threads ({@code asyncio.to_thread}, {@code run_in_executor}). */
    public AioBuilder allowThreads(boolean allow) {
        this.threads = allow;
        return this;
    }

    /** Stops the run once scripts have executed this many statements ({@link AioLimitException}). */
    public AioBuilder statementLimit(long statements) {
        this.statementLimit = statements;
        return this;
    }

    /** Stops the run once the loop's clock (real or virtual) passes this much time ({@link AioLimitException}). */
    public AioBuilder timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /**
     * Raises MemoryError in the running script once the JVM's heap holds more than {@code bytes}
     * after a full collection (option {@code aio.MaxHeapMemory}). The heap is the JVM's, shared
     * with the application and other contexts: give the JVM room above it ({@code -Xmx}).
     */
    public AioBuilder maxHeapMemory(long bytes) {
        this.maxHeapMemory = bytes;
        return this;
    }

    /** Creating a task while this many are pending raises RuntimeError in the script. */
    public AioBuilder maxTasks(long tasks) {
        this.maxTasks = tasks;
        return this;
    }

    /** Putting an item into an asyncio queue that holds this many raises RuntimeError in the script. */
    public AioBuilder maxQueueSize(long items) {
        this.maxQueueSize = items;
        return this;
    }

    /** Runs on a shared engine: contexts share compiled code, each keeps its own state. */
    public AioBuilder engine(Engine shared) {
        this.engine = shared;
        return this;
    }

    /** What scripts read with {@code input()} and {@code sys.stdin}; without it they may read nothing (PermissionError). */
    public AioBuilder in(InputStream stream) {
        this.in = stream;
        return this;
    }

    public AioBuilder out(OutputStream stream) {
        this.out = stream;
        return this;
    }

    public AioBuilder err(OutputStream stream) {
        this.err = stream;
        return this;
    }

    /**
     * Reports each step of a task that blocks the loop longer than {@code threshold} to
     * {@code sink} (a logger, a callback): the text aio run prints as its slow-step warning.
     * Off unless set; aio's own serve loop never reports.
     */
    public AioBuilder slowStepWarnings(Duration threshold, Consumer<String> sink) {
        this.slowStep = threshold;
        this.slowStepSink = sink;
        return this;
    }

    /** Any other option of aio or Truffle ({@code aio.SlowStep}, {@code engine.WarnInterpreterOnly}...). */
    public AioBuilder option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public Aio build() {
        Context.Builder b = Context.newBuilder("aio").allowHostAccess(hostAccess).allowIO(io ? IOAccess.ALL : IOAccess.NONE).allowCreateThread(threads)
                        .allowCreateProcess(processes).option("aio.VirtualTime", String.valueOf(clock == AioClock.VIRTUAL))
                        .option("aio.MaxTasks", String.valueOf(maxTasks)).option("aio.MaxQueueSize", String.valueOf(maxQueueSize));
        if (hostClassLookup != null) {
            b.allowHostClassLookup(hostClassLookup);
        }
        double seconds = timeLimit == null ? 0 : timeLimit.toNanos() / 1e9;
        if (seconds > 0) {
            b.option("aio.TimeLimit", String.valueOf(seconds));
        }
        if (maxHeapMemory > 0) {
            b.option("aio.MaxHeapMemory", String.valueOf(maxHeapMemory));
        }
        if (statementLimit > 0) {
            b.resourceLimits(ResourceLimits.newBuilder().statementLimit(statementLimit, null).build());
        }
        if (engine != null) {
            b.engine(engine);
        }
        if (in != null) {
            b.in(in).option("aio.Stdin", "true");
        }
        if (out != null) {
            b.out(out);
        }
        if (err != null) {
            b.err(err);
        }
        if (slowStep != null && slowStepSink != null) {
            b.option("aio.SlowStep", String.valueOf(slowStep.toNanos() / 1e6));
            b.logHandler(new SlowStepLog(slowStepSink, err != null ? err : System.err));
        }
        b.options(options);
        return new Aio(b.build(), seconds);
    }
}
