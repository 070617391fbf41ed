package dev.aio.stdlib.asyncio;

import java.util.ArrayDeque;

import dev.aio.asyncio.Future;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Ids;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SubclassableObject;

/** {@code asyncio.Semaphore} and {@code BoundedSemaphore}, after CPython 3.11's locks.py. */
public final class Semaphore extends SubclassableObject {
    static final PyType TYPE = new PyType("Semaphore", "asyncio.locks");
    static final PyType BOUNDED_TYPE = new PyType("BoundedSemaphore", "asyncio.locks", TYPE);

    private final LoopBinding loop = new LoopBinding();
    private final ArrayDeque<Future> waiters = new ArrayDeque<>();
    /** The most {@code release()} may raise the value to, or -1 for a plain Semaphore. */
    private long bound;
    private long value;

    /** @param bound the most {@code release()} may raise the value to, or -1 for a plain Semaphore */
    Semaphore(long value, long bound) {
        super(bound < 0 ? TYPE : BOUNDED_TYPE);
        init(value, bound);
    }

    /** An instance of {@code type}, a class derived from Semaphore or BoundedSemaphore, for {@code __init__} to give its value. */
    Semaphore(PyType type) {
        super(type);
        init(1, isBounded() ? 1 : -1);
    }

    /** {@code Semaphore.__init__(value=1)}; BoundedSemaphore's also makes the value its bound. */
    void init(long initial, long maxValue) {
        if (initial < 0) {
            throw PyErrors.valueError("Semaphore initial value must be >= 0");
        }
        this.value = initial;
        this.bound = maxValue;
        waiters.clear();
    }

    boolean isBounded() {
        return getPyType().isSubtypeOf(BOUNDED_TYPE);
    }

    public boolean isLocked() {
        if (value == 0) {
            return true;
        }
        // A loop, not a stream: acquire's compiled await inlines this (see Lock.allWaitersCancelled).
        for (Future w : waiters) {
            if (!w.isCancelled()) {
                return true;
            }
        }
        return false;
    }

    BuiltinCoroutine acquire(boolean forContextManager) {
        String owner = isBounded() ? "BoundedSemaphore" : "Semaphore";
        return new BuiltinCoroutine() {
            private Future waiter;

            @Override
            public String qualName() {
                return owner + (forContextManager ? ".__aenter__" : ".acquire");
            }

            @Override
            protected Object resume(Object sent) {
                Object done = forContextManager ? PyNone.NONE : Boolean.TRUE;
                if (waiter == null) {
                    if (!isLocked()) {
                        value--;
                        return done;
                    }
                    waiter = new Future(loop.get(Semaphore.this)).withPurpose("semaphore.acquire()");
                    waiters.add(waiter);
                    return suspend(waiter);
                }
                waiters.remove(waiter);
                if (sent instanceof ThrowRequest t) {
                    if (t.exception().getPyType().isSubtypeOf(BuiltinTypes.CANCELLED_ERROR) && !waiter.isCancelled()) {
                        value++;
                        wakeUpNext();
                    }
                    throw new AioException(t.exception(), null);
                }
                if (value > 0) {
                    wakeUpNext();
                }
                return done;
            }
        };
    }

    public void release() {
        if (bound >= 0 && value >= bound) {
            throw PyErrors.valueError("BoundedSemaphore released too many times");
        }
        value++;
        wakeUpNext();
    }

    private void wakeUpNext() {
        for (Future f : waiters) {
            if (!f.isDone()) {
                value--;
                f.setResult(true);
                return;
            }
        }
    }

    @Override
    public String repr() {
        String extra = isLocked() ? "locked" : "unlocked, value:" + value;
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + getPyType().qualifiedName() + " object at " + Ids.address(this) + " [" + extra + "]>";
    }
}
