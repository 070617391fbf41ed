package dev.aio.stdlib.asyncio;

import dev.aio.asyncio.HandleObject;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.kernel.TimerHandle;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;

/** Methods only timer handles ({@code loop.call_later}, {@code call_at}) have. */
public final class TimerHandleMethods {
    private TimerHandleMethods() {
    }

    /** Installs these on {@code TimerHandle}. */
    static void install() {
        HandleObject.TIMER_TYPE.defineBuiltins(TimerHandleMethodsFactory.getFactories());
    }

    /** The loop time the callback is scheduled for. */
    @Builtin(name = "when", params = {"self"})
    @GenerateNodeFactory
    abstract static class WhenNode extends BuiltinNode {
        @Specialization
        static double doWhen(HandleObject self) {
            return ((TimerHandle) self.handle()).when();
        }
    }
}
