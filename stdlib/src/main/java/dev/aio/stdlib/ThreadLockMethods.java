package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;

/** Methods of {@code _thread.lock}, with CPython's messages. */
final class ThreadLockMethods {
    private ThreadLockMethods() {
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
