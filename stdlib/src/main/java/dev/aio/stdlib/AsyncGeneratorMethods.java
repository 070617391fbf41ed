package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyAsyncGenerator;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/** Methods of asynchronous generators: {@code __anext__}, {@code asend}, {@code athrow}, {@code aclose}, {@code __aiter__}. */
public final class AsyncGeneratorMethods {
    private AsyncGeneratorMethods() {
    }

    @Builtin(name = "__aiter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class AiterNode extends BuiltinNode {
        @Specialization
        static Object doAiter(PyAsyncGenerator self) {
            return self;
        }
    }

    @Builtin(name = "__anext__", params = {"self"})
    @GenerateNodeFactory
    abstract static class AnextNode extends BuiltinNode {
        @Specialization
        static Object doAnext(PyAsyncGenerator self) {
            return self.anext(false);
        }
    }

    @Builtin(name = "asend", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class AsendNode extends BuiltinNode {
        @Specialization
        static Object doAsend(PyAsyncGenerator self, Object value) {
            return self.asend(value);
        }
    }

    /** {@code athrow(exc)} or, as before 3.12, {@code athrow(type, value=None, traceback=None)}. */
    @Builtin(name = "athrow", params = {"self", "typ", "val", "tb"}, required = 2)
    @GenerateNodeFactory
    abstract static class AthrowNode extends BuiltinNode {
        @Specialization
        static Object doAthrow(PyAsyncGenerator self, Object typ, Object val, Object tb) {
            return self.athrow(exception(typ, val));
        }
    }

    @Builtin(name = "aclose", params = {"self"})
    @GenerateNodeFactory
    abstract static class AcloseNode extends BuiltinNode {
        @Specialization
        static Object doAclose(PyAsyncGenerator self) {
            return self.aclose();
        }
    }

    /** The exception a {@code throw}/{@code athrow} raises: an instance, or a class (with its value) to instantiate. */
    static PyBaseException exception(Object typ, Object val) {
        if (val instanceof PyBaseException e && typ instanceof PyType) {
            return e;
        }
        Object e = typ;
        if (typ instanceof PyType t && t.isSubtypeOf(BuiltinTypes.BASE_EXCEPTION)) {
            e = val == Missing.INSTANCE || val == PyNone.NONE ? Calls.call(t) : Calls.call(t, val);
        }
        if (!(e instanceof PyBaseException exc)) {
            throw PyErrors.typeError("exceptions must be classes or instances deriving from BaseException, not " + PyOps.typeName(typ));
        }
        return exc;
    }
}
