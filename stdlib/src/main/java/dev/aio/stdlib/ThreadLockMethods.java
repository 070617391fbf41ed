package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyNone;

/** Methods of {@code _thread.lock}, with CPython's messages. */
final class ThreadLockMethods {
    private ThreadLockMethods() {
    }

    @Builtin(name = "acquire", params = {"self", "blocking", "timeout"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class AcquireNode extends BuiltinNode {
        @Specialization
        boolean doAcquire(ThreadLock self, Object blocking, Object timeout) {
            return self.acquire(AioContext.get(this), ThreadLock.timeout(blocking, timeout));
        }
    }

    @Builtin(name = "__enter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class EnterNode extends BuiltinNode {
        @Specialization
        boolean doEnter(ThreadLock self) {
            return self.acquire(AioContext.get(this), ThreadLock.FOREVER);
        }
    }

    @Builtin(name = "release", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReleaseNode extends BuiltinNode {
        @Specialization
        static Object doRelease(ThreadLock self) {
            self.release();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__exit__", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        static Object doExit(ThreadLock self, Object args) {
            self.release();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "locked", params = {"self"})
    @GenerateNodeFactory
    abstract static class LockedNode extends BuiltinNode {
        @Specialization
        static boolean doLocked(ThreadLock self) {
            return self.locked();
        }
    }
}
