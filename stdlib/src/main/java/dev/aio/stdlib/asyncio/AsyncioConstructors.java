package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.Task;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/** What calling the asyncio types does: {@code Future()}, {@code Task(coro)}, {@code Queue(maxsize)}, {@code Event()}. */
public final class AsyncioConstructors {
    private AsyncioConstructors() {
    }

    @Builtin(name = "Future", params = {"cls"}, kwOnly = {"loop"})
    @GenerateNodeFactory
    abstract static class NewFutureNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object loop) {
            return new Future(loop instanceof EventLoop l ? l : AioContext.get(this).requireRunningLoop());
        }
    }

    /** {@code eager_start} is 3.12's: see {@link Task}. */
    @Builtin(name = "Task", params = {"cls", "coro"}, kwOnly = {"loop", "name", "context", "eager_start"})
    @GenerateNodeFactory
    abstract static class NewTaskNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object coro, Object loop, Object name, Object ctx, Object eagerStart) {
            AioContext context = AioContext.get(this);
            EventLoop l = loop instanceof EventLoop given ? given : context.requireRunningLoop();
            CoroutineLike c = AsyncioFunctions.coroutine(coro, "a coroutine was expected, got ");
            boolean eager = eagerStart != Missing.INSTANCE && PyOps.isTrue(eagerStart);
            return new Task(l, c, AsyncioFunctions.taskName(context, name), eager);
        }
    }

    /** {@code debug} is accepted as in CPython; aio has no debug mode (see {@code aio run --slow-step}). */
    @Builtin(name = "Runner", params = {"cls"}, kwOnly = {"debug", "loop_factory"})
    @GenerateNodeFactory
    abstract static class NewRunnerNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object debug, Object loopFactory) {
            boolean defaultLoop = loopFactory == Missing.INSTANCE || loopFactory == PyNone.NONE;
            return new Runner(AioContext.get(this), defaultLoop ? null : loopFactory);
        }
    }

    @Builtin(name = "Queue", params = {"cls", "maxsize"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewQueueNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object maxsize) {
            long max = 0;
            if (maxsize != Missing.INSTANCE) {
                if (!(maxsize instanceof Long l)) {
                    throw PyErrors.typeError("'<=' not supported between instances of '" + PyOps.typeName(maxsize) + "' and 'int'");
                }
                max = l;
            }
            // The same constructor makes Queue, LifoQueue and PriorityQueue: the class decides the order.
            return new Queue((dev.aio.runtime.PyType) cls, max);
        }
    }

    @Builtin(name = "Event", params = {"cls"})
    @GenerateNodeFactory
    abstract static class NewEventNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls) {
            return new Event();
        }
    }

    @Builtin(name = "Lock", params = {"cls"})
    @GenerateNodeFactory
    abstract static class NewLockNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls) {
            return new Lock();
        }
    }

    @Builtin(name = "Semaphore", params = {"cls", "value"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewSemaphoreNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object value) {
            return new Semaphore(initialValue(value), -1);
        }
    }

    @Builtin(name = "BoundedSemaphore", params = {"cls", "value"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewBoundedSemaphoreNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object value) {
            long v = initialValue(value);
            return new Semaphore(v, v);
        }
    }

    private static long initialValue(Object value) {
        if (value == Missing.INSTANCE) {
            return 1;
        }
        if (value instanceof Long l) {
            return l;
        }
        throw PyErrors.typeError("'<' not supported between instances of '" + PyOps.typeName(value) + "' and 'int'");
    }
}
