package dev.aio.stdlib;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.CallSite;
import dev.aio.nodes.ops.Traceback;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTraceback;

/** {@code _traceback}: an exception's report as aio prints an uncaught one, for the traceback and logging modules. */
public final class TracebackModule {
    private TracebackModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_traceback");
        m.defineFunctions(context.getLanguage(), TracebackModuleFactory.getFactories());
        return m;
    }

    private static PyBaseException exception(Object e) {
        if (!(e instanceof PyBaseException exc)) {
            throw PyErrors.typeError("expected an exception, not " + PyOps.typeName(e));
        }
        return exc;
    }

    /**
     * The whole report: chained exceptions (unless {@code chain} is false), each traceback and the
     * final line; {@code tb}, when given, stands for the exception's own traceback.
     */
    @Builtin(name = "format", params = {"exc", "tb", "chain"}, required = 1)
    @GenerateNodeFactory
    abstract static class FormatNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFormat(Object exc, Object tb, Object chain) {
            PyBaseException e = exception(exc);
            if (!Args.given(tb) && !Args.given(chain)) {
                return Traceback.format(e);
            }
            List<Traceback.Entry> frames = e.traceback();
            if (tb instanceof PyTraceback t) {
                frames = t.entries();
            } else if (tb == PyNone.NONE) {
                frames = List.of();
            } else if (Args.given(tb)) {
                throw PyErrors.typeError("expected a traceback or None, not " + PyOps.typeName(tb));
            }
            return Traceback.format(e, frames, !Args.given(chain) || PyOps.isTrue(chain));
        }
    }

    /** The last line, {@code ValueError: message}, then the lines of its notes: a list of lines as CPython's {@code format_exception_only}. */
    @Builtin(name = "format_only", params = {"exc"})
    @GenerateNodeFactory
    abstract static class FormatOnlyNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFormatOnly(Object exc) {
            PyBaseException e = exception(exc);
            PyList lines = new PyList();
            lines.append(Traceback.formatExceptionOnly(e) + "\n");
            Traceback.notes(e).forEach(lines::append);
            return lines;
        }
    }

    /** (pathname, lineno, funcName) of the program code that called into aio's library: where logging says a record comes from. */
    @Builtin(name = "caller")
    @GenerateNodeFactory
    abstract static class CallerNode extends BuiltinNode {
        @Specialization
        static Object doCaller() {
            return CallSite.programCaller();
        }
    }
}
