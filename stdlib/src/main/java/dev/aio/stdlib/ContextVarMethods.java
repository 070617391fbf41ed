package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyContextToken;
import dev.aio.runtime.PyContextVar;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/** Methods of {@code contextvars.ContextVar}, with the messages of CPython's Python/context.c. */
public final class ContextVarMethods {
    private ContextVarMethods() {
    }

    /** Installs these on the type. */
    static void install() {
        PyContextVar.TYPE.defineBuiltins(ContextVarMethodsFactory.getFactories());
    }

    @Builtin(name = "get", params = {"self", "default"}, required = 1)
    @GenerateNodeFactory
    abstract static class GetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doGet(PyContextVar self, Object fallback) {
            return self.get(AioContext.get(this).currentContext(), Args.given(fallback) ? fallback : null);
        }
    }

    @Builtin(name = "ContextVar", constructor = true, params = {"cls", "name"}, kwOnly = {"default"})
    @GenerateNodeFactory
    abstract static class NewContextVarNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object name, Object defaultValue) {
            if (!(name instanceof String s)) {
                throw PyErrors.typeError("context variable name must be a str");
            }
            return new PyContextVar(s, Args.given(defaultValue) ? defaultValue : null);
        }
    }

    @Builtin(name = "name", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NameNode extends BuiltinNode {
        @Specialization
        static Object doName(PyContextVar self) {
            return self.name();
        }
    }

    @Builtin(name = "set", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class SetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSet(PyContextVar self, Object value) {
            return AioContext.get(this).currentContext().set(self, value);
        }
    }

    @Builtin(name = "reset", params = {"self", "token"})
    @GenerateNodeFactory
    abstract static class ResetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doReset(PyContextVar self, Object token) {
            if (!(token instanceof PyContextToken t)) {
                throw PyErrors.typeError("expected an instance of Token, got " + PyOps.repr(token));
            }
            t.reset(self, AioContext.get(this).currentContext());
            return PyNone.NONE;
        }
    }
}
