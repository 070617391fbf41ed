package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.asyncio.ThrowRequest;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyCoroutine;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/** Methods of coroutines, for code that drives them by hand: {@code send}, {@code throw}, {@code close}. */
public final class CoroutineMethods {
    private CoroutineMethods() {
    }

    @Builtin(name = "send", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class SendNode extends BuiltinNode {
        @Specialization
        static Object doSend(PyCoroutine self, Object value) {
            return self.send(value);
        }
    }

    @Builtin(name = "throw", params = {"self", "exception"})
    @GenerateNodeFactory
    abstract static class ThrowNode extends BuiltinNode {
        @Specialization
        static Object doThrow(PyCoroutine self, Object exception) {
            Object e = exception instanceof PyType t && t.isSubtypeOf(BuiltinTypes.BASE_EXCEPTION) ? Calls.call(t) : exception;
            if (!(e instanceof PyBaseException exc)) {
                throw PyErrors.typeError("exceptions must be classes or instances deriving from BaseException, not " + PyOps.typeName(exception));
            }
            return self.send(new ThrowRequest(exc));
        }
    }

    @Builtin(name = "close", params = {"self"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        static Object doClose(PyCoroutine self) {
            self.close();
            return PyNone.NONE;
        }
    }
}
