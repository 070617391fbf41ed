package dev.aio.nodes.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.nodes.AioRootNode;

/** Where the aio code that called the running builtin stands: {@code file:line: source}. */
public final class CallSite {
    private CallSite() {
    }

    /**
     * The {@code __name__} of the module whose code called the running builtin, skipping aio's
     * library written in aio (so that a namedtuple made in {@code helper.py} belongs to
     * {@code helper}, as CPython's {@code sys._getframe(1)} finds); {@code __main__} when unknown.
     */
    @TruffleBoundary
    public static String moduleName() {
        String file = Truffle.getRuntime().iterateFrames(frame -> {
            AioRootNode root = aioRoot(frame);
            if (root == null || root.getCode() == null || root.getCode().fileName().startsWith("<aio>/")) {
                return null;
            }
            return root.getCode().fileName();
        });
        return dev.aio.AioContext.get(null).moduleNameOfFile(file);
    }

    /** The aio function a frame runs (also when it is a resumed coroutine or generator), or null. */
    private static AioRootNode aioRoot(com.oracle.truffle.api.frame.FrameInstance frame) {
        if (!(frame.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget target)) {
            return null;
        }
        Object root = target.getRootNode();
        if (root instanceof com.oracle.truffle.api.bytecode.ContinuationRootNode c) {
            root = c.getSourceRootNode();
        }
        return root instanceof AioRootNode r ? r : null;
    }

    /**
     * The module of the aio code that called the running builtin ({@code globals()}), and whether
     * that code is the module's own body (not a function's); {@code null} when there is none.
     */
    @TruffleBoundary
    public static Object[] callerModule() {
        Object[] found = Truffle.getRuntime().iterateFrames(frame -> {
            AioRootNode root = aioRoot(frame);
            if (root == null || root.getCode() == null || root.getCode().fileName().startsWith("<aio>/")) {
                return null;
            }
            boolean moduleLevel = root.getCode().name().equals("<module>") && !(frame.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget t
                            && t.getRootNode() instanceof com.oracle.truffle.api.bytecode.ContinuationRootNode);
            return new Object[]{root.getCode().fileName(), moduleLevel};
        });
        if (found == null) {
            return null;
        }
        dev.aio.AioContext context = dev.aio.AioContext.get(null);
        Object module = context.sysModules().get(context.moduleNameOfFile((String) found[0]));
        return module instanceof dev.aio.runtime.PyModule ? new Object[]{module, found[1]} : null;
    }

    @TruffleBoundary
    public static String describe() {
        return Truffle.getRuntime().iterateFrames(frame -> {
            if (!(frame.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget target)) {
                return null;
            }
            com.oracle.truffle.api.nodes.RootNode root = target.getRootNode();
            if (!(root instanceof AioRootNode) && !(root instanceof com.oracle.truffle.api.bytecode.ContinuationRootNode)) {
                return null;
            }
            BytecodeNode bytecode = BytecodeNode.get(frame);
            SourceSection section = bytecode == null ? null : bytecode.getSourceLocation(frame);
            if (section == null || !section.isAvailable()) {
                return null;
            }
            return section.getSource().getName() + ":" + section.getStartLine() + ": " + section.getSource().getCharacters(section.getStartLine()).toString().strip();
        });
    }
}
