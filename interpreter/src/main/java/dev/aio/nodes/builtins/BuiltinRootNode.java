package dev.aio.nodes.builtins;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleStackTraceElement;
import com.oracle.truffle.api.dsl.UnsupportedSpecializationException;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import dev.aio.AioLanguage;
import dev.aio.nodes.ExpressionNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.PyValueInstance;

/** The call target of a builtin: its node over one argument reader per parameter slot. */
public final class BuiltinRootNode extends RootNode {
    private final BuiltinSpec spec;
    @Child private BuiltinNode body;

    public BuiltinRootNode(AioLanguage language, BuiltinSpec spec) {
        super(language);
        this.spec = spec;
        ExpressionNode[] args = new ExpressionNode[spec.signature().slotCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = new ReadArgumentNode(i);
        }
        this.body = spec.factory().createNode((Object) args);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        try {
            return body.executeGeneric(frame);
        } catch (UnsupportedSpecializationException e) {
            CompilerDirectives.transferToInterpreter();
            // A builtin that takes a str, int or float also takes an instance of a subclass, as CPython's
            // PyUnicode_Check and PyLong_Check accept subtypes (str.upper(Name("a")), math.sqrt(Money(4))): its value.
            if (!unwrapValueInstances(frame.getArguments())) {
                throw e;
            }
            return body.executeGeneric(frame);
        }
    }

    @TruffleBoundary
    private static boolean unwrapValueInstances(Object[] arguments) {
        boolean any = false;
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof PyValueInstance v) {
                arguments[i] = v.value();
                any = true;
            }
        }
        return any;
    }

    @Override
    public String getName() {
        return spec.name();
    }

    /** How compilation traces and the profiler name this root. */
    @Override
    public String toString() {
        return "builtin:" + spec.name();
    }

    /** For tools: the coroutines this builtin resumes, when it runs the event loop ({@link CoroutineFrames}). */
    @Override
    protected List<TruffleStackTraceElement> findAsynchronousFrames(Frame frame) {
        return CoroutineFrames.resumedBy(getCallTarget());
    }

    /** Builtins are not aio frames: tracebacks skip them, as CPython's skip C functions. */
    @Override
    public boolean isInternal() {
        return true;
    }
}
