package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/** A raised Python exception travelling through the Java stack. */
public final class AioException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final transient PyBaseException exception;

    public AioException(PyBaseException exception, Node location) {
        super(location);
        this.exception = exception;
    }

    public PyBaseException getException() {
        return exception;
    }

    public PyType getPyType() {
        return exception.getPyType();
    }

    @Override
    @TruffleBoundary
    public String getMessage() {
        String s;
        try {
            s = exception.str();
        } catch (AioException failed) {
            s = "<exception str() failed>";
        }
        return s.isEmpty() ? exception.getPyType().getName() : exception.getPyType().getName() + ": " + s;
    }
}
