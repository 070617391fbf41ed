package dev.aio.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;

import dev.aio.AioContext;
import dev.aio.AioLanguage;
import dev.aio.MainSource;
import dev.aio.nodes.ops.Traceback;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyList;

/**
 * {@code aio run -m NAME} ({@code python -m}, CPython's {@code runpy._run_module_as_main}): finds
 * module {@code NAME} along {@code sys.path}, whose first entry is the working directory, then
 * runs it as {@code __main__} with {@code sys.argv[0]} its file, as a {@link MainRootNode}. The
 * launcher evaluates a source named {@link #SOURCE_NAME} whose text is the module's name.
 */
public final class RunModuleRootNode extends RootNode {
    /** The name of the source that asks for this. */
    public static final String SOURCE_NAME = "-m";

    private final String moduleName;

    public RunModuleRootNode(AioLanguage language, String moduleName) {
        super(language);
        this.moduleName = moduleName;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return run(AioContext.get(this));
    }

    @TruffleBoundary
    private Object run(AioContext context) {
        PyList path = context.sysPath();
        if (path.size() == 0) {
            path.append(context.getEnv().getCurrentWorkingDirectory().getPath());
        }
        MainSource found;
        context.interpreterLock().acquireUninterruptibly();
        try {
            found = context.findMainSource(moduleName);
            Object argv = context.importModule("sys").get("argv");
            if (argv instanceof PyList list && list.size() > 0) {
                list.set(0, found.fileName());
            }
            context.bindings().put("__package__", found.packageName());
        } catch (AioException e) {
            context.out().flush();
            if (e.getPyType().isSubtypeOf(BuiltinTypes.IMPORT_ERROR)) {
                // As CPython: "python3: No module named x", no traceback.
                String message = Traceback.formatExceptionOnly(e.getException()).strip();
                String text = message.substring(message.indexOf(": ") + 2);
                context.err().println(text.startsWith("No module named " + moduleName) ? "aio: " + text
                                : "aio: Error while finding module specification for '" + moduleName + "' (" + message + ")");
            } else {
                // The parent package's code failed: its traceback, as CPython prints it.
                context.err().print(Traceback.formatUncaught(e.getException()));
            }
            context.err().flush();
            context.getEnv().getContext().closeExited(this, 1);
            return null;
        } finally {
            context.interpreterLock().release();
        }
        Source source = Source.newBuilder(AioLanguage.ID, found.text(), found.fileName()).internal(found.internal()).build();
        AioRootNode module = context.getLanguage().moduleCode(source);
        return new MainRootNode(context.getLanguage(), module).getCallTarget().call();
    }

    @Override
    public String getName() {
        return "<run module>";
    }

    @Override
    public boolean isInternal() {
        return true;
    }
}
