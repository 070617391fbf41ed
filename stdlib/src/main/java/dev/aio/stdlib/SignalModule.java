package dev.aio.stdlib;

import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.ProgramSignals;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/**
 * {@code _signal}: CPython's C module under {@code signal} (written in aio, which wraps numbers
 * and handlers in the {@code Signals} and {@code Handlers} enums). The handlers themselves live in
 * the context's {@link ProgramSignals}. A handler is called with the signal's number and
 * {@code None} for the frame.
 */
public final class SignalModule {
    private SignalModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_signal");
        m.defineFunctions(context.getLanguage(), SignalModuleFactory.getFactories());
        for (Map.Entry<Integer, String> e : ProgramSignals.NAMES.entrySet()) {
            m.put(e.getValue(), (long) e.getKey());
        }
        m.put("SIG_DFL", ProgramSignals.SIG_DFL);
        m.put("SIG_IGN", ProgramSignals.SIG_IGN);
        m.put("NSIG", (long) ProgramSignals.NSIG);
        return m;
    }

    /** A signal number: an int, or what has {@code __index__} (a {@code Signals} member). */
    @TruffleBoundary
    public static int signum(Object number) {
        Object n = PyValueInstance.unwrapInt(number);
        if (!(n instanceof Long) && !(n instanceof Boolean) && SpecialMethods.lookup(n, "__index__") != null) {
            n = SpecialMethods.call(n, "__index__");
        }
        if (!(n instanceof Long l)) {
            throw PyErrors.typeError("'" + PyOps.typeName(n) + "' object cannot be interpreted as an integer");
        }
        return l < Integer.MIN_VALUE || l > Integer.MAX_VALUE ? -1 : (int) (long) l;
    }

    /** The table's marker for {@code default_int_handler} is this module's function to aio code. */
    private static Object toAio(AioContext context, Object handler) {
        return handler == ProgramSignals.DEFAULT_INT_HANDLER ? context.importModule("_signal").get("default_int_handler") : handler;
    }

    @Builtin(name = "signal", params = {"signalnum", "handler"})
    @GenerateNodeFactory
    abstract static class SignalNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSignal(Object signalnum, Object handler) {
            AioContext context = AioContext.get(null);
            int n = signum(signalnum);
            Object h = handler;
            if (h == context.importModule("_signal").get("default_int_handler")) {
                h = ProgramSignals.DEFAULT_INT_HANDLER;
            } else if (!(h instanceof Long l && (l == ProgramSignals.SIG_DFL || l == ProgramSignals.SIG_IGN)) && !Calls.isCallable(h)) {
                throw PyErrors.typeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
            }
            return toAio(context, context.signals().setHandler(n, h));
        }
    }

    @Builtin(name = "getsignal", params = {"signalnum"})
    @GenerateNodeFactory
    abstract static class GetSignalNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGetSignal(Object signalnum) {
            AioContext context = AioContext.get(null);
            return toAio(context, context.signals().getHandler(signum(signalnum)));
        }
    }

    @Builtin(name = "raise_signal", params = {"signalnum"})
    @GenerateNodeFactory
    abstract static class RaiseSignalNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRaise(Object signalnum) {
            AioContext.get(null).signals().raise(signum(signalnum));
            return PyNone.NONE;
        }
    }

    /** CPython's default SIGINT handler: raises KeyboardInterrupt. */
    @Builtin(name = "default_int_handler", varargs = "args")
    @GenerateNodeFactory
    abstract static class DefaultIntHandlerNode extends BuiltinNode {
        @Specialization
        static Object doHandle(Object args) {
            throw PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
        }
    }
}
