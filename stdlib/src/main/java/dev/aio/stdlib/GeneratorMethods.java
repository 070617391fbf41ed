package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyGenerator;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTraceback;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.Sendable;

/**
 * Methods of generators and of coroutines, for code that drives them by hand: {@code send},
 * {@code throw}, {@code close} (CPython's genobject.c serves both types with the same functions).
 */
public final class GeneratorMethods {
    private GeneratorMethods() {
    }

    /** Installs these on generator and coroutine. */
    static void install() {
        PyGenerator.type().defineBuiltins(GeneratorMethodsFactory.getFactories());
        BuiltinTypes.COROUTINE.defineBuiltins(GeneratorMethodsFactory.getFactories());
    }

    @Builtin(name = "send", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class SendNode extends BuiltinNode {
        @Specialization
        static Object doSend(Sendable self, Object value) {
            return self.send(value);
        }
    }

    /** {@code throw(exc)} or, as before 3.12, {@code throw(type, value=None, traceback=None)}. */
    @Builtin(name = "throw", params = {"self", "typ", "val", "tb"}, required = 2)
    @GenerateNodeFactory
    abstract static class ThrowNode extends BuiltinNode {
        @Specialization
        static Object doThrow(Sendable self, Object typ, Object val, Object tb) {
            return self.throwIn(exception(typ, val, tb));
        }
    }

    @Builtin(name = "close", params = {"self"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        static Object doClose(Sendable self) {
            self.close();
            return PyNone.NONE;
        }
    }

    /**
     * The exception a {@code throw}/{@code athrow} raises: an instance, or a class (with its value)
     * to instantiate; a traceback given becomes its {@code __traceback__} (genobject.c _gen_throw).
     */
    static PyBaseException exception(Object typ, Object val, Object tb) {
        boolean hasTraceback = tb != Missing.INSTANCE && tb != PyNone.NONE;
        if (hasTraceback && !(tb instanceof PyTraceback)) {
            throw PyErrors.typeError("throw() third argument must be a traceback object");
        }
        PyBaseException exc;
        if (typ instanceof PyType t && t.isSubtypeOf(BuiltinTypes.BASE_EXCEPTION)) {
            if (val instanceof PyBaseException e && PyOps.typeOf(e).isSubtypeOf(t)) {
                exc = e;
            } else {
                exc = instantiate(t, val);
            }
        } else if (typ instanceof PyBaseException e) {
            if (val != Missing.INSTANCE && val != PyNone.NONE) {
                throw PyErrors.typeError("instance exception may not have a separate value");
            }
            exc = e;
        } else {
            throw PyErrors.typeError("exceptions must be classes or instances deriving from BaseException, not " + PyOps.typeName(typ));
        }
        if (hasTraceback) {
            PyTraceback.set(exc, tb);
        }
        return exc;
    }

    /**
     * {@code typ(val)} as PyErr_NormalizeException makes it: when that fails, the error it raised
     * is what gets thrown into the generator instead.
     */
    private static PyBaseException instantiate(PyType t, Object val) {
        try {
            Object made = val == Missing.INSTANCE || val == PyNone.NONE ? Calls.call(t) : val instanceof PyTuple args ? Calls.call(t, args.items()) : Calls.call(t, val);
            if (made instanceof PyBaseException e) {
                return e;
            }
            throw PyErrors.typeError("calling " + PyOps.repr(t) + " should have returned an instance of BaseException, not " + PyOps.typeName(made));
        } catch (AioException e) {
            return e.getException();
        }
    }
}
