package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyNone;

/** {@code object.__init__} and {@code BaseException.__init__}, which {@code super().__init__(...)} reaches. */
public final class ObjectInit {
    private ObjectInit() {
    }

    @Builtin(name = "__init__", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ObjectInitNode extends BuiltinNode {
        @Specialization
        static Object doInit(Object self, Object args, Object kwargs) {
            return PyNone.NONE;
        }
    }
}

