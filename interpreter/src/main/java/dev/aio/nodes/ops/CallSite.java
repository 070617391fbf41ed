package dev.aio.nodes.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.frame.FrameSlotTypeException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.AioContext;
import dev.aio.nodes.AioRootNode;
import dev.aio.runtime.AioException;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyCell;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyFrame;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyTuple;

/** Where the aio code that called the running builtin stands: {@code file:line: source}. */
public final class CallSite {
    /** The frame local naming the exception an except block is handling; not a Python identifier (and hidden from debuggers, as other internal locals starting with a dot). */
    public static final String HANDLED_EXCEPTION_LOCAL = ".handled";

    private CallSite() {
    }

    /**
     * {@code sys.exc_info()}: the exception handled by the innermost running {@code except} block
     * of the aio frames on the stack (a coroutine's frames include those of the coroutines awaiting
     * it, as CPython chains their exception states), or {@code null}.
     */
    @TruffleBoundary
    public static PyBaseException handledException() {
        return Truffle.getRuntime().iterateFrames(frame -> {
            if (!(frame.getCallTarget() instanceof RootCallTarget target)) {
                return null;
            }
            // A frame below the top may have been called from Java (an await steps the awaited
            // coroutine) and then has no call node to find its bytecode by: use its root's.
            BytecodeNode bytecode;
            if (target.getRootNode() instanceof ContinuationRootNode continuation) {
                bytecode = continuation.getLocation().getBytecodeNode();
            } else if (target.getRootNode() instanceof AioRootNode root) {
                bytecode = root.getBytecodeNode();
            } else {
                return null;
            }
            Frame locals = localsFrame(frame, target.getRootNode());
            Object[] names = bytecode.getLocalNames(0);
            for (int i = 0; i < names.length; i++) {
                if (HANDLED_EXCEPTION_LOCAL.equals(names[i])) {
                    Object v = bytecode.getLocalValue(0, locals, i);
                    return v instanceof AioException e ? e.getException() : null;
                }
            }
            return null;
        });
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
        return AioContext.get(null).moduleNameOfFile(file);
    }

    /**
     * The aio code that called the running builtin ({@code exec}, {@code eval}, {@code locals}):
     * its function, whose module holds its globals, and its local names: the class namespace of a
     * class body (or of code that {@code exec} runs with locals of its own), a snapshot of a
     * function's bound variables (CPython 3.11's {@code locals()}), {@code null} at module level.
     */
    public record Caller(PyFunction function, Object locals) {
    }

    /** The innermost aio frame's {@link Caller}, or {@code null} when no aio code is running. */
    @TruffleBoundary
    public static Caller caller() {
        return Truffle.getRuntime().iterateFrames(frame -> {
            if (!(frame.getCallTarget() instanceof RootCallTarget target)) {
                return null;
            }
            BytecodeNode bytecode;
            if (target.getRootNode() instanceof ContinuationRootNode continuation) {
                bytecode = continuation.getLocation().getBytecodeNode();
            } else if (target.getRootNode() instanceof AioRootNode root) {
                bytecode = root.getBytecodeNode();
            } else {
                return null;
            }
            Frame locals = localsFrame(frame, target.getRootNode());
            Object[] args = locals.getArguments();
            if (!(args[0] instanceof PyFunction function)) {
                return null;
            }
            if (args.length > 1 && args[1] instanceof Map<?, ?> namespace) {
                return new Caller(function, namespace);
            }
            AioRootNode root = (AioRootNode) bytecode.getRootNode();
            if (root.getCode() != null && root.getCode().name().equals("<module>") && !(target.getRootNode() instanceof ContinuationRootNode)) {
                return new Caller(function, null);
            }
            return new Caller(function, variables(bytecode, locals));
        });
    }

    /** A function's bound variables by name, cells read through, the compiler's temporaries left out. */
    private static PyDict variables(BytecodeNode bytecode, Frame frame) {
        PyDict snapshot = new PyDict();
        Object[] names = bytecode.getLocalNames(0);
        for (int i = 0; i < names.length; i++) {
            if (names[i] instanceof String name && !name.startsWith(".") && !snapshot.containsKey(name)) {
                Object v = bytecode.getLocalValue(0, frame, i);
                if (v instanceof PyCell cell) {
                    v = cell.value;
                }
                if (v != null) {
                    snapshot.put(name, v);
                }
            }
        }
        return snapshot;
    }

    /** The aio function a frame runs (also when it is a resumed coroutine or generator), or null. */
    private static AioRootNode aioRoot(FrameInstance frame) {
        if (!(frame.getCallTarget() instanceof RootCallTarget target)) {
            return null;
        }
        Object root = target.getRootNode();
        if (root instanceof ContinuationRootNode c) {
            root = c.getSourceRootNode();
        }
        return root instanceof AioRootNode r ? r : null;
    }

    /** {@code file:line: source} of the innermost aio frame (see {@link #describe(Node)}). */
    @TruffleBoundary
    public static String describe() {
        return describe(null);
    }

    /**
     * {@code file:line: source} of the innermost aio frame, for a task dump taken at a safepoint
     * polled at {@code location} (or null when not known). A compiled frame that stands at a
     * safepoint rather than at a call does not name its bytecode node: the safepoint's location
     * does. If the line still cannot be read, the dump names the function, never an outer frame's
     * line as if the task stood there.
     */
    @TruffleBoundary
    public static String describe(Node location) {
        boolean[] innermost = {true};
        return Truffle.getRuntime().iterateFrames(frame -> {
            AioRootNode root = aioRoot(frame);
            if (root == null) {
                return null;
            }
            BytecodeNode bytecode = BytecodeNode.get(frame);
            if (bytecode == null && innermost[0]) {
                bytecode = location == null ? null : BytecodeNode.get(location);
                if (bytecode == null) {
                    bytecode = root.getBytecodeNode();
                }
            }
            innermost[0] = false;
            SourceSection section;
            try {
                section = bytecode == null ? null : bytecode.getSourceLocation(frame);
            } catch (FrameSlotTypeException e) {
                // Reading a compiled frame's bytecode index this way failed once in three runs (an
                // internal error that ended the program); the line is then unknown, as below.
                section = null;
            }
            if ((section == null || !section.isAvailable()) && bytecode != null && frame.getCallTarget() instanceof RootCallTarget t && t.getRootNode() instanceof ContinuationRootNode c) {
                section = resumedLocation(frame, c, bytecode);
            }
            if (section == null || !section.isAvailable()) {
                String name = root.getCode() == null ? "<aio>" : root.getCode().qualName() + "()";
                return (root.getCode() == null ? "?" : root.getCode().fileName()) + ": " + name + " (its line is not known in compiled code)";
            }
            return section.getSource().getName() + ":" + section.getStartLine() + ": " + section.getSource().getCharacters(section.getStartLine()).toString().strip();
        });
    }

    /**
     * The frame that holds an aio frame's locals and bytecode index: a resumed coroutine or
     * generator runs in a continuation whose own frame holds only the operand stack, and the DSL
     * calls it with (locals frame, sent value); any other aio frame holds them itself.
     */
    private static Frame localsFrame(FrameInstance frame, RootNode root) {
        Frame own = frame.getFrame(FrameInstance.FrameAccess.READ_ONLY);
        return root instanceof ContinuationRootNode ? (Frame) own.getArguments()[0] : own;
    }

    /**
     * Where a resumed coroutine or generator stands, read from its locals frame: once a loop in
     * it is compiled on stack (OSR), the frame a stack walk sees no longer leads to that frame.
     */
    private static SourceSection resumedLocation(FrameInstance frame, RootNode continuation, BytecodeNode bytecode) {
        try {
            int bci = bytecode.getBytecodeIndex(localsFrame(frame, continuation));
            return bci < 0 ? null : bytecode.getSourceLocation(bci);
        } catch (FrameSlotTypeException e) {
            return null;
        }
    }

    /**
     * (pathname, line, function name) of the innermost frame of the program's own code (past aio's
     * library written in aio), as logging records where a message was logged; the line is 0 when
     * the frame was called from Java and its position is not known.
     */
    @TruffleBoundary
    public static PyTuple programCaller() {
        PyTuple found = Truffle.getRuntime().iterateFrames(frame -> {
            RootNode root = frame.getCallTarget() instanceof RootCallTarget t ? t.getRootNode() : null;
            if (root instanceof ContinuationRootNode c) {
                root = (RootNode) c.getSourceRootNode();
            }
            if (!(root instanceof AioRootNode aio) || aio.getCode() == null || aio.getCode().fileName().startsWith("<aio>/")) {
                return null;
            }
            BytecodeNode bytecode = BytecodeNode.get(frame);
            SourceSection section = bytecode == null ? null : bytecode.getSourceLocation(frame);
            long line = section == null || !section.isAvailable() ? 0 : section.getStartLine();
            return new PyTuple(new Object[]{aio.getCode().fileName(), line, aio.getCode().name()});
        });
        return found != null ? found : new PyTuple(new Object[]{"(unknown file)", 0L, "(unknown function)"});
    }
    /**
     * {@code sys._getframe(depth)}: the frame of the aio code {@code depth} calls above the running
     * builtin, linked to its callers, or {@code null} when the stack is not that deep. Each frame
     * is a snapshot of its code, line and globals.
     */
    @TruffleBoundary
    public static PyFrame frame(int depth) {
        List<Object[]> found = new ArrayList<>();
        Truffle.getRuntime().iterateFrames(frame -> {
            AioRootNode root = aioRoot(frame);
            if (root == null || root.getCode() == null) {
                return null;
            }
            BytecodeNode bytecode = BytecodeNode.get(frame);
            SourceSection section = bytecode == null ? null : bytecode.getSourceLocation(frame);
            long line = section == null || !section.isAvailable() ? root.getCode().firstLine() : section.getStartLine();
            Object[] arguments = frame.getFrame(FrameInstance.FrameAccess.READ_ONLY).getArguments();
            if (frame.getCallTarget() instanceof RootCallTarget t && t.getRootNode() instanceof ContinuationRootNode && arguments.length > 0
                            && arguments[0] instanceof Frame suspended) {
                arguments = suspended.getArguments();
            }
            PyModule globals = arguments.length > 0 && arguments[0] instanceof PyFunction f ? f.getGlobals() : moduleOfFile(root.getCode().fileName());
            found.add(new Object[]{root.getCode(), line, globals});
            return null;
        });
        if (depth >= found.size()) {
            return null;
        }
        PyFrame back = null;
        for (int i = found.size() - 1; i >= depth; i--) {
            Object[] f = found.get(i);
            back = new PyFrame((PyCode) f[0], (long) f[1], (PyModule) f[2], back);
        }
        return back;
    }

    /** The module loaded from {@code fileName}, or {@code null}. */
    @TruffleBoundary
    public static PyModule moduleOfFile(String fileName) {
        AioContext context = AioContext.get(null);
        return context.sysModules().get(context.moduleNameOfFile(fileName)) instanceof PyModule m ? m : null;
    }
}
