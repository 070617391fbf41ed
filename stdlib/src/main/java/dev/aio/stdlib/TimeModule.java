package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;

/** The {@code time} module, on the run's clock: under {@code --virtual-time} every function follows virtual time. */
public final class TimeModule {
    private TimeModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("time");
        for (var f : TimeModuleFactory.getFactories()) {
            BuiltinSpec spec = BuiltinSpec.of(f);
            m.put(spec.name(), context.getLanguage().builtinFunction(spec));
        }
        return m;
    }

    @Builtin(name = "time")
    @GenerateNodeFactory
    abstract static class TimeNode extends BuiltinNode {
        @Specialization
        double doTime() {
            return AioContext.get(this).clock().wallTime();
        }
    }

    @Builtin(name = "time_ns")
    @GenerateNodeFactory
    abstract static class TimeNsNode extends BuiltinNode {
        @Specialization
        long doTime() {
            return (long) (AioContext.get(this).clock().wallTime() * 1e9);
        }
    }

    @Builtin(name = "monotonic")
    @GenerateNodeFactory
    abstract static class MonotonicNode extends BuiltinNode {
        @Specialization
        double doMonotonic() {
            return AioContext.get(this).clock().monotonic();
        }
    }

    @Builtin(name = "monotonic_ns")
    @GenerateNodeFactory
    abstract static class MonotonicNsNode extends BuiltinNode {
        @Specialization
        long doMonotonic() {
            return (long) (AioContext.get(this).clock().monotonic() * 1e9);
        }
    }

    @Builtin(name = "perf_counter")
    @GenerateNodeFactory
    abstract static class PerfCounterNode extends BuiltinNode {
        @Specialization
        double doPerfCounter() {
            return AioContext.get(this).clock().monotonic();
        }
    }

    @Builtin(name = "perf_counter_ns")
    @GenerateNodeFactory
    abstract static class PerfCounterNsNode extends BuiltinNode {
        @Specialization
        long doPerfCounter() {
            return (long) (AioContext.get(this).clock().monotonic() * 1e9);
        }
    }

    /** Blocks the whole loop, as in CPython; the virtual clock advances by the same amount. */
    @Builtin(name = "sleep", params = {"secs"})
    @GenerateNodeFactory
    abstract static class SleepNode extends BuiltinNode {
        @Specialization
        Object doSleep(Object secs) {
            sleep(AioContext.get(this), Args.toDouble(secs, "sleep"));
            return PyNone.NONE;
        }

        @TruffleBoundary
        static void sleep(AioContext context, double seconds) {
            if (seconds < 0) {
                throw PyErrors.valueError("sleep length must be non-negative");
            }
            context.out().flush();
            if (context.getRunningLoop() != null && dev.aio.kernel.DefaultExecutor.ofCurrentThread() == null) {
                String site = dev.aio.nodes.ops.CallSite.describe();
                if (site != null) {
                    context.noteBlockingCall(site, "time.sleep() blocks every task; in a coroutine use \"await asyncio.sleep(...)\"");
                }
            }
            try {
                context.blockingSleep(seconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
            }
        }
    }
}
