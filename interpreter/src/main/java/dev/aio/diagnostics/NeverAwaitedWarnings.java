package dev.aio.diagnostics;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.asyncio.CoroutineLike;
import dev.aio.runtime.PyCoroutine;

/**
 * CPython's {@code RuntimeWarning: coroutine '...' was never awaited}: for a coroutine an expression
 * statement drops, at that line, once per line and message (the warnings module's default filter);
 * for coroutines that never ran at all, when the run ends (CPython warns when they are collected).
 */
public final class NeverAwaitedWarnings {
    private final PrintStream out;
    private final PrintStream err;
    /** Coroutines created but never started, in creation order. */
    private final Set<PyCoroutine> unstarted = new LinkedHashSet<>();
    /** Warnings already shown, by location and message. */
    private final Set<String> shown = new HashSet<>();

    public NeverAwaitedWarnings(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @TruffleBoundary
    public void created(PyCoroutine c) {
        unstarted.add(c);
    }

    @TruffleBoundary
    public void started(PyCoroutine c) {
        unstarted.remove(c);
    }

    /** A coroutine dropped by an expression statement at {@code file:line} without being awaited. */
    @TruffleBoundary
    public void dropped(CoroutineLike coroutine, String file, int line, String sourceLine) {
        if (coroutine instanceof PyCoroutine c) {
            c.close();
        }
        String message = "coroutine '" + coroutine.qualName() + "' was never awaited";
        if (!shown.add(file + ":" + line + ":" + message)) {
            return;
        }
        out.flush();
        err.println(file + ":" + line + ": RuntimeWarning: " + message);
        if (sourceLine != null && !sourceLine.isEmpty()) {
            err.println("  " + sourceLine);
        }
        err.println("RuntimeWarning: Enable tracemalloc to get the object allocation traceback");
        err.flush();
    }

    /** The run ends: warns about every coroutine that never ran. */
    @TruffleBoundary
    public void runEnded() {
        out.flush();
        for (PyCoroutine c : unstarted) {
            err.println("sys:1: RuntimeWarning: coroutine '" + c.qualName() + "' was never awaited");
        }
        unstarted.clear();
        err.flush();
    }
}
