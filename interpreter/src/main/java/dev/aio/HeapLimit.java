package dev.aio;

import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleLanguage.Env;

import dev.aio.kernel.InterpreterLock;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;

/**
 * An embedder's cap on the heap ({@code aio.MaxHeapMemory}): once the JVM's heap holds more than
 * this after a full collection, the script running in this context gets a {@link HeapWatch}'d
 * {@code MemoryError} at its next safepoint, which it may catch; its {@code finally} blocks run and,
 * uncaught, the error reaches the embedder as a script error while the JVM stays healthy. The heap
 * is the JVM's, shared by every context in it: the cap is exact for one context per JVM and a
 * budget of the shared heap otherwise (community Truffle has no per-context heap accounting).
 */
public final class HeapLimit {
    private final long maxBytes;
    private final Env env;
    private final InterpreterLock lock;
    /** Raises once per time over the limit: a handler or finally block the error runs is not interrupted again. */
    private volatile boolean armed = true;

    private final ThreadLocalAction raiseMemoryError = new ThreadLocalAction(true, false) {
        @Override
        protected void perform(Access access) {
            throw PyErrors.raise(BuiltinTypes.MEMORY_ERROR, "heap limit of " + maxBytes + " bytes reached (aio.MaxHeapMemory)");
        }
    };

    private HeapLimit(long maxBytes, Env env, InterpreterLock lock) {
        this.maxBytes = maxBytes;
        this.env = env;
        this.lock = lock;
    }

    /** Watches the heap for a context: {@link #close} when it ends. */
    static HeapLimit start(long maxBytes, Env env, InterpreterLock lock) {
        HeapLimit limit = new HeapLimit(maxBytes, env, lock);
        HeapWatch.add(limit);
        return limit;
    }

    void close() {
        HeapWatch.remove(this);
    }

    /** The heap was measured under the cap again: the next time over it raises again. */
    void under() {
        armed = true;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The heap is over the cap: the thread running aio code now raises MemoryError (none runs: nothing grows). */
    void exceeded() {
        Thread running = lock.holder();
        if (running == null || !armed) {
            return;
        }
        armed = false;
        try {
            env.submitThreadLocal(new Thread[]{running}, raiseMemoryError);
        } catch (IllegalStateException e) {
            // The context closed meanwhile.
        }
    }
}
