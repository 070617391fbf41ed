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

/**
 * {@code asyncio.Lock}, after CPython's locks.py: FIFO waiters; a released lock wakes the first
 * waiter, which takes the lock when it runs (unless someone else took it first).
 */
public final class Lock extends SubclassableObject {
    static final PyType TYPE = new PyType("Lock", "asyncio.locks");

    private final LoopBinding loop = new LoopBinding();
    private final ArrayDeque<Future> waiters = new ArrayDeque<>();
    private boolean locked;

    Lock() {
        this(TYPE);
    }

    /** An unlocked instance of {@code type}, Lock or a class derived from it, whose {@code __init__} may be the builtin's. */
    Lock(PyType type) {
        super(type);
    }

    /** {@code Lock.__init__()}: unlocked, no waiters. */
    void init() {
        locked = false;
        waiters.clear();
    }

    public boolean isLocked() {
        return locked;
    }

    /** {@code await lock.acquire()}; {@code asyncAcquire} is what {@code async with} awaits (returning None). */
    BuiltinCoroutine acquire(boolean forContextManager) {
        return new BuiltinCoroutine() {
            private Future waiter;

            @Override
            public String qualName() {
                return forContextManager ? "Lock.__aenter__" : "Lock.acquire";
            }

            @Override
            protected Object resume(Object sent) {
                Object done = forContextManager ? PyNone.NONE : Boolean.TRUE;
                if (waiter == null) {
                    if (!locked && allWaitersCancelled()) {
                        locked = true;
                        return done;
                    }
                    waiter = new Future(loop.get(Lock.this)).withPurpose("lock.acquire()");
                    waiters.add(waiter);
                    return suspend(waiter);
                }
                waiters.remove(waiter);
                if (sent instanceof ThrowRequest t) {
                    if (t.exception().getPyType().isSubtypeOf(BuiltinTypes.CANCELLED_ERROR) && !locked) {
                        wakeUpFirst();
                    }
                    throw new AioException(t.exception(), null);
                }
                locked = true;
                return done;
            }
        };
    }

    /**
     * CPython's {@code all(w.cancelled() for w in self._waiters)}. A plain loop, not a stream: this
     * runs inside the compiled code of the {@code await} that acquires, and a stream pulls the JDK's
     * fork-join machinery into that compilation until Graal gives up on it ("too deep inlining").
     */
    private boolean allWaitersCancelled() {
        for (Future w : waiters) {
            if (!w.isCancelled()) {
                return false;
            }
        }
        return true;
    }

    public void release() {
        if (!locked) {
            throw PyErrors.runtimeError("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirst();
    }

    private void wakeUpFirst() {
        Future first = waiters.peek();
        if (first != null && !first.isDone()) {
            first.setResult(true);
        }
    }

    @Override
    public String repr() {
        String extra = locked ? "locked" : "unlocked";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return "<" + getPyType().qualifiedName() + " object at " + Ids.address(this) + " [" + extra + "]>";
    }
}
