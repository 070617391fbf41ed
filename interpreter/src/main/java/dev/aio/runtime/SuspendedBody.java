package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.asyncio.ThrowRequest;

/**
 * The body of a generator, a coroutine or an async generator, suspended in a Bytecode DSL
 * continuation, and the stepping the three share (CPython's {@code gen_send_ex} and
 * {@code gen_close} in genobject.c): the running and finished states, the check on the first
 * value sent, PEP 479's conversion of a StopIteration that escapes the body, and closing.
 */
public final class SuspendedBody {
    /** How the owner resumes its body, with its own bookkeeping around {@link #resume}: true when the body suspended again. */
    @FunctionalInterface
    public interface Resume {
        boolean resume(Object value);
    }

    /** What owns the body, named as CPython's messages name it. */
    public enum Kind {
        GENERATOR("generator"),
        COROUTINE("coroutine"),
        ASYNC_GENERATOR("async generator");

        private static final Kind[] ALL = values();
        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * Its {@link Kind}'s ordinal: a byte rather than a reference keeps a suspended body at 24 bytes
     * (one per suspended coroutine, so per suspended task).
     */
    private final byte kind;
    private ContinuationResult continuation;
    private boolean started;
    private boolean running;
    private boolean finished;
    private Object value;

    public SuspendedBody(Kind kind, ContinuationResult start) {
        this.kind = (byte) kind.ordinal();
        this.continuation = start;
    }

    private String kind() {
        return Kind.ALL[kind].label;
    }

    /** Only None (or an exception to throw in) can start a body: there is no {@code yield} yet to receive a value. */
    public void checkFirstValue(Object sent) {
        if (!started && sent != PyNone.NONE && !(sent instanceof ThrowRequest)) {
            throw PyErrors.typeError("can't send non-None value to a just-started " + kind());
        }
    }

    /**
     * Runs the body from where it is suspended, with {@code sent} as the value of its suspension
     * point (a {@link ThrowRequest} raises its exception there). True when it suspends again, what
     * it suspended with in {@link #value()}; false when it returned, its result in {@link #value()}.
     * Compiled code that steps a body does the same with a call node of its own
     * ({@code AwaitStepNode}): {@link #enter}, a call of the continuation, {@link #returned} or
     * {@link #raised}, and {@link #left} in any case.
     */
    @TruffleBoundary
    public boolean resume(Object sent) {
        ContinuationResult c = enter(sent);
        Object r;
        CallDepth depth = CallDepth.current(null);
        depth.enter();
        try {
            r = c.continueWith(sent);
        } catch (AioException e) {
            throw raised(e);
        } finally {
            depth.exit();
            left();
        }
        return returned(r);
    }

    /**
     * Before the body runs again: the continuation to resume with {@code sent}, by calling its call
     * target with its frame and {@code sent} ({@link ContinuationResult#continueWith}'s convention).
     */
    public ContinuationResult enter(Object sent) {
        if (running) {
            throw PyErrors.valueError(kind() + " already executing");
        }
        checkFirstValue(sent);
        started = true;
        running = true;
        return continuation;
    }

    /** After the body ran, whichever way it ended. */
    public void left() {
        running = false;
    }

    /** The body returned {@code r} to its resumer: true when it suspended (at a new continuation), false when it finished. */
    public boolean returned(Object r) {
        if (r instanceof ContinuationResult next) {
            continuation = next;
            value = next.getResult();
            return true;
        }
        finish();
        value = r;
        return false;
    }

    /** The body raised {@code e}: it is finished, and what its resumer raises is returned. */
    @TruffleBoundary
    public AioException raised(AioException e) {
        finish();
        if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
            // PEP 479: a StopIteration leaking out of the body would end the caller's loop silently.
            AioException error = PyErrors.runtimeError(kind() + " raised StopIteration");
            error.getException().setCause(e.getException());
            return error;
        }
        return e;
    }

    /**
     * {@code close()}: GeneratorExit at the suspension point, through the owner's {@code resume};
     * the body must not suspend again. A body never started, or finished, just ends.
     */
    @TruffleBoundary
    public void close(Resume resume) {
        if (finished || !started) {
            started = true;
            finish();
            return;
        }
        throwGeneratorExit(resume, kind());
    }

    /**
     * GeneratorExit thrown in at the suspension point through {@code resume}, as {@code close()}
     * does: the body ending (with GeneratorExit or a return) is the close; suspending again is
     * CPython's "{@code kind} ignored GeneratorExit".
     */
    @TruffleBoundary
    public static void throwGeneratorExit(Resume resume, String kind) {
        try {
            if (resume.resume(new ThrowRequest(new PyBaseException(BuiltinTypes.GENERATOR_EXIT, PyTuple.EMPTY)))) {
                throw PyErrors.runtimeError(kind + " ignored GeneratorExit");
            }
        } catch (AioException e) {
            PyType t = e.getPyType();
            if (!t.isSubtypeOf(BuiltinTypes.GENERATOR_EXIT) && !t.isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                throw e;
            }
        }
    }

    /** The StopIteration that ends a {@code send()} or {@code throw()}: it carries the body's return value. */
    @TruffleBoundary
    public static AioException stopIteration(Object returned) {
        PyTuple args = returned == null || returned == PyNone.NONE ? PyTuple.EMPTY : PyTuple.of(returned);
        return new AioException(new PyBaseException(BuiltinTypes.STOP_ITERATION, args), null);
    }

    public void finish() {
        finished = true;
        continuation = null;
        value = null;
    }

    /** What the body last suspended with, or what it returned. */
    public Object value() {
        return value;
    }

    /**
     * Where the body stands while it runs: the line its frame on the calling thread's stack is at
     * (its continuation's frame holds the same locals), or null when it is not running there.
     */
    @TruffleBoundary
    public SourceSection runningLocation() {
        if (!running || continuation == null) {
            return null;
        }
        Frame locals = continuation.getFrame();
        return Truffle.getRuntime().iterateFrames(frame -> {
            if (frame.getCallTarget() instanceof RootCallTarget target && target.getRootNode() instanceof ContinuationRootNode) {
                Object[] arguments = frame.getFrame(FrameInstance.FrameAccess.READ_ONLY).getArguments();
                if (arguments.length > 0 && arguments[0] == locals) {
                    BytecodeNode bytecode = BytecodeNode.get(frame);
                    return bytecode == null ? null : bytecode.getSourceLocation(frame);
                }
            }
            return null;
        });
    }

    public boolean isStarted() {
        return started;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Where the body is suspended, or null once it finished. */
    public ContinuationResult continuation() {
        return continuation;
    }
}
