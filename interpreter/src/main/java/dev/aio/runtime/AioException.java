package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.nodes.ops.Traceback;

/**
 * A raised Python exception travelling through the Java stack. Its source location (what
 * {@code PolyglotException.getSourceLocation()} answers) is where it was raised: the innermost
 * frame of its traceback.
 */
@ExportLibrary(InteropLibrary.class)
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

    @ExportMessage
    @TruffleBoundary
    boolean hasSourceLocation() {
        return raisedAt() != null;
    }

    @ExportMessage(name = "getSourceLocation")
    @TruffleBoundary
    SourceSection sourceLocation() throws UnsupportedMessageException {
        SourceSection at = raisedAt();
        if (at == null) {
            throw UnsupportedMessageException.create();
        }
        return at;
    }

    private SourceSection raisedAt() {
        if (exception.traceback().isEmpty()) {
            return null;
        }
        Traceback.Entry innermost = exception.traceback().get(0);
        SourceSection at = innermost.bytecode().getSourceLocation(innermost.bytecodeIndex());
        return at != null && at.isAvailable() ? at : null;
    }
}
