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
import dev.aio.runtime.Calls;
import dev.aio.runtime.Ids;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Operators;
import dev.aio.runtime.Overrides;
import dev.aio.runtime.PyDeque;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SubclassableObject;

/**
 * {@code asyncio.Queue}, after CPython's queues.py: blocked getters and putters wait on futures in
 * FIFO order, and each completed put or get wakes the next waiter of the other side. An instance
 * of a class derived from it in aio code ({@code class Jobs(asyncio.PriorityQueue)}) is filled by
 * {@code Queue.__init__} and goes through the class's {@code full}, {@code empty}, {@code qsize},
 * {@code put_nowait}, {@code get_nowait}, {@code _init}, {@code _put} and {@code _get} where
 * CPython's queues.py calls them on {@code self}.
 */
public final class Queue extends SubclassableObject {
    static final PyType TYPE = new PyType("Queue", "asyncio.queues");
    static final PyType LIFO_TYPE = new PyType("LifoQueue", "asyncio.queues", TYPE);
    static final PyType PRIORITY_TYPE = new PyType("PriorityQueue", "asyncio.queues", TYPE);
    static final PyType QUEUE_EMPTY = new PyType("QueueEmpty", "asyncio.queues", BuiltinTypes.EXCEPTION);
    static final PyType QUEUE_FULL = new PyType("QueueFull", "asyncio.queues", BuiltinTypes.EXCEPTION);
    /** Python 3.13's: raised by puts, and by gets once empty, after {@link #shutdown}. */
    static final PyType QUEUE_SHUT_DOWN = new PyType("QueueShutDown", "asyncio.queues", BuiltinTypes.EXCEPTION);

    private final LoopBinding loop = new LoopBinding();
    /** The order of the queue type the class derives from. */
    private final QueueItems order;
    /** Any value that compares with ints, as in CPython, which keeps what it is given. */
    private Object maxsize;
    /** {@code _queue}: what {@code _init} made (a deque or a list); a subclass's {@code _init} may keep its own in the instance dict. */
    private Object store;
    private final ArrayDeque<Future> getters = new ArrayDeque<>();
    private final ArrayDeque<Future> putters = new ArrayDeque<>();
    private final Event finished = new Event();
    private long unfinishedTasks;
    private boolean isShutdown;

    Queue(PyType type, Object maxsize) {
        this(type);
        init(maxsize);
    }

    private Queue(PyType type) {
        super(type);
        PyType base = type.builtinBase();
        this.order = base == LIFO_TYPE ? QueueItems.LIFO : base == PRIORITY_TYPE ? QueueItems.PRIORITY : QueueItems.FIFO;
    }

    /** An instance of {@code type}, a class derived from a queue type, for {@code Queue.__init__} to fill. */
    static Queue blank(PyType type) {
        return new Queue(type);
    }

    /** {@code Queue.__init__(maxsize=0)}: empty, with no waiters, then {@code self._init(maxsize)}. */
    @TruffleBoundary
    void init(Object size) {
        maxsize = size;
        getters.clear();
        putters.clear();
        unfinishedTasks = 0;
        finished.set();
        Object initOverride = Overrides.find(this, getPyType(), "_init");
        if (initOverride != null) {
            Calls.call(initOverride, size);
        } else {
            initStore();
        }
    }

    /** The builtin {@code _init}: the empty storage of the queue's order. */
    void initStore() {
        store = order.newStore();
    }

    public Object maxsize() {
        return maxsize;
    }

    long unfinishedTasks() {
        return unfinishedTasks;
    }

    /** {@code self._queue}: the instance's own, which a subclass's {@code _init} may set, else what the builtin {@code _init} made. */
    @TruffleBoundary
    Object store() {
        Object own = ownStore();
        if (own != null) {
            return own;
        }
        if (store == null) {
            throw PyErrors.attributeError(this, "_queue");
        }
        return store;
    }

    /** The {@code _queue} a derived class's {@code _init} set on the instance, or null. */
    private Object ownStore() {
        return isDerived() ? instanceDict().get("_queue") : null;
    }

    /** The builtin {@code _put}. */
    void putItem(Object item) {
        order.put(store(), item);
    }

    /** The builtin {@code _get}. */
    Object getItem() {
        return order.get(store());
    }

    /** The builtin {@code qsize}: {@code len(self._queue)}. */
    @TruffleBoundary
    public long qsize() {
        Object s = store();
        return s == store ? ownSize() : PyOps.len(s);
    }

    /**
     * The builtin {@code empty}: {@code not self._queue}. A queue of a builtin type itself (not a
     * derived class's, which may keep its own {@code _queue}) answers from its store without a
     * call out of compiled code, as {@link #full}, {@link #getNowait} and {@link #putNowait} do:
     * {@code await queue.get()} and {@code put()} ask them on every item.
     */
    public boolean empty() {
        if (!isDerived() && store != null) {
            return ownSize() == 0;
        }
        return derivedEmpty();
    }

    @TruffleBoundary
    private boolean derivedEmpty() {
        Object s = store();
        return s == store ? ownSize() == 0 : !PyOps.isTrue(s);
    }

    /** The size of the deque or list the builtin {@code _init} made. */
    private int ownSize() {
        return store instanceof PyDeque d ? d.size() : ((PyList) store).size();
    }

    /** As CPython's {@code full()}: a {@code maxsize} that does not compare with ints raises TypeError here, not in the constructor. */
    public boolean full() {
        if (!isDerived() && store != null && maxsize instanceof Long limit) {
            return limit > 0 && ownSize() >= limit;
        }
        return generalFull();
    }

    @TruffleBoundary
    private boolean generalFull() {
        return !Operators.lessEqual(maxsize, 0L) && Operators.greaterEqual(size(), maxsize);
    }

    // What queues.py calls on self: the class's replacement when it has one ({@link Overrides}), else the builtin.

    private boolean isFull() {
        Object override = Overrides.find(this, getPyType(), "full");
        return override == null ? full() : PyOps.isTrue(Calls.call(override));
    }

    private boolean isEmpty() {
        Object override = Overrides.find(this, getPyType(), "empty");
        return override == null ? empty() : PyOps.isTrue(Calls.call(override));
    }

    private Object size() {
        Object override = Overrides.find(this, getPyType(), "qsize");
        return override == null ? qsize() : Calls.call(override);
    }

    private void callPut(Object item, String name) {
        Object override = Overrides.find(this, getPyType(), name);
        if (override != null) {
            Calls.call(override, item);
        } else if (name.equals("_put")) {
            putItem(item);
        } else {
            putNowait(item);
        }
    }

    private Object callGet(String name) {
        Object override = Overrides.find(this, getPyType(), name);
        if (override != null) {
            return Calls.call(override);
        }
        return name.equals("_get") ? getItem() : getNowait();
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

    public void putNowait(Object item) {
        if (!isDerived() && store instanceof PyDeque items && !isShutdown && !full()) {
            AioContext.get(null).limits().checkQueuePut(items.size());
            items.addLast(item);
            itemPut();
            return;
        }
        generalPutNowait(item);
    }

    @TruffleBoundary
    private void generalPutNowait(Object item) {
        if (isShutdown) {
            throw PyErrors.raiseNoArgs(QUEUE_SHUT_DOWN);
        }
        if (isFull()) {
            throw PyErrors.raiseNoArgs(QUEUE_FULL);
        }
        if (store() == store) {
            AioContext.get(null).limits().checkQueuePut(ownSize());
        }
        callPut(item, "_put");
        itemPut();
    }

    private void itemPut() {
        unfinishedTasks++;
        finished.clear();
        wakeUpNext(getters);
    }

    public Object getNowait() {
        if (!isDerived() && store instanceof PyDeque items && items.size() > 0) {
            Object item = items.removeFirst();
            wakeUpNext(putters);
            return item;
        }
        return generalGetNowait();
    }

    @TruffleBoundary
    private Object generalGetNowait() {
        if (isEmpty()) {
            throw PyErrors.raiseNoArgs(isShutdown ? QUEUE_SHUT_DOWN : QUEUE_EMPTY);
        }
        Object item = callGet("_get");
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
            while (!isEmpty()) {
                callGet("_get");
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
        return new BuiltinCoroutine() {
            private Future putter;

            @Override
            public String qualName() {
                return "Queue.put";
            }

            @Override
            protected Object resume(Object sent) {
                if (putter != null) {
                    if (sent instanceof ThrowRequest t) {
                        putter.cancel(null);
                        putters.remove(putter);
                        if (!isFull() && !putter.isCancelled()) {
                            wakeUpNext(putters);
                        }
                        throw new AioException(t.exception(), null);
                    }
                }
                if (isFull()) {
                    if (isShutdown) {
                        throw PyErrors.raiseNoArgs(QUEUE_SHUT_DOWN);
                    }
                    putter = new Future(loop.get(Queue.this)).withPurpose("queue.put()");
                    putters.add(putter);
                    return suspend(putter);
                }
                callPut(item, "put_nowait");
                return PyNone.NONE;
            }
        };
    }

    /** {@code await queue.get()}: waits while the queue is empty; a cancelled getter passes its wake-up on. */
    BuiltinCoroutine get() {
        return new BuiltinCoroutine() {
            private Future getter;

            @Override
            public String qualName() {
                return "Queue.get";
            }

            @Override
            protected Object resume(Object sent) {
                if (getter != null) {
                    if (sent instanceof ThrowRequest t) {
                        getter.cancel(null);
                        getters.remove(getter);
                        if (!isEmpty() && !getter.isCancelled()) {
                            wakeUpNext(getters);
                        }
                        throw new AioException(t.exception(), null);
                    }
                }
                if (isEmpty()) {
                    if (isShutdown) {
                        throw PyErrors.raiseNoArgs(QUEUE_SHUT_DOWN);
                    }
                    getter = new Future(loop.get(Queue.this)).withPurpose("queue.get()");
                    getters.add(getter);
                    return suspend(getter);
                }
                return callGet("get_nowait");
            }
        };
    }

    /** {@code await queue.join()}: until every item put has been marked done. */
    BuiltinCoroutine join() {
        return new BuiltinCoroutine() {
            private BuiltinCoroutine wait;

            @Override
            public String qualName() {
                return "Queue.join";
            }

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
    @TruffleBoundary
    public String repr() {
        return "<" + getPyType().getName() + " at " + Ids.address(this) + " " + format() + ">";
    }

    /** {@code str(queue)}: as the repr without the address (CPython's {@code Queue.__str__}). */
    @Override
    @TruffleBoundary
    public String builtinStr() {
        return "<" + getPyType().getName() + " " + format() + ">";
    }

    /** CPython's {@code Queue._format()}: the size limit, then the items, waiters and unfinished tasks there are. */
    private String format() {
        StringBuilder sb = new StringBuilder("maxsize=").append(PyOps.repr(maxsize));
        // getattr(self, '_queue', None): a queue whose _init has not run shows no items.
        Object own = ownStore();
        Object items = own != null ? own : store;
        if (items != null && PyOps.isTrue(items)) {
            sb.append(" _queue=").append(PyOps.repr(new PyList(Iteration.toArray(items))));
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
