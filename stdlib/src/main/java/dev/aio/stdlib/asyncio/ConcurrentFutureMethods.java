package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyValueInstance;

/** Methods of the {@code concurrent.futures.Future} of {@code asyncio.run_coroutine_threadsafe}. */
public final class ConcurrentFutureMethods {
    private ConcurrentFutureMethods() {
    }

    /** Installs these on {@link ConcurrentFuture}. */
    static void install() {
        ConcurrentFuture.TYPE.defineBuiltins(ConcurrentFutureMethodsFactory.getFactories());
    }

    /** Seconds to wait: {@code None} is no limit (negative), a negative number none at all. */
    private static double timeout(Object seconds) {
        Object timeout = PyValueInstance.unwrap(seconds);
        if (timeout == Missing.INSTANCE || timeout == PyNone.NONE) {
            return -1;
        }
        if (!Numbers.isNumber(timeout)) {
            throw PyErrors.typeError("'<' not supported between instances of '" + PyOps.typeName(timeout) + "' and 'int'");
        }
        return Math.max(0, Numbers.toDouble(timeout));
    }

    @Builtin(name = "result", params = {"self", "timeout"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class ResultNode extends BuiltinNode {
        @Specialization
        static Object doResult(ConcurrentFuture self, Object timeout) {
            return self.result(timeout(timeout));
        }
    }

    @Builtin(name = "exception", params = {"self", "timeout"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class ExceptionNode extends BuiltinNode {
        @Specialization
        static Object doException(ConcurrentFuture self, Object timeout) {
            return self.exception(timeout(timeout));
        }
    }

    @Builtin(name = "done", params = {"self"})
    @GenerateNodeFactory
    abstract static class DoneNode extends BuiltinNode {
        @Specialization
        static boolean doDone(ConcurrentFuture self) {
            return self.isDone();
        }
    }

    @Builtin(name = "cancelled", params = {"self"})
    @GenerateNodeFactory
    abstract static class CancelledNode extends BuiltinNode {
        @Specialization
        static boolean doCancelled(ConcurrentFuture self) {
            return self.isCancelled();
        }
    }

    @Builtin(name = "running", params = {"self"})
    @GenerateNodeFactory
    abstract static class RunningNode extends BuiltinNode {
        @Specialization
        static boolean doRunning(ConcurrentFuture self) {
            return self.isRunning();
        }
    }

    @Builtin(name = "cancel", params = {"self"})
    @GenerateNodeFactory
    abstract static class CancelNode extends BuiltinNode {
        @Specialization
        static boolean doCancel(ConcurrentFuture self) {
            return self.cancel();
        }
    }

    @Builtin(name = "add_done_callback", params = {"self", "fn"})
    @GenerateNodeFactory
    abstract static class AddDoneCallbackNode extends BuiltinNode {
        @Specialization
        static Object doAdd(ConcurrentFuture self, Object fn) {
            self.addDoneCallback(fn);
            return PyNone.NONE;
        }
    }
}
