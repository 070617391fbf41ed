package dev.aio.stdlib.asyncio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.asyncio.Awaitable;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.HostFuture;
import dev.aio.asyncio.Task;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.AsyncOps;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.Overrides;
import dev.aio.runtime.PyBoundMethod;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyInstance;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PySet;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;
import dev.aio.stdlib.ContextMethods;

/**
 * The {@code asyncio} module: its functions, and the module assembled from its parts (as CPython's
 * {@code asyncio/__init__.py} gathers {@code from .tasks import *} and the rest): the types written
 * in Java, one file per concept (Queue, Lock, Event, Semaphore, Runner, and the kernel's Future,
 * Task and loop), then the parts written in aio.
 */
public final class AsyncioModule {
    /** The types and exceptions the module exports, each under its own name. */
    private static final List<PyType> TYPES = List.of(Future.TYPE, Task.TYPE, Runner.TYPE, Queue.TYPE, Queue.LIFO_TYPE, Queue.PRIORITY_TYPE, Event.TYPE, Lock.TYPE,
                    Semaphore.TYPE, Semaphore.BOUNDED_TYPE, Queue.QUEUE_EMPTY, Queue.QUEUE_FULL, Queue.QUEUE_SHUT_DOWN, BuiltinTypes.CANCELLED_ERROR,
                    BuiltinTypes.INVALID_STATE_ERROR, BuiltinTypes.TIMEOUT_ERROR);

    /** The parts written in aio, one per concept as in Lib/asyncio, run into the module in this order. */
    private static final List<String> AIO_PARTS = List.of("events", "tasks", "timeouts", "locks", "taskgroups", "base_events", "transports", "protocols", "selector_events", "sslproto", "streams",
                    "base_subprocess", "subprocess");

    private AsyncioModule() {
    }

    /** Installs the methods and constructors of asyncio's types (types are shared by every context). */
    public static void installTypes() {
        FutureMethods.install();
        TaskMethods.install();
        RunnerMethods.install();
        QueueMethods.install();
        EventMethods.install();
        LockMethods.install();
        LoopMethods.install();
        LoopIoMethods.install();
        HandleMethods.install();
        TimerHandleMethods.install();
        ConcurrentFutureMethods.install();
        for (PyType t : List.of(BuiltinTypes.CANCELLED_ERROR, BuiltinTypes.INVALID_STATE_ERROR, ConcurrentFuture.CANCELLED_ERROR)) {
            t.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
        }
    }

    /** {@code asyncio.coroutines._is_coroutine}: an object's {@code _is_coroutine} attribute set to it makes iscoroutinefunction() true. */
    private static final Object IS_COROUTINE_MARK = new PyInstance(BuiltinTypes.OBJECT);

    public static PyModule create(AioContext context) {
        PyModule m = new PyModule("asyncio");
        m.defineFunctions(context.getLanguage(), AsyncioModuleFactory.getFactories());
        for (PyType t : TYPES) {
            m.put(t.getName(), t);
        }
        m.put("AbstractEventLoop", EventLoop.ABSTRACT_TYPE);
        m.put("SelectorEventLoop", EventLoop.TYPE);
        for (String part : AIO_PARTS) {
            context.runSourceInto(m, "<aio>/asyncio/" + part + ".aio", resource(part + ".aio"), true);
        }
        m.put("_is_coroutine", IS_COROUTINE_MARK);
        AsyncioSubmodules.install(context, m);
        return m;
    }

    private static String resource(String name) {
        try (InputStream in = AsyncioModule.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("aio's asyncio sources are missing from the class path: " + name, e);
        }
    }

    /** The name a new task is given: null for {@code "Task-N"}, numbered by the task. */
    static String taskName(Object name) {
        return name == Missing.INSTANCE || name == PyNone.NONE ? null : PyOps.str(name);
    }

    static CoroutineLike coroutine(Object coro, String error) {
        if (coro instanceof CoroutineLike c) {
            return c;
        }
        throw PyErrors.typeError(error + PyOps.repr(coro));
    }

    /** {@code ensure_future}: a future as is, a coroutine wrapped in a new task, a Java future as an aio one. */
    @TruffleBoundary
    static Future ensureFuture(EventLoop loop, Object arg) {
        if (arg instanceof Future f) {
            return f;
        }
        if (arg instanceof CoroutineLike) {
            return createTask(loop, arg, Missing.INSTANCE, Missing.INSTANCE);
        }
        CompletionStage<?> stage = HostFuture.stageOf(loop.context().getEnv(), arg);
        if (stage != null) {
            return HostFuture.wrap(loop, stage);
        }
        if (arg instanceof Awaitable || SpecialMethods.lookup(arg, "__await__") != null) {
            return createTask(loop, new WrapAwaitable((Awaitable) AsyncOps.getAwaitable(arg)), Missing.INSTANCE, Missing.INSTANCE);
        }
        throw PyErrors.typeError("An asyncio.Future, a coroutine or an awaitable is required");
    }

    /** CPython's {@code _wrap_awaitable}: a coroutine that awaits any awaitable, so that a task can run it. */
    private static final class WrapAwaitable extends BuiltinCoroutine {
        private final Awaitable inner;
        private boolean started;

        WrapAwaitable(Awaitable inner) {
            this.inner = inner;
        }

        @Override
        public String qualName() {
            return "_wrap_awaitable";
        }

        @Override
        protected Object resume(Object sent) {
            Object r = inner.step(started ? sent : AwaitSignal.START);
            started = true;
            return r == AwaitSignal.PENDING ? suspend(inner.yielded()) : r;
        }
    }

    /**
     * {@code loop.create_task(coro, name=...)}: a Task, or what the loop's task factory makes of
     * {@code (loop, coro)}, then named (CPython 3.12).
     */
    @TruffleBoundary
    static Future createTask(EventLoop loop, Object coro, Object name, Object context) {
        boolean contextGiven = context != Missing.INSTANCE && context != PyNone.NONE;
        Object factory = loop.getTaskFactory();
        if (factory == null) {
            PyContext taskContext = contextGiven ? ContextMethods.contextOrCopy(loop.context(), context) : null;
            return new Task(loop, coroutine(coro, "a coroutine was expected, got "), taskName(name), false, taskContext);
        }
        // As CPython 3.11's create_task: the factory gets context= only when one was given.
        Object made = contextGiven ? Calls.call(factory, new Object[]{loop, coro}, new String[]{"context"}, new Object[]{context}) : Calls.call(factory, loop, coro);
        if (!(made instanceof Future f)) {
            throw PyErrors.typeError("the task factory returned " + PyOps.repr(made) + ", not an asyncio.Future");
        }
        setTaskName(f, name);
        return f;
    }

    /**
     * CPython's {@code tasks._set_task_name}: {@code task.set_name(name)} unless the name is None,
     * the {@code set_name} a class derived from Task defines if it has one.
     */
    @TruffleBoundary
    static void setTaskName(Future task, Object name) {
        if (name == Missing.INSTANCE || name == PyNone.NONE || !(task instanceof Task t)) {
            return;
        }
        Object setName = Overrides.find(t, t.getPyType(), "set_name");
        if (setName != null) {
            Calls.call(setName, name);
        } else {
            t.setName(PyOps.str(name));
        }
    }

    /**
     * The loop a future made outside a coroutine belongs to: the running loop, else the policy's
     * current one, as CPython 3.11's {@code events._get_event_loop()}.
     */
    @TruffleBoundary
    static EventLoop eventLoop(AioContext context) {
        EventLoop running = context.getRunningLoop();
        if (running != null) {
            return running;
        }
        Object loop = Calls.call(context.importModule("asyncio").get("_get_event_loop"));
        if (!(loop instanceof EventLoop l)) {
            throw PyErrors.typeError("aio runs futures only on its own event loop, not on " + PyOps.repr(loop));
        }
        return l;
    }

    /** {@code asyncio._get_running_loop()}: the loop running in this thread, or None. */
    @Builtin(name = "_get_running_loop")
    @GenerateNodeFactory
    abstract static class UnderscoreGetRunningLoopNode extends BuiltinNode {
        @Specialization
        Object doGet() {
            EventLoop loop = AioContext.get(this).getRunningLoop();
            return loop == null ? PyNone.NONE : loop;
        }
    }

    /** {@code asyncio.run(main, debug=None)}: one run of a new {@link Runner}, closed afterwards. */
    @Builtin(name = "run", params = {"main"}, kwOnly = {"debug"})
    @GenerateNodeFactory
    abstract static class RunNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doRun(Object main, Object debug) {
            AioContext context = AioContext.get(this);
            if (context.getRunningLoop() != null) {
                throw PyErrors.runtimeError("asyncio.run() cannot be called from a running event loop");
            }
            Runner runner = new Runner(context, null, Runner.debugArgument(debug));
            // The Runner.run frame CPython's asyncio.run calls.
            CallDepth depth = CallDepth.current(this);
            try {
                depth.enterMachinery(1);
                try {
                    return runner.run(main, Missing.INSTANCE);
                } finally {
                    depth.exitMachinery(1);
                }
            } finally {
                runner.close();
            }
        }
    }

    @Builtin(name = "to_thread", params = {"func"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ToThreadNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doToThread(Object func, PyTuple args, PyDict kwargs) {
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

    @Builtin(name = "sleep", params = {"delay", "result"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class SleepNode extends BuiltinNode {
        @Specialization
        Object doSleep(Object seconds, Object result) {
            // A subclass of int or float (an IntEnum member, say) waits as its value.
            Object delay = PyValueInstance.unwrap(seconds);
            if (!Numbers.isNumber(delay)) {
                throw PyErrors.typeError("'<=' not supported between instances of '" + PyOps.typeName(delay) + "' and 'int'");
            }
            Object value = result == Missing.INSTANCE ? PyNone.NONE : result;
            if (Numbers.toDouble(delay) <= 0) {
                return new SleepZero(value);
            }
            return new Sleep(AioContext.get(this), delay, value);
        }
    }

    @Builtin(name = "gather", varargs = "coros_or_futures", kwOnly = {"return_exceptions"})
    @GenerateNodeFactory
    abstract static class GatherNode extends BuiltinNode {
        @Specialization
        Object doGather(PyTuple aws, Object returnExceptions) {
            boolean collect = returnExceptions != Missing.INSTANCE && PyOps.isTrue(returnExceptions);
            return Gather.gather(gatherLoop(AioContext.get(this), aws.items()), aws.items(), collect);
        }
    }

    /** As CPython's gather: the running loop, else the first future's, else the policy's current loop. */
    private static EventLoop gatherLoop(AioContext context, Object[] aws) {
        if (context.getRunningLoop() == null && aws.length > 0 && aws[0] instanceof Future f) {
            return f.getLoop();
        }
        return eventLoop(context);
    }

    @Builtin(name = "create_task", params = {"coro"}, kwOnly = {"name", "context"})
    @GenerateNodeFactory
    abstract static class CreateTaskNode extends BuiltinNode {
        @Specialization
        Object doCreateTask(Object coro, Object name, Object ctx) {
            EventLoop loop = AioContext.get(this).requireRunningLoop();
            // CPython 3.11 creates the task unnamed, using up a Task-N number, then renames it.
            Future task = createTask(loop, coro, Missing.INSTANCE, ctx);
            setTaskName(task, name);
            return task;
        }
    }

    /**
     * {@code asyncio.run_coroutine_threadsafe(coro, loop)}: runs the coroutine as a task of
     * {@code loop}, started on the loop's thread, and returns a concurrent future of its outcome
     * (CPython's tasks.py).
     */
    @Builtin(name = "run_coroutine_threadsafe", params = {"coro", "loop"})
    @GenerateNodeFactory
    abstract static class RunCoroutineThreadsafeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRun(Object coro, Object loop) {
            if (!(coro instanceof CoroutineLike)) {
                throw PyErrors.typeError("A coroutine object is required");
            }
            if (!(loop instanceof EventLoop l)) {
                throw PyErrors.attributeError(loop, "call_soon_threadsafe");
            }
            if (l.isClosed()) {
                throw PyErrors.runtimeError("Event loop is closed");
            }
            ConcurrentFuture future = new ConcurrentFuture(l);
            l.callSoonThreadsafe(() -> {
                try {
                    future.chain(ensureFuture(l, coro));
                } catch (AioException e) {
                    future.failToStart(e.getException());
                    throw e;
                }
            }, "run_coroutine_threadsafe.<locals>.callback()");
            return future;
        }
    }

    /** {@code asyncio.wrap_future}: a Java CompletionStage (aio's concurrent future) as an aio future; an aio future as is. */
    @Builtin(name = "wrap_future", params = {"future"}, kwOnly = {"loop"})
    @GenerateNodeFactory
    abstract static class WrapFutureNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doWrap(Object future, Object loop) {
            if (future instanceof Future f) {
                return f;
            }
            if (future instanceof ConcurrentFuture cf) {
                return cf.wrap(loop instanceof EventLoop given ? given : eventLoop(AioContext.get(this)));
            }
            EventLoop running = loop instanceof EventLoop given ? given : eventLoop(AioContext.get(this));
            Object chained = wrapConcurrentFuture(running, future);
            if (chained != null) {
                return chained;
            }
            CompletionStage<?> stage = HostFuture.stageOf(running.context().getEnv(), future);
            if (stage == null) {
                throw PyErrors.typeError("concurrent.futures.Future is expected, got " + PyOps.repr(future));
            }
            return HostFuture.wrap(running, stage);
        }
    }

    /**
     * A {@code concurrent.futures.Future} of aio's ThreadPoolExecutor (written in aio) as a future of
     * {@code loop}, chained as CPython's {@code futures._chain_future} does; null if it is not one.
     */
    @TruffleBoundary
    static Object wrapConcurrentFuture(EventLoop loop, Object future) {
        AioContext context = loop.context();
        if (context.sysModules().get("concurrent.futures") instanceof PyModule futures && futures.get("Future") instanceof PyType type && PyOps.isInstance(future, type)) {
            Future wrapped = (Future) Calls.call(context.importModule("asyncio").get("_wrap_concurrent_future"), future, loop);
            // Another thread completes it: until then the loop is not deadlocked, and virtual time stands still (as for a Java future).
            loop.scheduler().hostWaitStarted();
            wrapped.addDoneCallback(f -> loop.scheduler().hostWaitEnded(), "_chain_future.<locals>._call_check_cancel()");
            return wrapped;
        }
        return null;
    }

    @Builtin(name = "ensure_future", params = {"coro_or_future"}, kwOnly = {"loop"})
    @GenerateNodeFactory
    abstract static class EnsureFutureNode extends BuiltinNode {
        @Specialization
        Object doEnsure(Object arg, Object loop) {
            if (arg instanceof Future f) {
                return f;
            }
            return ensureFuture(loop instanceof EventLoop given ? given : eventLoop(AioContext.get(this)), arg);
        }
    }

    @Builtin(name = "current_task", params = {"loop"}, required = 0)
    @GenerateNodeFactory
    abstract static class CurrentTaskNode extends BuiltinNode {
        @Specialization
        Object doCurrent(Object loop) {
            Task t = AioContext.get(this).requireRunningLoop().getCurrentTask();
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
            for (Task t : AioContext.get(this).requireRunningLoop().pendingTasks()) {
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
            return AioContext.get(this).requireRunningLoop();
        }
    }

    @Builtin(name = "iscoroutinefunction", params = {"func"})
    @GenerateNodeFactory
    abstract static class IsCoroutineFunctionNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(Object func) {
            Object f = func instanceof PyBoundMethod m ? m.getFunction() : func;
            // Like inspect, look through functools.partial objects.
            while (f instanceof PyInstance p && p.getPyType().qualifiedName().equals("functools.partial")) {
                f = p.dict().get("func");
            }
            if (f instanceof PyFunction fn && fn.getCode().isCoroutine()) {
                return true;
            }
            // CPython 3.11's mark for objects that act as coroutine functions (unittest.mock's AsyncMock sets it).
            try {
                return Attributes.get(func, "_is_coroutine") == IS_COROUTINE_MARK;
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                    return false;
                }
                throw e;
            }
        }
    }

    /** The program's handler of a signal given to {@code loop.add_signal_handler} (CPython's {@code unix_events._sighandler_noop}): the loop runs the callback. */
    @Builtin(name = "_sighandler_noop", params = {"signum", "frame"})
    @GenerateNodeFactory
    abstract static class SighandlerNoopNode extends BuiltinNode {
        @Specialization
        static Object doNothing(Object signum, Object frame) {
            return PyNone.NONE;
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
