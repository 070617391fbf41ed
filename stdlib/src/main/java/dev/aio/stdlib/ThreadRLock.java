package dev.aio.stdlib;

import java.util.concurrent.Semaphore;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.Ids;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * {@code _thread.RLock} ({@code threading.RLock()}), after CPython's Modules/_threadmodule.c: the
 * thread that holds it may take it again, and only that thread may release it. Its owner and count
 * change only under the interpreter lock.
 */
final class ThreadRLock extends PyObject implements ThreadLocking {
    static final PyType TYPE = new PyType("RLock", "_thread").withModuleInMessages();

    private final Semaphore permit = new Semaphore(1);
    private Thread owner;
    private long count;

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @TruffleBoundary
    @Override
    public boolean acquire(AioContext context, double wait) {
        if (owner == Thread.currentThread()) {
            count++;
            return true;
        }
        if (!ThreadLock.acquire(context, permit, wait)) {
            return false;
        }
        owner = Thread.currentThread();
        count = 1;
        return true;
    }

    @TruffleBoundary
    @Override
    public void release() {
        if (owner != Thread.currentThread()) {
            throw PyErrors.runtimeError("cannot release un-acquired lock");
        }
        if (--count == 0) {
            owner = null;
            permit.release();
        }
    }

    boolean isOwned() {
        return owner == Thread.currentThread();
    }

    /** {@code _release_save()}, for {@code Condition.wait}: lets go entirely; the state to restore. */
    @TruffleBoundary
    PyTuple releaseSave() {
        if (count == 0) {
            throw PyErrors.runtimeError("cannot release un-acquired lock");
        }
        PyTuple state = PyTuple.of(count, owner.threadId());
        owner = null;
        count = 0;
        permit.release();
        return state;
    }

    /** {@code _acquire_restore(state)}: takes it again as {@code _release_save()} left it. */
    @TruffleBoundary
    void acquireRestore(AioContext context, PyTuple state) {
        ThreadLock.acquire(context, permit, ThreadLock.FOREVER);
        owner = Thread.currentThread();
        count = (Long) state.items()[0];
    }

    @Override
    @TruffleBoundary
    public String repr() {
        return "<" + (owner != null ? "locked" : "unlocked") + " _thread.RLock object owner=" + (owner == null ? 0 : owner.threadId()) + " count=" + count + " at "
                        + Ids.address(this) + ">";
    }
}
