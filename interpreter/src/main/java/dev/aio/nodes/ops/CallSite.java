package dev.aio.nodes.ops;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.nodes.AioRootNode;

/** Where the aio code that called the running builtin stands: {@code file:line: source}. */
public final class CallSite {
    /** The frame local naming the exception an except block is handling; not a Python identifier, so never a variable. */
    public static final String HANDLED_EXCEPTION_LOCAL = "$handled";

    private CallSite() {
    }

    /**
     * {@code sys.exc_info()}: the exception handled by the innermost running {@code except} block
     * of the aio frames on the stack (a coroutine's frames include those of the coroutines awaiting
     * it, as CPython chains their exception states), or {@code null}.
     */
    @TruffleBoundary
    public static dev.aio.runtime.PyBaseException handledException() {
        return Truffle.getRuntime().iterateFrames(frame -> {
            if (!(frame.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget target)) {
                return null;
            }
            // A frame below the top may have been called from Java (an await steps the awaited
            // coroutine) and then has no call node to find its bytecode by: use its root's.
            BytecodeNode bytecode;
            com.oracle.truffle.api.frame.Frame locals;
            if (target.getRootNode() instanceof com.oracle.truffle.api.bytecode.ContinuationRootNode continuation) {
                bytecode = continuation.getLocation().getBytecodeNode();
                locals = (com.oracle.truffle.api.frame.Frame) frame.getFrame(com.oracle.truffle.api.frame.FrameInstance.FrameAccess.READ_ONLY).getArguments()[0];
            } else if (target.getRootNode() instanceof AioRootNode root) {
                bytecode = root.getBytecodeNode();
                locals = frame.getFrame(com.oracle.truffle.api.frame.FrameInstance.FrameAccess.READ_ONLY);
            } else {
                return null;
            }
            Object[] names = bytecode.getLocalNames(0);
            for (int i = 0; i < names.length; i++) {
                if (HANDLED_EXCEPTION_LOCAL.equals(names[i])) {
                    Object v = bytecode.getLocalValue(0, locals, i);
                    return v instanceof dev.aio.runtime.AioException e ? e.getException() : null;
                }
            }
            return null;
        });
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

    /**
     * (pathname, line, function name) of the innermost frame of the program's own code (past aio's
     * library written in aio), as logging records where a message was logged; the line is 0 when
     * the frame was called from Java and its position is not known.
     */
    @TruffleBoundary
    public static dev.aio.runtime.PyTuple programCaller() {
        dev.aio.runtime.PyTuple found = Truffle.getRuntime().iterateFrames(frame -> {
            com.oracle.truffle.api.nodes.RootNode root = frame.getCallTarget() instanceof com.oracle.truffle.api.RootCallTarget t ? t.getRootNode() : null;
            if (root instanceof com.oracle.truffle.api.bytecode.ContinuationRootNode c) {
                root = (com.oracle.truffle.api.nodes.RootNode) c.getSourceRootNode();
            }
            if (!(root instanceof AioRootNode aio) || aio.getCode() == null || aio.getCode().fileName().startsWith("<aio>/")) {
                return null;
            }
            BytecodeNode bytecode = BytecodeNode.get(frame);
            SourceSection section = bytecode == null ? null : bytecode.getSourceLocation(frame);
            long line = section == null || !section.isAvailable() ? 0 : section.getStartLine();
            return new dev.aio.runtime.PyTuple(new Object[]{aio.getCode().fileName(), line, aio.getCode().name()});
        });
        return found != null ? found : new dev.aio.runtime.PyTuple(new Object[]{"(unknown file)", 0L, "(unknown function)"});
    }
}
