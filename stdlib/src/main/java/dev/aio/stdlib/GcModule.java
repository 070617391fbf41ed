package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyModule;

/**
 * {@code _gc}, what the {@code gc} module (written in aio) asks of the JVM: a collection. The JVM's
 * collector counts no unreachable objects for the program, so {@code collect} returns 0 where
 * CPython's (Modules/gcmodule.c) returns the number of unreachable objects it found.
 */
public final class GcModule {
    private GcModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_gc");
        m.defineFunctions(context.getLanguage(), GcModuleFactory.getFactories());
        return m;
    }

    /** Asks the JVM for a full collection ({@link System#gc()}, which it may decline). */
    @Builtin(name = "collect")
    @GenerateNodeFactory
    abstract static class CollectNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doCollect() {
            System.gc();
            return 0;
        }
    }
}
