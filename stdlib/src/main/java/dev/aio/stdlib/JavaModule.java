package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyOps;

/**
 * The {@code java} module: {@code java.type("java.util.ArrayList")} is a Java class, for a script
 * whose embedder allows looking classes up ({@code Context.Builder.allowHostClassLookup}); without
 * that, which is the default, it raises PermissionError.
 */
public final class JavaModule {
    private JavaModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("java");
        m.defineFunctions(context.getLanguage(), JavaModuleFactory.getFactories());
        return m;
    }

    @Builtin(name = "type", params = {"name"})
    @GenerateNodeFactory
    abstract static class TypeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doType(Object name) {
            if (!(name instanceof String className)) {
                throw PyErrors.typeError("java.type() argument must be str, not " + PyOps.typeName(name));
            }
            Env env = AioContext.get(this).getEnv();
            if (!env.isHostLookupAllowed()) {
                throw PyErrors.raise(BuiltinTypes.PERMISSION_ERROR, "this aio context may not look up Java classes (embedders allow it with Context.Builder.allowHostClassLookup)");
            }
            Object type;
            try {
                type = env.lookupHostSymbol(className);
            } catch (AbstractTruffleException notAllowed) {
                type = null;
            }
            if (type == null) {
                throw PyErrors.raise(BuiltinTypes.PERMISSION_ERROR, "no Java class '" + className + "' that this aio context may use");
            }
            return type;
        }
    }
}
