package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyNone;

/** Methods of {@code _thread._ThreadHandle}, as CPython 3.13 has them. */
final class ThreadHandleMethods {
    private ThreadHandleMethods() {
    }

    @Builtin(name = "ident", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class IdentNode extends BuiltinNode {
        @Specialization
        static long doIdent(ThreadHandle self) {
            return self.ident();
        }
    }

    @Builtin(name = "is_done", params = {"self"})
    @GenerateNodeFactory
    abstract static class IsDoneNode extends BuiltinNode {
        @Specialization
        static boolean doIsDone(ThreadHandle self) {
            return self.isDone();
        }
    }

    /** {@code join(timeout=None)}: a negative timeout waits no time. */
    @Builtin(name = "join", params = {"self", "timeout"}, required = 1)
    @GenerateNodeFactory
    abstract static class JoinNode extends BuiltinNode {
        @Specialization
        Object doJoin(ThreadHandle self, Object timeout) {
            Object t = Args.orDefault(timeout, null);
            self.join(AioContext.get(this), t == null ? -1 : Math.max(0, Args.toDouble(t, "join")));
            return PyNone.NONE;
        }
    }
}
