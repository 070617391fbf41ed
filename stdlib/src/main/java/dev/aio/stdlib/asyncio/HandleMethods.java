package dev.aio.stdlib.asyncio;

import dev.aio.asyncio.HandleObject;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyNone;

/** Methods of loop callback handles. */
public final class HandleMethods {
    private HandleMethods() {
    }

    /** Installs these on {@code Handle}. */
    static void install() {
        HandleObject.TYPE.defineBuiltins(HandleMethodsFactory.getFactories());
    }

    @Builtin(name = "cancel", params = {"self"})
    @GenerateNodeFactory
    abstract static class CancelNode extends BuiltinNode {
        @Specialization
        static Object doCancel(HandleObject self) {
            self.handle().cancel();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "cancelled", params = {"self"})
    @GenerateNodeFactory
    abstract static class CancelledNode extends BuiltinNode {
        @Specialization
        static boolean doCancelled(HandleObject self) {
            return self.handle().isCancelled();
        }
    }
}
