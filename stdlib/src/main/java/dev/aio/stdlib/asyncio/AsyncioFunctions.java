package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.kernel.CoroutineLike;
import dev.aio.kernel.EventLoop;
import dev.aio.kernel.Future;
import dev.aio.kernel.Task;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PySet;
import dev.aio.runtime.PyTuple;

/** The functions of the {@code asyncio} module. */
public final class AsyncioFunctions {
    private AsyncioFunctions() {
    }

    static EventLoop runningLoop(AioContext context) {
        EventLoop loop = context.getRunningLoop();
        if (loop == null) {
            throw PyErrors.runtimeError("no running event loop");
        }
        return loop;
    }

    static String taskName(AioContext context, Object name) {
        return name == Missing.INSTANCE || name == PyNone.NONE ? context.nextTaskName() : PyOps.str(name);
    }

    static CoroutineLike coroutine(Object coro, String error) {
        if (coro instanceof CoroutineLike c) {
            return c;
        }
        throw PyErrors.typeError(error + PyOps.repr(coro));
    }

    /** {@code ensure_future}: a future as is, a coroutine wrapped in a new task. */
    @TruffleBoundary
    static Future ensureFuture(EventLoop loop, Object arg) {
        if (arg instanceof Future f) {
            return f;
        }
        if (arg instanceof CoroutineLike c) {
            AioContext context = loop.context();
            return new Task(loop, c, context.nextTaskName());
        }
        throw PyErrors.typeError("An asyncio.Future, a coroutine or an awaitable is required");
    }

    @Builtin(name = "run", params = {"main"}, kwOnly = {"debug"})
    @GenerateNodeFactory
    abstract static class RunNode extends BuiltinNode {
        @Specialization
        Object doRun(Object main, Object debug) {
            return run(AioContext.get(this), main);
        }

        @TruffleBoundary
        static Object run(AioContext context, Object main) {
            if (context.getRunningLoop() != null) {
                throw PyErrors.runtimeError("asyncio.run() cannot be called from a running event loop");
            }
            if (dev.aio.kernel.DefaultExecutor.ofCurrentThread() != null) {
                // CPython would run a second loop in this thread; aio has one loop per program.
                throw PyErrors.runtimeError("aio runs one event loop per program: asyncio.run() cannot be called in a worker thread");
            }
            if (!(main instanceof CoroutineLike coro)) {
                throw PyErrors.valueError("a coroutine was expected, got " + PyOps.repr(main));
            }
            EventLoop loop = context.newEventLoop();
            context.setRunningLoop(loop);
            // An internal error leaves the loop as it is: cleaning up could only hide it.
            boolean internalError = true;
            try {
                Task task = new Task(loop, coro, context.nextTaskName());
                Object result = loop.runUntilComplete(task);
                internalError = false;
                return result;
            } catch (AioException e) {
                internalError = false;
                throw e;
            } finally {
                try {
                    if (!internalError) {
                        shutdown(context, loop);
                    }
                } finally {
                    loop.reportUnretrievedExceptions();
                    loop.close();
                    context.setRunningLoop(null);
                }
            }
        }

        /** asyncio.Runner.close(): cancel what is left, then the two shutdown steps CPython runs as tasks. */
        private static void shutdown(AioContext context, EventLoop loop) {
            java.util.List<Task> toCancel = loop.pendingTasks();
            if (!toCancel.isEmpty()) {
                for (Task t : toCancel) {
                    t.cancel(null);
                }
                loop.runUntilComplete(Gather.gather(loop, toCancel.toArray(), true));
                for (Task t : toCancel) {
                    if (!t.isCancelled() && t.exception() instanceof dev.aio.runtime.PyBaseException e) {
                        context.reportCallbackError("unhandled exception during asyncio.run() shutdown\ntask: " + t.repr(), e);
                    }
                }
            }
            loop.runUntilComplete(new Task(loop, new Immediate("BaseEventLoop.shutdown_asyncgens"), context.nextTaskName()));
            loop.runUntilComplete(new Task(loop, new ShutdownDefaultExecutor(loop), context.nextTaskName()));
        }
    }

    @Builtin(name = "to_thread", params = {"func"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ToThreadNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doToThread(Object func, PyTuple args, dev.aio.runtime.PyDict kwargs) {
            Object[] keys = kwargs.keys();
            String[] kwNames = new String[keys.length];
            Object[] kwValues = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                kwNames[i] = (String) keys[i];
                kwValues[i] = kwargs.get(keys[i]);
            }
            return new ToThread(AioContext.get(this), func, args.items(), kwNames, kwValues);
        }
    }

    /** A coroutine that finishes at its first step. */
    static final class Immediate extends BuiltinCoroutine {
        Immediate(String name) {
            super(name);
        }

        @Override
        protected Object resume(Object sent) {
            if (sent instanceof dev.aio.kernel.ThrowRequest t) {
                throw new AioException(t.exception(), null);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "sleep", params = {"delay", "result"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class SleepNode extends BuiltinNode {
        @Specialization
        Object doSleep(Object delay, Object result) {
            if (!Numbers.isNumber(delay)) {
                throw PyErrors.typeError("'<=' not supported between instances of '" + PyOps.typeName(delay) + "' and 'int'");
            }
            return new Sleep(AioContext.get(this), Numbers.toDouble(delay), result == Missing.INSTANCE ? PyNone.NONE : result);
        }
    }

    @Builtin(name = "gather", varargs = "coros_or_futures", kwOnly = {"return_exceptions"})
    @GenerateNodeFactory
    abstract static class GatherNode extends BuiltinNode {
        @Specialization
        Object doGather(PyTuple aws, Object returnExceptions) {
            boolean collect = returnExceptions != Missing.INSTANCE && PyOps.isTrue(returnExceptions);
            return Gather.gather(runningLoop(AioContext.get(this)), aws.items(), collect);
        }
    }

    @Builtin(name = "create_task", params = {"coro"}, kwOnly = {"name", "context"})
    @GenerateNodeFactory
    abstract static class CreateTaskNode extends BuiltinNode {
        @Specialization
        Object doCreateTask(Object coro, Object name, Object ctx) {
            AioContext context = AioContext.get(this);
            EventLoop loop = runningLoop(context);
            // CPython 3.11 creates the task unnamed, using up a Task-N number, then renames it.
            Task task = new Task(loop, coroutine(coro, "a coroutine was expected, got "), context.nextTaskName());
            if (name != Missing.INSTANCE && name != PyNone.NONE) {
                task.setName(PyOps.str(name));
            }
            return task;
        }
    }

    @Builtin(name = "ensure_future", params = {"coro_or_future"}, kwOnly = {"loop"})
    @GenerateNodeFactory
    abstract static class EnsureFutureNode extends BuiltinNode {
        @Specialization
        Object doEnsure(Object arg, Object loop) {
            return ensureFuture(runningLoop(AioContext.get(this)), arg);
        }
    }

    @Builtin(name = "current_task", params = {"loop"}, required = 0)
    @GenerateNodeFactory
    abstract static class CurrentTaskNode extends BuiltinNode {
        @Specialization
        Object doCurrent(Object loop) {
            Task t = runningLoop(AioContext.get(this)).getCurrentTask();
            return t == null ? PyNone.NONE : t;
        }
    }

    @Builtin(name = "all_tasks", params = {"loop"}, required = 0)
    @GenerateNodeFactory
    abstract static class AllTasksNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doAll(Object loop) {
            PySet set = new PySet();
            for (Task t : runningLoop(AioContext.get(this)).pendingTasks()) {
                set.add(t);
            }
            return set;
        }
    }

    @Builtin(name = "get_running_loop")
    @GenerateNodeFactory
    abstract static class GetRunningLoopNode extends BuiltinNode {
        @Specialization
        Object doGet() {
            return runningLoop(AioContext.get(this));
        }
    }

    @Builtin(name = "iscoroutinefunction", params = {"func"})
    @GenerateNodeFactory
    abstract static class IsCoroutineFunctionNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(Object func) {
            Object f = func instanceof dev.aio.runtime.PyBoundMethod m ? m.getFunction() : func;
            return f instanceof dev.aio.runtime.PyFunction fn && fn.getCode().isCoroutine();
        }
    }

    @Builtin(name = "iscoroutine", params = {"obj"})
    @GenerateNodeFactory
    abstract static class IsCoroutineNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(Object obj) {
            return obj instanceof CoroutineLike;
        }
    }

}
