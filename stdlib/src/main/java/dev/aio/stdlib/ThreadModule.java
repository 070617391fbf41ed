package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.Traceback;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * The {@code _thread} module, after CPython's Modules/_threadmodule.c: threads that run aio code one
 * at a time under the interpreter lock ({@link dev.aio.StartedThreads}), and the locks
 * {@code threading} builds on ({@link ThreadLock}, {@link ThreadRLock}). {@code threading} itself is
 * written in aio ({@code threading.aio}) on these.
 */
public final class ThreadModule {
    private ThreadModule() {
    }

    static void install() {
        for (PyType lockType : new PyType[]{ThreadLock.TYPE, ThreadRLock.TYPE}) {
            lockType.defineBuiltins(ThreadLockingMethodsFactory.getFactories());
        }
        ThreadLock.TYPE.defineBuiltins(ThreadLockMethodsFactory.getFactories());
        ThreadRLock.TYPE.defineBuiltins(ThreadRLockMethodsFactory.getFactories());
        ThreadHandle.TYPE.defineBuiltins(ThreadHandleMethodsFactory.getFactories());
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_thread");
        m.put("LockType", ThreadLock.TYPE);
        m.put("lock", ThreadLock.TYPE);
        m.put("RLock", ThreadRLock.TYPE);
        m.put("_ThreadHandle", ThreadHandle.TYPE);
        m.put("TIMEOUT_MAX", ThreadLock.TIMEOUT_MAX);
        m.put("error", BuiltinTypes.RUNTIME_ERROR);
        m.defineFunctions(context.getLanguage(), ThreadModuleFactory.getFactories());
        return m;
    }

    /** An exception that ends a thread started by {@code start_new_thread}, reported as CPython's {@code sys.unraisablehook} does; SystemExit ends it quietly. */
    @TruffleBoundary
    private static void reportUnhandled(AioContext context, Object function, AioException e) {
        if (e.getPyType().isSubtypeOf(BuiltinTypes.SYSTEM_EXIT)) {
            return;
        }
        context.out().flush();
        context.err().print("Exception ignored in thread started by: " + PyOps.repr(function) + "\n" + Traceback.format(e.getException()));
        context.err().flush();
    }

    @Builtin(name = "start_new_thread", params = {"function", "args", "kwargs"}, required = 2)
    @GenerateNodeFactory
    abstract static class StartNewThreadNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doStart(Object function, Object args, Object kwargs) {
            AioContext context = AioContext.get(this);
            if (!Calls.isCallable(function)) {
                throw PyErrors.typeError("first arg must be callable");
            }
            if (!(args instanceof PyTuple tuple)) {
                throw PyErrors.typeError("2nd arg must be a tuple");
            }
            Object kw = Args.orDefault(kwargs, null);
            if (kw != null && !(kw instanceof PyDict)) {
                throw PyErrors.typeError("optional 3rd arg must be a dictionary");
            }
            String[] names = new String[0];
            Object[] values = new Object[0];
            if (kw instanceof PyDict d) {
                Object[] keys = d.keys();
                names = new String[keys.length];
                values = new Object[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    names[i] = (String) keys[i];
                    values[i] = d.get(keys[i]);
                }
            }
            String[] kwNames = names;
            Object[] kwValues = values;
            Thread t = context.startedThreads().start(() -> {
                try {
                    Calls.call(function, tuple.items(), kwNames, kwValues);
                } catch (AioException e) {
                    reportUnhandled(context, function, e);
                }
            }, true);
            return t.threadId();
        }
    }

    /**
     * CPython 3.13's {@code start_joinable_thread(function, daemon=True)}: {@code threading.Thread}
     * starts its threads with it and joins them through the handle; the run waits for non-daemon
     * ones at its end. {@code function} takes no arguments and handles its own exceptions.
     */
    @Builtin(name = "start_joinable_thread", params = {"function"}, kwOnly = {"daemon"})
    @GenerateNodeFactory
    abstract static class StartJoinableThreadNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doStart(Object function, Object daemon) {
            AioContext context = AioContext.get(this);
            Thread t = context.startedThreads().start(() -> {
                try {
                    Calls.call(function);
                } catch (AioException e) {
                    reportUnhandled(context, function, e);
                }
            }, !Args.given(daemon) || PyOps.isTrue(daemon));
            return new ThreadHandle(t);
        }
    }

    @Builtin(name = "allocate_lock")
    @GenerateNodeFactory
    abstract static class AllocateLockNode extends BuiltinNode {
        @Specialization
        static Object doAllocate() {
            return new ThreadLock();
        }
    }

    @Builtin(name = "get_ident")
    @GenerateNodeFactory
    abstract static class GetIdentNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doGetIdent() {
            return Thread.currentThread().threadId();
        }
    }

    /** The JVM has no native thread id to offer: the ident is unique too. */
    @Builtin(name = "get_native_id")
    @GenerateNodeFactory
    abstract static class GetNativeIdNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doGetNativeId() {
            return Thread.currentThread().threadId();
        }
    }

    @Builtin(name = "_count")
    @GenerateNodeFactory
    abstract static class CountNode extends BuiltinNode {
        @Specialization
        long doCount() {
            return AioContext.get(this).startedThreads().count();
        }
    }

    /** CPython 3.12's {@code _get_main_thread_ident()}. */
    @Builtin(name = "_get_main_thread_ident")
    @GenerateNodeFactory
    abstract static class GetMainThreadIdentNode extends BuiltinNode {
        @Specialization
        long doMain() {
            return AioContext.get(this).startedThreads().mainThreadIdent();
        }
    }

    /**
     * The clock of thread waits (lock, join and condition timeouts): real monotonic seconds, even
     * under {@code --virtual-time}, where {@code time.monotonic()} stands still while threads wait.
     */
    @Builtin(name = "_monotonic")
    @GenerateNodeFactory
    abstract static class MonotonicNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static double doMonotonic() {
            return System.nanoTime() / 1e9;
        }
    }

    /** The JVM's name of the current thread (a default executor's thread is {@code asyncio_N}, as CPython names it). */
    @Builtin(name = "_thread_name")
    @GenerateNodeFactory
    abstract static class ThreadNameNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doName() {
            return Thread.currentThread().getName();
        }
    }
}
