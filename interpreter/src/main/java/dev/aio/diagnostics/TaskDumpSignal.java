package dev.aio.diagnostics;

import java.io.PrintStream;

import dev.aio.AioContext;
import dev.aio.asyncio.DefaultExecutor;
import dev.aio.asyncio.EventLoop;
import dev.aio.nodes.ops.CallSite;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code aio run --dump-tasks-on SIGNAL}: on that signal, print every task with its await stack.
 * The signal arrives on a JVM thread; it takes the interpreter lock like a worker thread does, so
 * a task step that is running pauses at its next safepoint and the report sees a consistent loop.
 */
public final class TaskDumpSignal implements SignalHandler {
    private final AioContext context;
    private final Signal signal;

    private TaskDumpSignal(AioContext context, Signal signal) {
        this.context = context;
        this.signal = signal;
    }

    /** Installs the handler, or says on stderr why it cannot be (the JVM may own the signal). */
    public static TaskDumpSignal install(AioContext context, String name, PrintStream err) {
        String bare = name.startsWith("SIG") ? name.substring(3) : name;
        try {
            TaskDumpSignal handler = new TaskDumpSignal(context, new Signal(bare));
            Signal.handle(handler.signal, handler);
            return handler;
        } catch (IllegalArgumentException e) {
            err.println("aio: cannot dump tasks on SIG" + bare + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * At the run's end: a dump asked for while the JVM shuts down is ignored, where the signal's
     * default action (which the handler replaced) would kill the process with status 138.
     */
    public void uninstall() {
        Signal.handle(signal, SignalHandler.SIG_IGN);
    }

    @Override
    public void handle(Signal sig) {
        String[] runningAt = new String[1];
        context.interpreterLock().acquireUninterruptibly(location -> {
            if (DefaultExecutor.ofCurrentThread() == null) {
                runningAt[0] = CallSite.describe(location);
            }
        });
        try {
            EventLoop loop = context.anyRunningLoop();
            context.out().flush();
            context.err().println(loop == null ? "aio: no event loop is running" : TaskReport.dump(loop, runningAt[0]));
        } finally {
            context.interpreterLock().release();
        }
    }
}
