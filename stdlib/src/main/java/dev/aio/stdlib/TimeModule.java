package dev.aio.stdlib;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.asyncio.DefaultExecutor;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.CallSite;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;

/** The {@code time} module, on the run's clock: under {@code --virtual-time} every function follows virtual time. */
public final class TimeModule {
    private TimeModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("time");
        m.defineFunctions(context.getLanguage(), TimeModuleFactory.getFactories());
        AioStdlib.runInto(context, m, "time");
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
            if (context.getRunningLoop() != null && DefaultExecutor.ofCurrentThread() == null) {
                String site = CallSite.describe();
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

    /** A struct_time (the class time.aio defines) of {@code secs}, or of now when it is None or absent. */
    @TruffleBoundary
    static Object structTime(AioContext context, Object secs, boolean utc) {
        double seconds = !Args.given(secs) || secs == PyNone.NONE ? context.clock().wallTime() : Args.toDouble(secs, utc ? "gmtime" : "localtime");
        return Calls.call(context.importModule("time").get("struct_time"), TimeCalendar.brokenDown(seconds, utc));
    }

    /** The fields of a struct_time or 9-tuple argument (zone and offset included when it has them); now's when None. */
    @TruffleBoundary
    static Object[] fields(AioContext context, Object t, String function) {
        if (!Args.given(t) || t == PyNone.NONE) {
            return TimeCalendar.brokenDown(context.clock().wallTime(), false).items();
        }
        Object[] items = Iteration.toArray(t);
        if (items.length != 9) {
            throw PyErrors.typeError(function + "(): illegal time tuple argument");
        }
        Object zone = Attributes.find(t, "tm_zone");
        Object offset = Attributes.find(t, "tm_gmtoff");
        Object[] all = Arrays.copyOf(items, 11);
        all[9] = zone == null ? PyNone.NONE : zone;
        all[10] = offset == null ? PyNone.NONE : offset;
        return all;
    }

    @Builtin(name = "localtime", params = {"secs"}, required = 0)
    @GenerateNodeFactory
    abstract static class LocaltimeNode extends BuiltinNode {
        @Specialization
        Object doLocaltime(Object secs) {
            return structTime(AioContext.get(this), secs, false);
        }
    }

    @Builtin(name = "gmtime", params = {"secs"}, required = 0)
    @GenerateNodeFactory
    abstract static class GmtimeNode extends BuiltinNode {
        @Specialization
        Object doGmtime(Object secs) {
            return structTime(AioContext.get(this), secs, true);
        }
    }

    @Builtin(name = "strftime", params = {"format", "t"}, required = 1)
    @GenerateNodeFactory
    abstract static class StrftimeNode extends BuiltinNode {
        @Specialization
        Object doStrftime(Object format, Object t) {
            return TimeCalendar.strftime(Args.string(format, "strftime() argument 1"), fields(AioContext.get(this), t, "strftime"));
        }
    }

    @Builtin(name = "asctime", params = {"t"}, required = 0)
    @GenerateNodeFactory
    abstract static class AsctimeNode extends BuiltinNode {
        @Specialization
        Object doAsctime(Object t) {
            return TimeCalendar.strftime("%a %b %e %H:%M:%S %Y", fields(AioContext.get(this), t, "asctime"));
        }
    }

    @Builtin(name = "ctime", params = {"secs"}, required = 0)
    @GenerateNodeFactory
    abstract static class CtimeNode extends BuiltinNode {
        @Specialization
        Object doCtime(Object secs) {
            AioContext context = AioContext.get(this);
            double seconds = !Args.given(secs) || secs == PyNone.NONE ? context.clock().wallTime() : Args.toDouble(secs, "ctime");
            return TimeCalendar.strftime("%a %b %e %H:%M:%S %Y", TimeCalendar.brokenDown(seconds, false).items());
        }
    }

    @Builtin(name = "mktime", params = {"t"})
    @GenerateNodeFactory
    abstract static class MktimeNode extends BuiltinNode {
        @Specialization
        Object doMktime(Object t) {
            return TimeCalendar.mktime(fields(AioContext.get(this), t, "mktime"));
        }
    }
}
