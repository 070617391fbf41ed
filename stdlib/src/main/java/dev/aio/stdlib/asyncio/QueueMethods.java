package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/** Methods of {@code asyncio.Queue}. */
public final class QueueMethods {
    private QueueMethods() {
    }

    /** Installs these on {@code Queue}, whose constructor LifoQueue and PriorityQueue share; the queue exceptions are constructed as BaseException is. */
    static void install() {
        Queue.TYPE.defineBuiltins(QueueMethodsFactory.getFactories());
        Queue.LIFO_TYPE.setConstructor(Queue.TYPE.getConstructor());
        Queue.PRIORITY_TYPE.setConstructor(Queue.TYPE.getConstructor());
        for (PyType t : new PyType[]{Queue.TYPE, Queue.LIFO_TYPE, Queue.PRIORITY_TYPE}) {
            t.setSubclassInstances(Queue::blank);
        }
        for (PyType t : new PyType[]{Queue.QUEUE_EMPTY, Queue.QUEUE_FULL, Queue.QUEUE_SHUT_DOWN}) {
            t.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
        }
    }

    /** {@code Queue.__init__(maxsize=0)}: what fills an instance of a subclass ({@code super().__init__(maxsize=10)}). */
    @Builtin(name = "__init__", params = {"self", "maxsize"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(Queue self, Object maxsize) {
            self.init(maxsize == Missing.INSTANCE ? 0L : maxsize);
            return PyNone.NONE;
        }
    }

    /** {@code Queue._init(maxsize)}: the empty storage ({@code self._queue}), which a subclass may replace with its own. */
    @Builtin(name = "_init", params = {"self", "maxsize"})
    @GenerateNodeFactory
    abstract static class StoreInitNode extends BuiltinNode {
        @Specialization
        static Object doInit(Queue self, Object maxsize) {
            self.initStore();
            return PyNone.NONE;
        }
    }

    /** {@code Queue._put(item)}: stores the item in {@code self._queue} in the queue's order. */
    @Builtin(name = "_put", params = {"self", "item"})
    @GenerateNodeFactory
    abstract static class StorePutNode extends BuiltinNode {
        @Specialization
        static Object doPut(Queue self, Object item) {
            self.putItem(item);
            return PyNone.NONE;
        }
    }

    /** {@code Queue._get()}: takes the next item out of {@code self._queue}. */
    @Builtin(name = "_get", params = {"self"})
    @GenerateNodeFactory
    abstract static class StoreGetNode extends BuiltinNode {
        @Specialization
        static Object doGet(Queue self) {
            return self.getItem();
        }
    }

    /** {@code queue._queue}: the storage, a deque (Queue) or a list (LifoQueue, PriorityQueue's heap). */
    @Builtin(name = "_queue", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StoreNode extends BuiltinNode {
        @Specialization
        static Object doStore(Queue self) {
            return self.store();
        }
    }

    /** queues.py's {@code self._maxsize}, read by subclasses (the {@code maxsize} property's value). */
    @Builtin(name = "_maxsize", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class PrivateMaxsizeNode extends BuiltinNode {
        @Specialization
        static Object doMaxsize(Queue self) {
            return self.maxsize();
        }
    }

    /** queues.py's {@code self._unfinished_tasks}: items put and not yet marked done. */
    @Builtin(name = "_unfinished_tasks", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class UnfinishedTasksNode extends BuiltinNode {
        @Specialization
        static long doUnfinished(Queue self) {
            return self.unfinishedTasks();
        }
    }

    @Builtin(name = "put", params = {"self", "item"})
    @GenerateNodeFactory
    abstract static class PutNode extends BuiltinNode {
        @Specialization
        static Object doPut(Queue self, Object item) {
            return self.put(item);
        }
    }

    @Builtin(name = "get", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        static Object doGet(Queue self) {
            return self.get();
        }
    }

    @Builtin(name = "join", params = {"self"})
    @GenerateNodeFactory
    abstract static class JoinNode extends BuiltinNode {
        @Specialization
        static Object doJoin(Queue self) {
            return self.join();
        }
    }

    @Builtin(name = "put_nowait", params = {"self", "item"})
    @GenerateNodeFactory
    abstract static class PutNowaitNode extends BuiltinNode {
        @Specialization
        static Object doPut(Queue self, Object item) {
            self.putNowait(item);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_nowait", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetNowaitNode extends BuiltinNode {
        @Specialization
        static Object doGet(Queue self) {
            return self.getNowait();
        }
    }

    @Builtin(name = "shutdown", params = {"self", "immediate"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class ShutdownNode extends BuiltinNode {
        @Specialization
        static Object doShutdown(Queue self, Object immediate) {
            self.shutdown(immediate != Missing.INSTANCE && PyOps.isTrue(immediate));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "task_done", params = {"self"})
    @GenerateNodeFactory
    abstract static class TaskDoneNode extends BuiltinNode {
        @Specialization
        static Object doTaskDone(Queue self) {
            self.taskDone();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "qsize", params = {"self"})
    @GenerateNodeFactory
    abstract static class QsizeNode extends BuiltinNode {
        @Specialization
        static long doQsize(Queue self) {
            return self.qsize();
        }
    }

    @Builtin(name = "empty", params = {"self"})
    @GenerateNodeFactory
    abstract static class EmptyNode extends BuiltinNode {
        @Specialization
        static boolean doEmpty(Queue self) {
            return self.empty();
        }
    }

    @Builtin(name = "full", params = {"self"})
    @GenerateNodeFactory
    abstract static class FullNode extends BuiltinNode {
        @Specialization
        static boolean doFull(Queue self) {
            return self.full();
        }
    }

    @Builtin(name = "maxsize", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class MaxsizeNode extends BuiltinNode {
        @Specialization
        static Object doMaxsize(Queue self) {
            return self.maxsize();
        }
    }

    /** CPython's {@code Queue.__str__}: the repr without the address. */
    @Builtin(name = "__str__", params = {"self"})
    @GenerateNodeFactory
    abstract static class StrNode extends BuiltinNode {
        @Specialization
        static String doStr(Queue self) {
            return self.builtinStr();
        }
    }

    @Builtin(name = "Queue", constructor = true, params = {"cls", "maxsize"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewQueueNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object maxsize) {
            // The same constructor makes Queue, LifoQueue and PriorityQueue: the class decides the order.
            return new Queue((PyType) cls, maxsize == Missing.INSTANCE ? 0L : maxsize);
        }
    }
}
