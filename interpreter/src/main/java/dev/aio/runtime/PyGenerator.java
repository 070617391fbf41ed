package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ContinuationResult;

import dev.aio.asyncio.ThrowRequest;

/**
 * The generator a {@code def} containing {@code yield} returns: its body, suspended in a Bytecode
 * DSL continuation like a coroutine's, resumed by {@code next()}, {@code send()} and {@code throw()}.
 */
public final class PyGenerator extends PyIterator implements Sendable {
    private static final PyType TYPE = new PyType("generator", "builtins", BuiltinTypes.OBJECT);

    private final PyFunction function;
    private final SuspendedBody body;

    public PyGenerator(PyFunction function, ContinuationResult start) {
        this.function = function;
        this.body = new SuspendedBody(SuspendedBody.Kind.GENERATOR, start);
    }

    /** Its suspended body (for tests of what a suspended body keeps). */
    SuspendedBody body() {
        return body;
    }

    /** Resumes with {@code value}; returns the next yielded value, or {@code null} when the body returned (its value in {@code returned[0]}). */
    @TruffleBoundary
    public Object resume(Object value, Object[] returned) {
        if (body.isFinished()) {
            if (value instanceof ThrowRequest t) {
                throw new AioException(t.exception(), null);
            }
            returned[0] = PyNone.NONE;
            return null;
        }
        if (body.resume(value)) {
            return body.value();
        }
        returned[0] = body.value();
        return null;
    }

    @Override
    public Object next() {
        return resume(PyNone.NONE, new Object[1]);
    }

    /** {@code gen.send(v)}: the next value, or StopIteration carrying the return value. */
    @Override
    @TruffleBoundary
    public Object send(Object value) {
        Object[] returned = new Object[1];
        Object v = resume(value, returned);
        if (v == null) {
            throw SuspendedBody.stopIteration(returned[0]);
        }
        return v;
    }

    /** {@code gen.close()}: GeneratorExit at the suspended yield; the generator must not yield again. */
    @Override
    @TruffleBoundary
    public void close() {
        body.close(body::resume);
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
