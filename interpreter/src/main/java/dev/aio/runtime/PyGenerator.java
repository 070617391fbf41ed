package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;

import dev.aio.asyncio.ThrowRequest;

/**
 * The generator a {@code def} containing {@code yield} returns: its body, suspended in a Bytecode
 * DSL continuation like a coroutine's, resumed by {@code next()}, {@code send()} and {@code throw()}.
 */
public final class PyGenerator extends PyIterator {
    private static final PyType TYPE = new PyType("generator", "builtins", BuiltinTypes.OBJECT);

    private final PyFunction function;
    private ContinuationResult continuation;
    private boolean started;
    private boolean running;
    private boolean finished;

    public PyGenerator(PyFunction function, ContinuationResult start) {
        this.function = function;
        this.continuation = start;
    }

    /** Resumes with {@code value}; returns the next yielded value, or {@code null} when the body returned (its value in {@code returned[0]}). */
    @TruffleBoundary
    public Object resume(Object value, Object[] returned) {
        if (finished) {
            if (value instanceof ThrowRequest t) {
                throw new AioException(t.exception(), null);
            }
            returned[0] = PyNone.NONE;
            return null;
        }
        if (running) {
            throw PyErrors.valueError("generator already executing");
        }
        if (!started && value != PyNone.NONE && !(value instanceof ThrowRequest)) {
            throw PyErrors.typeError("can't send non-None value to a just-started generator");
        }
        started = true;
        running = true;
        Object r;
        try {
            r = continuation.continueWith(value);
        } catch (AioException e) {
            finish();
            if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                AioException error = PyErrors.runtimeError("generator raised StopIteration");
                error.getException().setCause(e.getException());
                throw error;
            }
            throw e;
        } finally {
            running = false;
        }
        if (r instanceof ContinuationResult next) {
            continuation = next;
            return next.getResult();
        }
        finish();
        returned[0] = r;
        return null;
    }

    private void finish() {
        finished = true;
        continuation = null;
    }

    @Override
    public Object next() {
        return resume(PyNone.NONE, new Object[1]);
    }

    /** {@code gen.send(v)}: the next value, or StopIteration carrying the return value. */
    @TruffleBoundary
    public Object send(Object value) {
        Object[] returned = new Object[1];
        Object v = resume(value, returned);
        if (v == null) {
            throw stopIteration(returned[0]);
        }
        return v;
    }

    @TruffleBoundary
    public Object throwIn(PyBaseException exception) {
        Object[] returned = new Object[1];
        Object v = resume(new ThrowRequest(exception), returned);
        if (v == null) {
            throw stopIteration(returned[0]);
        }
        return v;
    }

    /** {@code gen.close()}: GeneratorExit at the suspended yield; the generator must not yield again. */
    @TruffleBoundary
    public void close() {
        if (finished || !started) {
            finish();
            return;
        }
        try {
            Object v = resume(new ThrowRequest(new PyBaseException(BuiltinTypes.GENERATOR_EXIT, PyTuple.EMPTY)), new Object[1]);
            if (v != null) {
                throw PyErrors.runtimeError("generator ignored GeneratorExit");
            }
        } catch (AioException e) {
            PyType t = e.getPyType();
            if (!t.isSubtypeOf(BuiltinTypes.GENERATOR_EXIT) && !t.isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                throw e;
            }
        }
    }

    private static AioException stopIteration(Object value) {
        PyTuple args = value == null || value == PyNone.NONE ? PyTuple.EMPTY : PyTuple.of(value);
        return new AioException(new PyBaseException(BuiltinTypes.STOP_ITERATION, args), null);
    }

    public static PyType type() {
        return TYPE;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<generator object " + function.getQualName() + " at " + Ids.address(this) + ">";
    }
}
