package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Overrides;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/** Methods of {@code asyncio.Runner}. */
public final class RunnerMethods {
    private RunnerMethods() {
    }

    /** Installs these on {@code Runner}. */
    static void install() {
        Runner.TYPE.defineBuiltins(RunnerMethodsFactory.getFactories());
        Runner.TYPE.setSubclassInstances(t -> new Runner(AioContext.get(null), t));
    }

    /** {@code runner.run(coro, context=)}: the main task runs in {@code context} (else in a copy of the current one). */
    @Builtin(name = "run", params = {"self", "coro"}, kwOnly = {"context"})
    @GenerateNodeFactory
    abstract static class RunNode extends BuiltinNode {
        @Specialization
        static Object doRun(Runner self, Object coro, Object ctx) {
            return self.run(coro, ctx);
        }
    }

    @Builtin(name = "close", params = {"self"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        static Object doClose(Runner self) {
            self.close();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "_on_sigint", params = {"self", "signum", "frame"})
    @GenerateNodeFactory
    abstract static class OnSigintNode extends BuiltinNode {
        @Specialization
        static Object doOnSigint(Runner self, Object signum, Object frame) {
            self.onSigint();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_loop", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetLoopNode extends BuiltinNode {
        @Specialization
        static Object doGetLoop(Runner self) {
            return self.loop();
        }
    }

    @Builtin(name = "__enter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class EnterNode extends BuiltinNode {
        @Specialization
        static Object doEnter(Runner self) {
            self.loop();
            return self;
        }
    }

    @Builtin(name = "__exit__", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        static Object doExit(Runner self, PyTuple args) {
            // CPython's __exit__ calls self.close(), which a derived class may replace.
            Object close = Overrides.find(self, self.getPyType(), "close");
            if (close != null) {
                Calls.call(close);
            } else {
                self.close();
            }
            return PyNone.NONE;
        }
    }

    /** {@code debug}: None leaves the loop's debug mode as it is, else sets it ({@code loop.set_debug}). */
    @Builtin(name = "Runner", constructor = true, params = {"cls"}, kwOnly = {"debug", "loop_factory"})
    @GenerateNodeFactory
    abstract static class NewRunnerNode extends BuiltinNode {
        @Specialization
        Object doNew(Object cls, Object debug, Object loopFactory) {
            return new Runner(AioContext.get(this), factoryArgument(loopFactory), Runner.debugArgument(debug));
        }
    }

    /** {@code Runner.__init__(*, debug=None, loop_factory=None)}: what a derived class's {@code super().__init__(debug=True)} reaches. */
    @Builtin(name = "__init__", params = {"self"}, kwOnly = {"debug", "loop_factory"})
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(Runner self, Object debug, Object loopFactory) {
            self.init(factoryArgument(loopFactory), Runner.debugArgument(debug));
            return PyNone.NONE;
        }
    }

    /** The {@code loop_factory} argument: null when absent or None (a new event loop). */
    private static Object factoryArgument(Object loopFactory) {
        return loopFactory == Missing.INSTANCE || loopFactory == PyNone.NONE ? null : loopFactory;
    }
}
