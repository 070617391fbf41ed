package dev.aio.stdlib.asyncio;

import java.nio.channels.SelectableChannel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.asyncio.CallbackSource;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.HandleObject;
import dev.aio.kernel.Handle;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.ProgramSignals;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;
import dev.aio.stdlib.ContextMethods;
import dev.aio.stdlib.Watchable;

/** Methods of the event loop object ({@code asyncio.get_running_loop()}, {@code asyncio.new_event_loop()}). */
public final class LoopMethods {
    private LoopMethods() {
    }

    /** Installs these on the event loop. */
    static void install() {
        EventLoop.TYPE.defineBuiltins(LoopMethodsFactory.getFactories());
    }

    /**
     * {@code asyncio.SelectorEventLoop()}: a new loop, as the default policy's {@code new_event_loop}
     * makes (aio's loop has no selector to choose: {@code selector} is accepted as in CPython).
     */
    @Builtin(name = "_UnixSelectorEventLoop", constructor = true, params = {"cls", "selector"}, required = 1)
    @GenerateNodeFactory
    abstract static class NewLoopNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object selector) {
            return AioContext.get(this).newEventLoop();
        }
    }

    @Builtin(name = "run_forever", params = {"self"})
    @GenerateNodeFactory
    abstract static class RunForeverNode extends BuiltinNode {
        @Specialization
        static Object doRun(EventLoop self) {
            self.runForever();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "stop", params = {"self"})
    @GenerateNodeFactory
    abstract static class StopNode extends BuiltinNode {
        @Specialization
        static Object doStop(EventLoop self) {
            self.stop();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "time", params = {"self"})
    @GenerateNodeFactory
    abstract static class TimeNode extends BuiltinNode {
        @Specialization
        static double doTime(EventLoop self) {
            return self.time();
        }
    }

    @Builtin(name = "create_future", params = {"self"})
    @GenerateNodeFactory
    abstract static class CreateFutureNode extends BuiltinNode {
        @Specialization
        static Object doCreate(EventLoop self) {
            return new Future(self);
        }
    }

    @Builtin(name = "create_task", params = {"self", "coro"}, kwOnly = {"name", "context"})
    @GenerateNodeFactory
    abstract static class CreateTaskNode extends BuiltinNode {
        @Specialization
        Object doCreate(EventLoop self, Object coro, Object name, Object ctx) {
            if (self.isClosed()) {
                throw PyErrors.runtimeError("Event loop is closed");
            }
            return AsyncioModule.createTask(self, coro, name, ctx);
        }
    }

    @Builtin(name = "set_task_factory", params = {"self", "factory"})
    @GenerateNodeFactory
    abstract static class SetTaskFactoryNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSet(EventLoop self, Object factory) {
            if (factory != PyNone.NONE && !Calls.isCallable(factory)) {
                throw PyErrors.typeError("task factory must be a callable or None");
            }
            self.setTaskFactory(factory == PyNone.NONE ? null : factory);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_task_factory", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetTaskFactoryNode extends BuiltinNode {
        @Specialization
        static Object doGet(EventLoop self) {
            Object f = self.getTaskFactory();
            return f == null ? PyNone.NONE : f;
        }
    }

    /** For loops not run by {@code asyncio.run}: {@code asyncio.new_event_loop()}, {@code Runner.get_loop()}. */
    @Builtin(name = "run_until_complete", params = {"self", "future"})
    @GenerateNodeFactory
    abstract static class RunUntilCompleteNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRun(EventLoop self, Object future) {
            if (self.isClosed()) {
                throw PyErrors.runtimeError("Event loop is closed");
            }
            if (self.isRunning()) {
                throw PyErrors.runtimeError("This event loop is already running");
            }
            return self.runUntilComplete(AsyncioModule.ensureFuture(self, future));
        }
    }

    @Builtin(name = "close", params = {"self"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doClose(EventLoop self) {
            if (self.isRunning()) {
                throw PyErrors.runtimeError("Cannot close a running event loop");
            }
            if (!self.isClosed()) {
                self.reportUnretrievedExceptions();
                self.close();
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "shutdown_asyncgens", params = {"self"})
    @GenerateNodeFactory
    abstract static class ShutdownAsyncgensNode extends BuiltinNode {
        @Specialization
        static Object doShutdown(EventLoop self) {
            return self.shutdownAsyncgens();
        }
    }

    @Builtin(name = "is_running", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsRunningNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(EventLoop self) {
            return self.isRunning();
        }
    }

    /** {@code loop.get_debug()}: what {@code set_debug} was given (debug mode is on when it is true; see {@link EventLoop#callbackRan}). */
    @Builtin(name = "get_debug", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetDebugNode extends BuiltinNode {
        @Specialization
        static Object doGet(EventLoop self) {
            return self.getDebug();
        }
    }

    /** {@code loop.set_debug(enabled)}: any object, kept as given, as CPython keeps it. */
    @Builtin(name = "set_debug", params = {"self", "enabled"})
    @GenerateNodeFactory
    abstract static class SetDebugNode extends BuiltinNode {
        @Specialization
        static Object doSet(EventLoop self, Object enabled) {
            self.setDebug(enabled);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "is_closed", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsClosedNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(EventLoop self) {
            return self.isClosed();
        }
    }

    /** {@code loop.call_exception_handler(context)}: the handler set, else the default one. */
    @Builtin(name = "call_exception_handler", params = {"self", "context"})
    @GenerateNodeFactory
    abstract static class CallExceptionHandlerNode extends BuiltinNode {
        @Specialization
        static Object doHandle(EventLoop self, PyDict context) {
            self.callExceptionHandler(context);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "default_exception_handler", params = {"self", "context"})
    @GenerateNodeFactory
    abstract static class DefaultExceptionHandlerNode extends BuiltinNode {
        @Specialization
        static Object doHandle(EventLoop self, PyDict context) {
            self.defaultExceptionHandler(context);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_exception_handler", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetExceptionHandlerNode extends BuiltinNode {
        @Specialization
        static Object doGet(EventLoop self) {
            Object handler = self.getExceptionHandler();
            return handler == null ? PyNone.NONE : handler;
        }
    }

    @Builtin(name = "set_exception_handler", params = {"self", "handler"})
    @GenerateNodeFactory
    abstract static class SetExceptionHandlerNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSet(EventLoop self, Object handler) {
            if (handler != PyNone.NONE && !Calls.isCallable(handler)) {
                throw PyErrors.typeError("A callable object or None is expected, got " + PyOps.repr(handler));
            }
            self.setExceptionHandler(handler == PyNone.NONE ? null : handler);
            return PyNone.NONE;
        }
    }

    /** A callback as CPython's Handle runs it: in the context given, else in a copy of the one current when it was scheduled. */
    /** The handle of a callback the program scheduled; in debug mode it notes where ({@code created at} in its repr). */
    private static HandleObject scheduled(EventLoop loop, Handle handle) {
        handle.setCreatedAt(loop.creationSite());
        return new HandleObject(handle);
    }

    private static Runnable inContext(EventLoop loop, Object ctx, Object callback, PyTuple args) {
        PyContext context = ContextMethods.contextOrCopy(loop.context(), ctx);
        return () -> context.run(loop.context(), () -> Calls.call(callback, args.items()));
    }

    /** A socket or pipe the loop may watch (CPython takes any object with a {@code fileno()}; aio's selector needs a channel). */
    private static Watchable watchable(Object fileobj) {
        if (fileobj instanceof Watchable w) {
            return w;
        }
        throw PyErrors.valueError("Invalid file object: " + PyOps.repr(fileobj) + " (aio's loop watches sockets of its socket module and pipes of its subprocesses)");
    }

    @Builtin(name = "add_reader", params = {"self", "fd", "callback"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class AddReaderNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doAdd(EventLoop self, Object fd, Object callback, PyTuple args) {
            Watchable s = watchable(fd);
            self.scheduler().addReader(s.selectable(), inContext(self, Missing.INSTANCE, callback, args), CallbackSource.describe(callback, args.items()), s.waitsForOutside(),
                            s::readableOnTheWay);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "add_writer", params = {"self", "fd", "callback"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class AddWriterNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doAdd(EventLoop self, Object fd, Object callback, PyTuple args) {
            Watchable s = watchable(fd);
            self.scheduler().addWriter(s.selectable(), inContext(self, Missing.INSTANCE, callback, args), CallbackSource.describe(callback, args.items()), s.waitsForOutside(),
                            s::writableOnTheWay);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "remove_reader", params = {"self", "fd"})
    @GenerateNodeFactory
    abstract static class RemoveReaderNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doRemove(EventLoop self, Object fd) {
            SelectableChannel channel = watchable(fd).channelOrNull();
            return channel != null && self.scheduler().removeReader(channel);
        }
    }

    @Builtin(name = "remove_writer", params = {"self", "fd"})
    @GenerateNodeFactory
    abstract static class RemoveWriterNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doRemove(EventLoop self, Object fd) {
            SelectableChannel channel = watchable(fd).channelOrNull();
            return channel != null && self.scheduler().removeWriter(channel);
        }
    }

    /** CPython's {@code _check_signal}: a signal number (an int, or a {@code signal.Signals} member). */
    private static int checkSignal(Object signal) {
        Object sig = PyValueInstance.unwrapInt(signal);
        if (!(sig instanceof Long) && !(sig instanceof Boolean) && SpecialMethods.lookup(sig, "__index__") == null) {
            throw PyErrors.typeError("sig must be an int, not " + PyOps.repr(sig));
        }
        long n = sig instanceof Long l ? l : sig instanceof Boolean b ? (b ? 1 : 0) : (Long) SpecialMethods.call(sig, "__index__");
        if (n < 1 || n >= ProgramSignals.NSIG || n == 32 || n == 33) {
            throw PyErrors.valueError("invalid signal number " + PyOps.str(signal));
        }
        return (int) n;
    }

    @Builtin(name = "add_signal_handler", params = {"self", "sig", "callback"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class AddSignalHandlerNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doAdd(EventLoop self, Object sig, Object callback, PyTuple args) {
            PyModule asyncio = self.context().importModule("asyncio");
            if (callback instanceof CoroutineLike || PyOps.isTrue(Calls.call(asyncio.get("iscoroutinefunction"), callback))) {
                throw PyErrors.typeError("coroutines cannot be used with add_signal_handler()");
            }
            int signum = checkSignal(sig);
            if (self.isClosed()) {
                throw PyErrors.runtimeError("Event loop is closed");
            }
            self.addSignalHandler(signum, inContext(self, Missing.INSTANCE, callback, args), CallbackSource.describe(callback, args.items()), asyncio.get("_sighandler_noop"));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "remove_signal_handler", params = {"self", "sig"})
    @GenerateNodeFactory
    abstract static class RemoveSignalHandlerNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doRemove(EventLoop self, Object sig) {
            return self.removeSignalHandler(checkSignal(sig));
        }
    }

    @Builtin(name = "call_soon", params = {"self", "callback"}, varargs = "args", kwOnly = {"context"})
    @GenerateNodeFactory
    abstract static class CallSoonNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCall(EventLoop self, Object callback, PyTuple args, Object ctx) {
            return scheduled(self, self.callSoon(inContext(self, ctx, callback, args), () -> CallbackSource.describe(callback, args.items())));
        }
    }

    @Builtin(name = "call_soon_threadsafe", params = {"self", "callback"}, varargs = "args", kwOnly = {"context"})
    @GenerateNodeFactory
    abstract static class CallSoonThreadsafeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCall(EventLoop self, Object callback, PyTuple args, Object ctx) {
            return scheduled(self, self.callSoonThreadsafe(inContext(self, ctx, callback, args), CallbackSource.describe(callback, args.items())));
        }
    }

    /** Only the default executor ({@code None}): aio has no concurrent.futures executors. */
    @Builtin(name = "run_in_executor", params = {"self", "executor", "func"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class RunInExecutorNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRun(EventLoop self, Object executor, Object func, PyTuple args) {
            if (executor != PyNone.NONE) {
                // As CPython: executor.submit(func, *args), wrapped as a future of this loop.
                Object submitted = Calls.call(Attributes.get(executor, "submit"), Calls.prepend(func, args.items()));
                Object wrapped = AsyncioModule.wrapConcurrentFuture(self, submitted);
                if (wrapped == null) {
                    throw PyErrors.typeError("aio runs calls on the default executor (None) or a concurrent.futures.ThreadPoolExecutor, not " + PyOps.typeName(executor));
                }
                return wrapped;
            }
            return self.defaultExecutor().submit(func, args.items(), null, null);
        }
    }

    @Builtin(name = "shutdown_default_executor", params = {"self"})
    @GenerateNodeFactory
    abstract static class ShutdownDefaultExecutorNode extends BuiltinNode {
        @Specialization
        static Object doShutdown(EventLoop self) {
            return new ShutdownDefaultExecutor(self);
        }
    }

    @Builtin(name = "call_later", params = {"self", "delay", "callback"}, varargs = "args", kwOnly = {"context"})
    @GenerateNodeFactory
    abstract static class CallLaterNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCall(EventLoop self, Object delay, Object callback, PyTuple args, Object ctx) {
            if (!Numbers.isNumber(PyValueInstance.unwrap(delay))) {
                throw PyErrors.typeError("unsupported operand type(s) for +: 'float' and '" + PyOps.typeName(delay) + "'");
            }
            double d = Numbers.toDouble(PyValueInstance.unwrap(delay));
            return scheduled(self, self.callLater(d, inContext(self, ctx, callback, args), () -> CallbackSource.describe(callback, args.items())));
        }
    }

    @Builtin(name = "call_at", params = {"self", "when", "callback"}, varargs = "args", kwOnly = {"context"})
    @GenerateNodeFactory
    abstract static class CallAtNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCall(EventLoop self, Object when, Object callback, PyTuple args, Object ctx) {
            if (!Numbers.isNumber(PyValueInstance.unwrap(when))) {
                throw PyErrors.typeError("'>=' not supported between instances of '" + PyOps.typeName(when) + "' and 'float'");
            }
            double w = Numbers.toDouble(PyValueInstance.unwrap(when));
            return scheduled(self, self.callAt(w, inContext(self, ctx, callback, args), () -> CallbackSource.describe(callback, args.items())));
        }
    }
}
