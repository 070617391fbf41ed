package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyNone;

/** {@code BaseException.__init__(self, *args)}: sets {@code args}, as {@code super().__init__(message)} in an exception class expects. */
public final class ExceptionMethods {
    private ExceptionMethods() {
    }

    @Builtin(name = "__init__", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExceptionInitNode extends BuiltinNode {
        @Specialization
        static Object doInit(dev.aio.runtime.PyBaseException self, dev.aio.runtime.PyTuple args) {
            self.setArgs(args);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "with_traceback", params = {"self", "tb"})
    @GenerateNodeFactory
    abstract static class WithTracebackNode extends BuiltinNode {
        @Specialization
        static Object doWith(dev.aio.runtime.PyBaseException self, Object tb) {
            dev.aio.runtime.PyTraceback.set(self, tb);
            return self;
        }
    }
}
