package dev.aio.stdlib.asyncio;

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
    @Builtin(name = "Task", constructor = true, params = {"cls", "coro"}, kwOnly = {"loop", "name", "context", "eager_start"})
    @GenerateNodeFactory
    abstract static class NewTaskNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object coro, Object loop, Object name, Object ctx, Object eagerStart) {
            AioContext context = AioContext.get(this);
            EventLoop l = loop instanceof EventLoop given ? given : AsyncioModule.eventLoop(context);
            CoroutineLike c = AsyncioModule.coroutine(coro, "a coroutine was expected, got ");
            boolean eager = eagerStart != Missing.INSTANCE && PyOps.isTrue(eagerStart);
            PyContext taskContext = ctx == Missing.INSTANCE || ctx == PyNone.NONE ? null : ContextMethods.contextOrCopy(context, ctx);
            return new Task(l, c, AsyncioModule.taskName(name), eager, taskContext);
        }
    }
}
