package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Task;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.stdlib.ContextMethods;

/** Methods only {@code asyncio.Task} has. */
public final class TaskMethods {
    private TaskMethods() {
    }

    /** Installs these on {@code Task}. */
    static void install() {
        Task.TYPE.defineBuiltins(TaskMethodsFactory.getFactories());
        Task.TYPE.setSubclassInstances(Task::new);
    }

    @Builtin(name = "get_name", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetNameNode extends BuiltinNode {
        @Specialization
        static Object doGet(Task self) {
            return self.getName();
        }
    }

    @Builtin(name = "set_name", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class SetNameNode extends BuiltinNode {
        @Specialization
        static Object doSet(Task self, Object value) {
            self.setName(PyOps.str(value));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_coro", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetCoroNode extends BuiltinNode {
        @Specialization
        static Object doGet(Task self) {
            return self.getCoroutine();
        }
    }

    @Builtin(name = "cancelling", params = {"self"})
    @GenerateNodeFactory
    abstract static class CancellingNode extends BuiltinNode {
        @Specialization
        static long doCancelling(Task self) {
            return self.cancelling();
        }
    }

    @Builtin(name = "uncancel", params = {"self"})
    @GenerateNodeFactory
    abstract static class UncancelNode extends BuiltinNode {
        @Specialization
        static long doUncancel(Task self) {
            return self.uncancel();
        }
    }

    /** {@code eager_start} is 3.12's: see {@link Task}. */
    @Builtin(name = "Task", constructor = true, params = {"cls", "coro"}, kwOnly = {"loop", "name", "context", "eager_start"}, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewTaskNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object coro, Object loop, Object name, Object ctx, Object eagerStart) {
            TaskArguments a = new TaskArguments(AioContext.get(this), coro, loop, ctx, eagerStart);
            return new Task(a.loop, a.coroutine, AsyncioModule.taskName(name), a.eager, a.context);
        }
    }

    /** {@code Task.__init__}: what makes an instance of a class derived from Task run, reached by {@code super().__init__(coro, loop=loop)}. */
    @Builtin(name = "__init__", params = {"self", "coro"}, kwOnly = {"loop", "name", "context", "eager_start"}, posOnly = 1)
    @GenerateNodeFactory
    abstract static class TaskInitNode extends BuiltinNode {
        @Specialization
        Object doInit(Task self, Object coro, Object loop, Object name, Object ctx, Object eagerStart) {
            TaskArguments a = new TaskArguments(AioContext.get(this), coro, loop, ctx, eagerStart);
            self.init(a.loop, a.coroutine, AsyncioModule.taskName(name), a.eager, a.context);
            return PyNone.NONE;
        }
    }

    /** The arguments of {@code Task(...)} and {@code Task.__init__}, checked and defaulted as CPython's. */
    private static final class TaskArguments {
        final EventLoop loop;
        final CoroutineLike coroutine;
        final boolean eager;
        /** The context given, or null for a copy of the current one. */
        final PyContext context;

        @TruffleBoundary
        TaskArguments(AioContext aio, Object coro, Object loopArg, Object ctx, Object eagerStart) {
            this.loop = loopArg instanceof EventLoop given ? given : AsyncioModule.eventLoop(aio);
            this.coroutine = AsyncioModule.coroutine(coro, "a coroutine was expected, got ");
            this.eager = eagerStart != Missing.INSTANCE && PyOps.isTrue(eagerStart);
            this.context = ctx == Missing.INSTANCE || ctx == PyNone.NONE ? null : ContextMethods.contextOrCopy(aio, ctx);
        }
    }
}
