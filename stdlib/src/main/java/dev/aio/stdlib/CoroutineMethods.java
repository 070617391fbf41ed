package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CoroutineWrapper;
import dev.aio.runtime.PyCoroutine;

/** Methods of coroutines only (those they share with generators are {@link GeneratorMethods}). */
public final class CoroutineMethods {
    private CoroutineMethods() {
    }

    /** Installs these on coroutine, and the driving methods on what {@code __await__} returns. */
    static void install() {
        BuiltinTypes.COROUTINE.defineBuiltins(CoroutineMethodsFactory.getFactories());
        CoroutineWrapper.TYPE.defineBuiltins(GeneratorMethodsFactory.getFactories());
    }

    /** {@code coro.__await__()}: an iterator a class's {@code __await__} can {@code yield from}. */
    @Builtin(name = "__await__", params = {"self"})
    @GenerateNodeFactory
    abstract static class AwaitNode extends BuiltinNode {
        @Specialization
        static Object doAwait(PyCoroutine self) {
            return new CoroutineWrapper(self);
        }
    }
}
