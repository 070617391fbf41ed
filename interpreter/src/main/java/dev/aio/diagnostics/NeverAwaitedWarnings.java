package dev.aio.diagnostics;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
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
    /**
     * Coroutines created, in creation order, of which those not started yet are the ones to warn
     * about: an array, not a set, since every task's coroutine passes through here (a set's entry
     * costs 10 times an array's slot at the peak of 100,000 new tasks). Started ones are dropped
     * when the array would grow.
     */
    private PyCoroutine[] created = new PyCoroutine[16];
    private int createdCount;
    /** Warnings already shown, by location and message. */
    private final Set<String> shown = new HashSet<>();

    public NeverAwaitedWarnings(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @TruffleBoundary
    public void created(PyCoroutine c) {
        if (createdCount == created.length) {
            dropStarted();
            if (createdCount > created.length / 2) {
                created = Arrays.copyOf(created, created.length * 2);
            }
        }
        created[createdCount++] = c;
    }

    private void dropStarted() {
        int kept = 0;
        for (int i = 0; i < createdCount; i++) {
            if (!created[i].isStarted()) {
                created[kept++] = created[i];
            }
        }
        Arrays.fill(created, kept, createdCount, null);
        createdCount = kept;
    }

    /** {@code c} starts (or is closed before it started): it is not warned about. */
    public void started(PyCoroutine c) {
        // The common case of a coroutine awaited as soon as made: its slot is the last.
        if (createdCount > 0 && created[createdCount - 1] == c) {
            created[--createdCount] = null;
        }
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

    /**
     * The run ends: warns about the coroutines that never ran, once per name (CPython warns as they
     * are collected at shutdown, all at {@code sys:1}, where the default filter shows a message once).
     */
    @TruffleBoundary
    public void runEnded() {
        out.flush();
        for (int i = 0; i < createdCount; i++) {
            String message = "coroutine '" + created[i].qualName() + "' was never awaited";
            if (!created[i].isStarted() && shown.add("sys:1:" + message)) {
                err.println("sys:1: RuntimeWarning: " + message);
            }
        }
        Arrays.fill(created, 0, createdCount, null);
        createdCount = 0;
        err.flush();
    }
}
