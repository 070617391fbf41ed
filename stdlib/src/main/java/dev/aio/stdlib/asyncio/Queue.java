package dev.aio.stdlib.asyncio;

import java.util.ArrayDeque;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Ids;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * {@code asyncio.Queue}, after CPython's queues.py: blocked getters and putters wait on futures in
 * FIFO order, and each completed put or get wakes the next waiter of the other side.
 */
public final class Queue extends PyObject {
    static final PyType TYPE = new PyType("Queue", "asyncio.queues");
    static final PyType LIFO_TYPE = new PyType("LifoQueue", "asyncio.queues", TYPE);
    static final PyType PRIORITY_TYPE = new PyType("PriorityQueue", "asyncio.queues", TYPE);
    static final PyType QUEUE_EMPTY = new PyType("QueueEmpty", "asyncio.queues", BuiltinTypes.EXCEPTION);
    static final PyType QUEUE_FULL = new PyType("QueueFull", "asyncio.queues", BuiltinTypes.EXCEPTION);
    /** Python 3.13's: raised by puts, and by gets once empty, after {@link #shutdown}. */
    static final PyType QUEUE_SHUT_DOWN = new PyType("QueueShutDown", "asyncio.queues", BuiltinTypes.EXCEPTION);

    private final LoopBinding loop = new LoopBinding();
    /** Any value that compares with ints, as in CPython, which keeps what it is given. */
    private final Object maxsize;
    private final PyType type;
    private final QueueItems items;
    private final ArrayDeque<Future> getters = new ArrayDeque<>();
    private final ArrayDeque<Future> putters = new ArrayDeque<>();
    private final Event finished;
    private long unfinishedTasks;
    private boolean isShutdown;

    Queue(PyType type, Object maxsize) {
        this.type = type;
        this.maxsize = maxsize;
        this.items = type == LIFO_TYPE ? new QueueItems.Lifo() : type == PRIORITY_TYPE ? new QueueItems.Priority() : new QueueItems.Fifo();
        this.finished = new Event();
        finished.set();
    }

    public Object maxsize() {
        return maxsize;
    }

    public int qsize() {
        return items.size();
    }

    public boolean empty() {
        return items.isEmpty();
    }

    /** As CPython's {@code full()}: a {@code maxsize} that does not compare with ints raises TypeError here, not in the constructor. */
    @TruffleBoundary
    public boolean full() {
        return !Operators.lessEqual(maxsize, 0L) && Operators.greaterEqual((long) items.size(), maxsize);
    }

    private static void wakeUpNext(ArrayDeque<Future> waiters) {
        while (!waiters.isEmpty()) {
            Future waiter = waiters.poll();
            if (!waiter.isDone()) {
                waiter.setResult(PyNone.NONE);
                break;
            }
        }
    }

    @TruffleBoundary
    public void putNowait(Object item) {
        if (isShutdown) {
            throw PyErrors.raiseNoArgs(QUEUE_SHUT_DOWN);
        }
        if (full()) {
            throw PyErrors.raiseNoArgs(QUEUE_FULL);
        }
        AioContext.get(null).limits().checkQueuePut(items.size());
        items.put(item);
        unfinishedTasks++;
        finished.clear();
        wakeUpNext(getters);
    }

    @TruffleBoundary
    public Object getNowait() {
        if (items.isEmpty()) {
            throw PyErrors.raiseNoArgs(isShutdown ? QUEUE_SHUT_DOWN : QUEUE_EMPTY);
        }
        Object item = items.get();
        wakeUpNext(putters);
        return item;
    }

    @TruffleBoundary
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw PyErrors.valueError("task_done() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /**
     * {@code queue.shutdown(immediate)} (Python 3.13): puts raise QueueShutDown from now on, gets
     * once the queue is empty (at once if {@code immediate}, which drops the items and counts them
     * done); every blocked put and get wakes up to find out.
     */
    @TruffleBoundary
    public void shutdown(boolean immediate) {
        isShutdown = true;
        if (immediate) {
            while (!items.isEmpty()) {
                items.get();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        for (ArrayDeque<Future> waiters : List.of(getters, putters)) {
            while (!waiters.isEmpty()) {
                Future waiter = waiters.poll();
                if (!waiter.isDone()) {
                    waiter.setResult(PyNone.NONE);
                }
            }
        }
    }

    /** {@code await queue.put(item)}: waits while the queue is full. */
    BuiltinCoroutine put(Object item) {
        return new BuiltinCoroutine("Queue.put") {
            private Future putter;

            @Override
            protected Object resume(Object sent) {
                if (putter != null) {
                    if (sent instanceof ThrowRequest t) {
                        putter.cancel(null);
                        putters.remove(putter);
                        if (!full() && !putter.isCancelled()) {
                            wakeUpNext(putters);
                        }
                        throw new AioException(t.exception(), null);
                    }
                }
                if (full()) {
                    if (isShutdown) {
                        throw PyErrors.raiseNoArgs(QUEUE_SHUT_DOWN);
                    }
                    putter = new Future(loop.get(Queue.this)).withPurpose("queue.put()");
                    putters.add(putter);
                    return suspend(putter);
                }
                putNowait(item);
                return PyNone.NONE;
            }
        };
    }

    /** {@code await queue.get()}: waits while the queue is empty; a cancelled getter passes its wake-up on. */
    BuiltinCoroutine get() {
        return new BuiltinCoroutine("Queue.get") {
            private Future getter;

            @Override
            protected Object resume(Object sent) {
                if (getter != null) {
                    if (sent instanceof ThrowRequest t) {
                        getter.cancel(null);
                        getters.remove(getter);
                        if (!empty() && !getter.isCancelled()) {
                            wakeUpNext(getters);
                        }
                        throw new AioException(t.exception(), null);
                    }
                }
                if (empty()) {
                    if (isShutdown) {
                        throw PyErrors.raiseNoArgs(QUEUE_SHUT_DOWN);
                    }
                    getter = new Future(loop.get(Queue.this)).withPurpose("queue.get()");
                    getters.add(getter);
                    return suspend(getter);
                }
                return getNowait();
            }
        };
    }

    /** {@code await queue.join()}: until every item put has been marked done. */
    BuiltinCoroutine join() {
        return new BuiltinCoroutine("Queue.join") {
            private BuiltinCoroutine wait;

            @Override
            protected Object resume(Object sent) {
                if (wait == null) {
                    if (unfinishedTasks == 0) {
                        return PyNone.NONE;
                    }
                    wait = finished.waitCoroutine();
                    wait.markAwaited();
                }
                Object r = wait.step(sent);
                if (r == AwaitSignal.PENDING) {
                    return suspend(((Future) wait.yielded()).withPurpose("queue.join()"));
                }
                return PyNone.NONE;
            }
        };
    }

    @Override
    public PyType getPyType() {
        return type;
    }

    @Override
    @TruffleBoundary
    public String repr() {
        return "<" + type.getName() + " at " + Ids.address(this) + " " + format() + ">";
    }

    /** {@code str(queue)}: as the repr without the address (CPython's {@code Queue.__str__}). */
    @Override
    @TruffleBoundary
    public String builtinStr() {
        return "<" + type.getName() + " " + format() + ">";
    }

    /** CPython's {@code Queue._format()}: the size limit, then the items, waiters and unfinished tasks there are. */
    private String format() {
        StringBuilder sb = new StringBuilder("maxsize=").append(PyOps.repr(maxsize));
        if (!items.isEmpty()) {
            sb.append(" _queue=").append(PyOps.repr(new PyList(items.toArray())));
        }
        if (!getters.isEmpty()) {
            sb.append(" _getters[").append(getters.size()).append(']');
        }
        if (!putters.isEmpty()) {
            sb.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks > 0) {
            sb.append(" tasks=").append(unfinishedTasks);
        }
        if (isShutdown) {
            sb.append(" shutdown");
        }
        return sb.toString();
    }
}
