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

    /** The {@code __name__} of the module of the innermost program code running (what {@code type(name, bases, ns)} records as {@code __module__}). */
    @TruffleBoundary
    public static Object callerModuleName() {
        Object name = Truffle.getRuntime().iterateFrames(frame -> {
            if (!(frame.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget target) || !(target.getRootNode() instanceof AioRootNode
                            || target.getRootNode() instanceof com.oracle.truffle.api.bytecode.ContinuationRootNode)) {
                return null;
            }
            Object[] args = frame.getFrame(com.oracle.truffle.api.frame.FrameInstance.FrameAccess.READ_ONLY).getArguments();
            // Code of aio's library written in aio stands for CPython's C code here: look past it.
            if (args.length == 0 || !(args[0] instanceof dev.aio.runtime.PyFunction f) || f.getCode().fileName().startsWith("<aio>/")) {
                return null;
            }
            return f.getGlobals().get("__name__");
        });
        return name == null ? "builtins" : name;
    }
}
