package dev.aio.runtime;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * A context's {@code sys.setrecursionlimit}: one value the {@link CallDepth} of each of its threads
 * counts down from, as CPython's limit is per interpreter.
 */
public final class RecursionLimit {
    private volatile int limit = CallDepth.DEFAULT_LIMIT;
    /** The depth counters of the context's threads, which count down from the limit (weakly held: threads end). */
    private final Set<CallDepth> depths = Collections.newSetFromMap(new WeakHashMap<>());

    public int get() {
        return limit;
    }

    /** A thread's counter joins: the levels it has left, the limit. */
    @TruffleBoundary
    synchronized int register(CallDepth depth) {
        depths.add(depth);
        return limit;
    }

    /**
     * {@code sys.setrecursionlimit(n)}: CPython refuses a limit the calling thread is already
     * past, since its next call would fail at once.
     */
    @TruffleBoundary
    public synchronized void set(long n, int currentDepth) {
        if (n < 1) {
            throw PyErrors.valueError("recursion limit must be greater or equal than 1");
        }
        if (n > Integer.MAX_VALUE) {
            throw PyErrors.overflowError("Python int too large to convert to C int");
        }
        if (n <= currentDepth) {
            throw PyErrors.raise(BuiltinTypes.RECURSION_ERROR,
                            "cannot set the recursion limit to " + n + " at the recursion depth " + currentDepth + ": the limit is too low");
        }
        // Every thread's counter moves by the change, as CPython 3.11's _Py_SetRecursionLimit moves
        // each thread's recursion_remaining. Only the thread holding the interpreter lock runs aio
        // code (and counts), and that is the caller.
        int change = (int) n - limit;
        for (CallDepth depth : depths) {
            depth.limitChanged(change);
        }
        limit = (int) n;
    }
}
