package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyNone;

/** The methods {@code _thread.lock} and {@code _thread.RLock} share (CPython's lock_PyThread_acquire_lock and its peers). */
final class ThreadLockingMethods {
    private ThreadLockingMethods() {
    }

    @Builtin(name = "acquire", params = {"self", "blocking", "timeout"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class AcquireNode extends BuiltinNode {
        @Specialization
        boolean doAcquire(ThreadLocking self, Object blocking, Object timeout) {
            return self.acquire(AioContext.get(this), ThreadLock.timeout(blocking, timeout));
        }
    }

    @Builtin(name = "__enter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class EnterNode extends BuiltinNode {
        @Specialization
        boolean doEnter(ThreadLocking self) {
            return self.acquire(AioContext.get(this), ThreadLock.FOREVER);
        }
    }

    @Builtin(name = "release", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReleaseNode extends BuiltinNode {
        @Specialization
        static Object doRelease(ThreadLocking self) {
            self.release();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__exit__", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        static Object doExit(ThreadLocking self, Object args) {
            self.release();
            return PyNone.NONE;
        }
    }
}
