package dev.aio.stdlib;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyContext;
import dev.aio.runtime.PyContextToken;
import dev.aio.runtime.PyContextVar;
import dev.aio.runtime.PyModule;

/**
 * The {@code contextvars} module (CPython's {@code _contextvars}, Python/context.c): {@code ContextVar},
 * {@code Token}, {@code Context} (methods in {@link ContextVarMethods}, {@link ContextTokenMethods}, {@link ContextMethods}) and {@code copy_context}.
 * asyncio runs each task and callback in the context it captured (see {@code Task}).
 */
public final class ContextvarsModule {
    private ContextvarsModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("contextvars");
        m.put("ContextVar", PyContextVar.TYPE);
        m.put("Token", PyContextToken.TYPE);
        m.put("Context", PyContext.TYPE);
        m.defineFunctions(context.getLanguage(), List.of(ContextvarsModuleFactory.CopyContextNodeFactory.getInstance()));
        return m;
    }

    @Builtin(name = "copy_context")
    @GenerateNodeFactory
    abstract static class CopyContextNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doCopy() {
            return AioContext.get(this).currentContext().copy();
        }
    }
}
