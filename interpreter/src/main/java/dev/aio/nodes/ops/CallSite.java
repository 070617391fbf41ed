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
