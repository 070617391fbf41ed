package dev.aio.embed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * aio embedded in a Java application: one aio context (its globals, its event loop) that Java code
 * evaluates scripts in, hands functions to ({@link #register}) and submits calls to
 * ({@link #runAsync}, answered with a {@link CompletableFuture}). Calls run on the event loop,
 * driven by the thread that calls {@link #runLoop()} or by an executor ({@link #startLoop}).
 *
 * <pre>{@code
 * try (Aio aio = Aio.builder().clock(AioClock.REAL).build()) {
 *     aio.register("fetch", args -> service.fetch(args[0].asInt()));   // returns a CompletableFuture
 *     aio.eval("import asyncio\nasync def total(n):\n    return sum(await asyncio.gather(*[fetch(i) for i in range(n)]))");
 *     aio.startLoop(executor);
 *     int sum = aio.runAsync("total", 10).join().asInt();
 * }
 * }</pre>
 */
public final class Aio implements AutoCloseable {
    private static final Source SERVE = serveSource();

    private final Context context;
    private final Failures failures;
    private final Inbox inbox = new Inbox();
    private final AtomicBoolean loopStarted = new AtomicBoolean();
    private final CompletableFuture<Void> loopDone = new CompletableFuture<>();
    /** The thread driving the loop, while it does. */
    private volatile Thread loopThread;
    /** {@link #close()} was called on the loop's own thread: the loop closes the context once it ends. */
    private volatile boolean closeWhenLoopEnds;
    /** Guards {@link #closed} against a loop thread starting to drive the loop meanwhile. */
    private final Object lifecycle = new Object();
    private boolean closed;

    Aio(Context context, double timeLimitSeconds) {
        this.context = context;
        context.eval(SERVE);
        this.failures = new Failures(timeLimitSeconds, context.getBindings("aio").getMember("_aio_embed_format"));
    }

    public static AioBuilder builder() {
        return new AioBuilder();
    }

    /** The polyglot context underneath, for what this class does not cover. */
    public Context context() {
        return context;
    }

    /** The globals of {@code __main__}, which every script evaluated here shares. */
    public Value bindings() {
        return translated(() -> context.getBindings("aio"));
    }

    /**
     * Runs aio code in {@code __main__} on this thread and answers the value of its last statement
     * when that is an expression (None otherwise); an uncaught aio exception is an {@link AioScriptException}.
     */
    public Value eval(String code) {
        return eval(code, "<string>");
    }

    /** {@link #eval(String)} of code that tracebacks and source locations name {@code sourceName} (a file name, say). */
    public Value eval(String code, String sourceName) {
        return translated(() -> context.eval(Source.newBuilder("aio", code, sourceName).buildLiteral()));
    }

    /** {@link #eval(String)} of a source built or parsed beforehand (the same Source is compiled once). */
    public Value eval(Source source) {
        return translated(() -> context.eval(source));
    }

    /** Runs a script file in {@code __main__} on this thread (reading it needs no file access for the script). */
    public Value runScript(Path path) throws IOException {
        // Named by its absolute path, as CPython's tracebacks name the main script.
        Source source = Source.newBuilder("aio", Files.readString(path), path.toAbsolutePath().normalize().toString()).build();
        return translated(() -> context.eval(source));
    }

    /**
     * Makes {@code fn} a global function of the scripts: {@code await name(args)} when it returns a
     * CompletionStage, {@code name(args)} when it returns a value. A Java exception it throws is a
     * RuntimeError in the script.
     */
    public Aio register(String name, AsyncFunction fn) {
        ProxyExecutable call = args -> {
            try {
                return fn.call(args);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // A checked exception travels wrapped; the script sees its cause (HostErrors unwraps it).
                throw new CompletionException(e);
            }
        };
        translated(() -> {
            context.getBindings("aio").putMember(name, call);
            return null;
        });
        return this;
    }

    /** Calls the global function {@code function} on the loop: see {@link #runAsync(Value, Object...)}. */
    public CompletableFuture<Value> runAsync(String function, Object... args) {
        Value callable = bindings().getMember(function);
        if (callable == null || !callable.canExecute()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no aio function named '" + function + "'"));
        }
        return submit(new Job(callable, args, "runAsync: " + function));
    }

    /**
     * Calls {@code callable} on the event loop, as a task of its own; the future completes with
     * what it returns (for an {@code async def}, what its coroutine returns) or with an
     * {@link AioScriptException}. Cancelling the future cancels the task.
     */
    public CompletableFuture<Value> runAsync(Value callable, Object... args) {
        return submit(new Job(callable, args, "runAsync: " + callable));
    }

    /**
     * An aio coroutine, task or future as a Java future: the loop awaits it in a task of its own.
     * Cancelling the Java future cancels that task (and so the awaited task).
     */
    public CompletableFuture<Value> toFuture(Value awaitable) {
        return submit(new Job(awaitable, new Object[0], "toFuture: " + awaitable));
    }

    private CompletableFuture<Value> submit(Job job) {
        inbox.put(job);
        return job.result;
    }

    /**
     * Drives the event loop on this thread until {@link #close()}; calls submitted before run once
     * it starts. The futures of {@link #runAsync} complete on this thread: their non-async
     * callbacks run here, between the loop's steps.
     */
    public void runLoop() {
        claimLoop();
        driveLoop();
    }

    /** Drives the event loop on a thread of {@code executor}; the future completes when the loop ends. */
    public CompletableFuture<Void> startLoop(Executor executor) {
        // Claimed here, not on the executor's thread: a close() from now on waits for the loop.
        claimLoop();
        try {
            executor.execute(() -> {
                try {
                    driveLoop();
                } catch (RuntimeException e) {
                    // loopDone has it.
                }
            });
        } catch (RuntimeException rejected) {
            loopDone.completeExceptionally(rejected);
            throw rejected;
        }
        return loopDone;
    }

    private void claimLoop() {
        if (!loopStarted.compareAndSet(false, true)) {
            throw new IllegalStateException("the loop of this Aio is already driven");
        }
    }

    private void driveLoop() {
        synchronized (lifecycle) {
            if (closed) {
                // close() came first: the loop must not enter a context being closed; the calls submitted never run.
                inbox.failUnfinished(new CancellationException("the Aio was closed before its loop ran"));
                loopDone.complete(null);
                return;
            }
            loopThread = Thread.currentThread();
        }
        try {
            context.getBindings("aio").getMember("_aio_embed_loop").execute(inbox.asGuest());
            loopThread = null;
            if (closeWhenLoopEnds) {
                context.close();
            }
            loopDone.complete(null);
        } catch (PolyglotException e) {
            RuntimeException failure = failures.toJava(e);
            inbox.failUnfinished(failure);
            loopDone.completeExceptionally(failure);
            throw failure;
        } catch (RuntimeException e) {
            inbox.failUnfinished(e);
            loopDone.completeExceptionally(e);
            throw e;
        }
    }

    /** Stops whatever aio code runs now, from any thread: the context is closed (cancelled). */
    public void cancel() {
        inbox.failUnfinished(new CancellationException("the aio run was cancelled"));
        context.close(true);
    }

    /**
     * Stops the loop (calls still running are cancelled, as aio cancels tasks), waits until it has
     * stopped, and closes the context. Called on the loop's thread (by a callback of a future this
     * Aio completed: they run there), it only asks the loop to stop; the loop closes the context.
     */
    @Override
    public void close() {
        if (Thread.currentThread() == loopThread) {
            closeWhenLoopEnds = true;
            inbox.close();
            return;
        }
        synchronized (lifecycle) {
            closed = true;
        }
        if (!loopStarted.get()) {
            inbox.failUnfinished(new CancellationException("the Aio was closed before its loop ran"));
        }
        inbox.close();
        if (loopStarted.get()) {
            try {
                loopDone.join();
            } catch (CompletionException e) {
                // The loop failed; its driver got the exception.
            }
        }
        try {
            context.close();
        } catch (PolyglotException e) {
            // A context that a limit stopped, or that was cancelled, says so again when closed.
            if (!e.isExit() && !e.isCancelled() && !e.isResourceExhausted()) {
                throw e;
            }
        }
    }

    private interface PolyglotCall<T> {
        T run();
    }

    private <T> T translated(PolyglotCall<T> call) {
        try {
            return call.run();
        } catch (PolyglotException e) {
            throw failures.toJava(e);
        }
    }

    private static Source serveSource() {
        try (InputStream in = Aio.class.getResourceAsStream("serve.aio")) {
            return Source.newBuilder("aio", new String(in.readAllBytes(), StandardCharsets.UTF_8), "<aio>/embed/serve.aio").internal(true).buildLiteral();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("serve.aio is missing from the aio-embedding jar", e);
        }
    }
}
