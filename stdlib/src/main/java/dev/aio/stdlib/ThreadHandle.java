package dev.aio.stdlib;

import java.time.Duration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/**
 * A started thread as {@code threading} joins it: CPython 3.13's {@code _thread._ThreadHandle} of
 * {@code start_joinable_thread} (3.11 keeps a lock per thread for this, {@code _set_sentinel}).
 */
final class ThreadHandle extends PyObject {
    static final PyType TYPE = new PyType("_ThreadHandle", "_thread");

    private final Thread thread;

    ThreadHandle(Thread thread) {
        this.thread = thread;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    long ident() {
        return thread.threadId();
    }

    boolean isDone() {
        return !thread.isAlive();
    }

    /** Waits at most {@code timeout} seconds (negative: no limit) for the thread to end, without the interpreter lock. */
    @TruffleBoundary
    void join(AioContext context, double timeout) {
        if (isDone()) {
            return;
        }
        context.startedThreads().block(() -> {
            if (timeout < 0) {
                thread.join();
            } else {
                thread.join(Duration.ofNanos((long) (timeout * 1e9)));
            }
        });
    }
}
