package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.FutureIter;
import dev.aio.asyncio.Task;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.stdlib.ContextMethods;

/** Methods of {@code asyncio.Future} (and so of {@code asyncio.Task}). */
public final class FutureMethods {
    private FutureMethods() {
    }

    /** Installs these on {@code Future}. */
    static void install() {
        Future.TYPE.defineBuiltins(FutureMethodsFactory.getFactories());
        // Future.__init__ sets the loop again; the running one stands in until it runs.
        Future.TYPE.setSubclassInstances(t -> new Future(AioContext.get(null).getRunningLoop(), t));
    }

    @Builtin(name = "result", params = {"self"})
    @GenerateNodeFactory
    abstract static class ResultNode extends BuiltinNode {
        @Specialization
        static Object doResult(Future self) {
            return self.result();
        }
    }

    @Builtin(name = "exception", params = {"self"})
    @GenerateNodeFactory
    abstract static class ExceptionNode extends BuiltinNode {
        @Specialization
        static Object doException(Future self) {
            return self.exception();
        }
    }

    @Builtin(name = "__await__", params = {"self"})
    @GenerateNodeFactory
    abstract static class AwaitNode extends BuiltinNode {
        @Specialization
        static Object doAwait(Future self) {
            return new FutureIter(self);
        }
    }

    /** {@code yield from future} in a generator-based coroutine, as CPython allows. */
    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(Future self) {
            return new FutureIter(self);
        }
    }

    @Builtin(name = "done", params = {"self"})
    @GenerateNodeFactory
    abstract static class DoneNode extends BuiltinNode {
        @Specialization
        static boolean doDone(Future self) {
            return self.isDone();
        }
    }

    @Builtin(name = "cancelled", params = {"self"})
    @GenerateNodeFactory
    abstract static class CancelledNode extends BuiltinNode {
        @Specialization
        static boolean doCancelled(Future self) {
            return self.isCancelled();
        }
    }

    @Builtin(name = "cancel", params = {"self", "msg"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class CancelNode extends BuiltinNode {
        @Specialization
        static boolean doCancel(Future self, Object msg) {
            return self.cancel(msg == Missing.INSTANCE || msg == PyNone.NONE ? null : msg);
        }
    }

    @Builtin(name = "set_result", params = {"self", "result"})
    @GenerateNodeFactory
    abstract static class SetResultNode extends BuiltinNode {
        @Specialization
        static Object doSet(Future self, Object result) {
            self.setResult(result);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "set_exception", params = {"self", "exception"})
    @GenerateNodeFactory
    abstract static class SetExceptionNode extends BuiltinNode {
        @Specialization
        static Object doSet(Future self, Object exception) {
            Object e = exception;
            if (e instanceof PyType t && t.isSubtypeOf(BuiltinTypes.BASE_EXCEPTION)) {
                e = Calls.call(t);
            }
            if (!(e instanceof PyBaseException exc)) {
                throw PyErrors.typeError("exception must be an instance of BaseException, not " + PyOps.typeName(exception));
            }
            self.setException(exc);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "add_done_callback", params = {"self", "fn"}, kwOnly = {"context"})
    @GenerateNodeFactory
    abstract static class AddDoneCallbackNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doAdd(Future self, Object fn, Object context) {
            self.addDoneCallback(fn, ContextMethods.contextOrCopy(AioContext.get(this), context));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "remove_done_callback", params = {"self", "fn"})
    @GenerateNodeFactory
    abstract static class RemoveDoneCallbackNode extends BuiltinNode {
        @Specialization
        static long doRemove(Future self, Object fn) {
            return self.removeDoneCallback(fn);
        }
    }

    @Builtin(name = "get_loop", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetLoopNode extends BuiltinNode {
        @Specialization
        static Object doGet(Future self) {
            return self.getLoop();
        }
    }

    /** {@code Future.__init__(*, loop=None)}: what {@code super().__init__()} in a derived class reaches; no loop is the current one. */
    @Builtin(name = "__init__", params = {"self"}, kwOnly = {"loop"})
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        Object doInit(Future self, Object loop) {
            self.setLoop(loop instanceof EventLoop l ? l : AsyncioModule.eventLoop(AioContext.get(this)));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "Future", constructor = true, params = {"cls"}, kwOnly = {"loop"})
    @GenerateNodeFactory
    abstract static class NewFutureNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object loop) {
            return new Future(loop instanceof EventLoop l ? l : AsyncioModule.eventLoop(AioContext.get(this)));
        }
    }
}
