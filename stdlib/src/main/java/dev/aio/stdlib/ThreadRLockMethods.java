package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/** Methods of {@code _thread.RLock}, with CPython's messages; the underscored ones serve {@code threading.Condition}. */
final class ThreadRLockMethods {
    private ThreadRLockMethods() {
    }

    @Builtin(name = "RLock", constructor = true, params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class NewRLockNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object args, Object kwargs) {
            return new ThreadRLock();
        }
    }

    @Builtin(name = "_is_owned", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsOwnedNode extends BuiltinNode {
        @Specialization
        static boolean doIsOwned(ThreadRLock self) {
            return self.isOwned();
        }
    }

    @Builtin(name = "_release_save", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReleaseSaveNode extends BuiltinNode {
        @Specialization
        static Object doReleaseSave(ThreadRLock self) {
            return self.releaseSave();
        }
    }

    @Builtin(name = "_acquire_restore", params = {"self", "state"})
    @GenerateNodeFactory
    abstract static class AcquireRestoreNode extends BuiltinNode {
        @Specialization
        Object doAcquireRestore(ThreadRLock self, Object state) {
            if (!(state instanceof PyTuple t) || t.items().length != 2 || !(t.items()[0] instanceof Long)) {
                throw PyErrors.typeError("_acquire_restore() argument must be a (count, owner) tuple");
            }
            self.acquireRestore(AioContext.get(this), t);
            return PyNone.NONE;
        }
    }
}
