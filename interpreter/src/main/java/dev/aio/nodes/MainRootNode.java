package dev.aio.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.RootNode;

import dev.aio.AioContext;
import dev.aio.AioLanguage;
import dev.aio.AioOptions;
import dev.aio.nodes.ops.Traceback;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.Foreign;
import dev.aio.runtime.HostErrors;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * Runs a module as {@code __main__}. As the main program it prints an uncaught exception as a
 * Python traceback and exits with status 1; embedded, it lets the exception reach the host.
 */
public final class MainRootNode extends RootNode {
    private final AioRootNode module;
    @Child private DirectCallNode call;

    public MainRootNode(AioLanguage language, AioRootNode module) {
        super(language);
        this.module = module;
        this.call = DirectCallNode.create(module.getCallTarget());
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return runMain(AioContext.get(this));
    }

    /** Runs once per program: nothing here is worth compiling (the module's own root is). */
    @TruffleBoundary
    private Object runMain(AioContext context) {
        PyModule main = context.mainModule(module.getCode().fileName());
        PyFunction moduleFunction = new PyFunction(module.getCode(), main, null, null, new PyCell[0]);
        context.interpreterLock().acquireUninterruptibly();
        context.noteProgress();
        try {
            Object result;
            CallDepth depth = CallDepth.current(this);
            depth.enter();
            try {
                result = call.call(moduleFunction);
            } finally {
                depth.exit();
            }
            context.shutDownThreads();
            context.neverAwaited().runEnded();
            return Foreign.toHost(result);
        } catch (AioException e) {
            if (!context.getEnv().getOptions().get(AioOptions.MAIN)) {
                throw HostErrors.toHost(e);
            }
            int status = e.getPyType().isSubtypeOf(BuiltinTypes.SYSTEM_EXIT) ? exitStatus(context, e.getException()) : reportUncaught(context, e);
            // As CPython's threading._shutdown after the traceback: the non-daemon threads finish first.
            context.shutDownThreads();
            context.neverAwaited().runEnded();
            context.getEnv().getContext().closeExited(this, status);
            return null;
        } finally {
            context.out().flush();
            context.interpreterLock().release();
        }
    }

    @TruffleBoundary
    private static int reportUncaught(AioContext context, AioException e) {
        // Standard output is flushed after the traceback, when the run ends, as CPython's is.
        context.err().print(Traceback.formatUncaught(e.getException()));
        context.err().flush();
        // CPython ends by SIGINT after an uncaught KeyboardInterrupt: status 130 to a shell.
        return e.getPyType().isSubtypeOf(BuiltinTypes.KEYBOARD_INTERRUPT) ? 130 : 1;
    }

    /** {@code sys.exit(code)}: None is 0, an int is the status, anything else is printed and gives 1. */
    @TruffleBoundary
    public static int exitStatus(AioContext context, PyBaseException exit) {
        Object[] args = exit.getArgs().items();
        Object code = args.length == 0 ? PyNone.NONE : args.length == 1 ? args[0] : exit.getArgs();
        if (code == PyNone.NONE) {
            return 0;
        }
        if (code instanceof Long l) {
            return (int) (long) l;
        }
        if (code instanceof Boolean b) {
            return b ? 1 : 0;
        }
        context.err().println(PyOps.str(code));
        context.err().flush();
        return 1;
    }

    @Override
    public String getName() {
        return "<main>";
    }

    @Override
    public boolean isInternal() {
        return true;
    }
}
