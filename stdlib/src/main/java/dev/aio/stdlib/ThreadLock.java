package dev.aio.stdlib;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.Ids;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * {@code _thread.lock} ({@code threading.Lock()}), after CPython's Modules/_threadmodule.c: a lock
 * any thread may release. A thread waiting for it lets the interpreter lock go meanwhile.
 */
final class ThreadLock extends PyObject implements ThreadLocking {
    static final PyType TYPE = new PyType("lock", "_thread").withModuleInMessages();
    /** CPython's {@code _thread.TIMEOUT_MAX} on 64-bit Linux. */
    static final double TIMEOUT_MAX = 9223372036.0;
    /** {@link #timeout}'s answer for {@code blocking=False}. */
    static final double NON_BLOCKING = 0;
    /** {@link #timeout}'s answer for no limit. */
    static final double FOREVER = -1;

    private final Semaphore permit = new Semaphore(1);

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    /** The wait that {@code acquire(blocking, timeout)} asks for, checked as CPython checks it. */
    @TruffleBoundary
    static double timeout(Object blocking, Object timeout) {
        boolean block = !Args.given(blocking) || PyOps.isTrue(blocking);
        double t = Args.given(timeout) ? Args.toDouble(timeout, "acquire") : -1;
        if (!block && t != -1) {
            throw PyErrors.valueError("can't specify a timeout for a non-blocking call");
        }
        if (t < 0 && t != -1) {
            throw PyErrors.valueError("timeout value must be positive");
        }
        if (t > TIMEOUT_MAX) {
            throw PyErrors.overflowError("timeout value is too large");
        }
        return !block ? NON_BLOCKING : t < 0 ? FOREVER : Math.max(t, Double.MIN_VALUE);
    }

    /** Takes {@code permit}, waiting as {@link #timeout} said, without the interpreter lock; whether it got it. */
    @TruffleBoundary
    static boolean acquire(AioContext context, Semaphore permit, double wait) {
        if (permit.tryAcquire()) {
            return true;
        }
        if (wait == NON_BLOCKING) {
            return false;
        }
        boolean[] got = {false};
        context.startedThreads().block(() -> {
            if (wait == FOREVER) {
                permit.acquire();
                got[0] = true;
            } else {
                got[0] = permit.tryAcquire((long) (wait * 1e9), TimeUnit.NANOSECONDS);
            }
        });
        return got[0];
    }

    @Override
    public boolean acquire(AioContext context, double wait) {
        return acquire(context, permit, wait);
    }

    @TruffleBoundary
    @Override
    public void release() {
        if (permit.availablePermits() > 0) {
            throw PyErrors.runtimeError("release unlocked lock");
        }
        permit.release();
    }

    boolean locked() {
        return permit.availablePermits() == 0;
    }

    @Override
    @TruffleBoundary
    public String repr() {
        return "<" + (locked() ? "locked" : "unlocked") + " _thread.lock object at " + Ids.address(this) + ">";
    }
}
