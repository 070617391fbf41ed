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
            if (!(frame.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget target)) {
                return null;
            }
            com.oracle.truffle.api.nodes.RootNode root = target.getRootNode();
            if (!(root instanceof AioRootNode) && !(root instanceof com.oracle.truffle.api.bytecode.ContinuationRootNode)) {
                return null;
            }
            BytecodeNode bytecode = BytecodeNode.get(frame);
            SourceSection section = bytecode == null ? null : bytecode.getSourceLocation(frame);
            if (section == null || section.getSource().getName().startsWith("<aio>/")) {
                return null;
            }
            return section.getSource().getName();
        });
        return dev.aio.AioContext.get(null).moduleNameOfFile(file);
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
