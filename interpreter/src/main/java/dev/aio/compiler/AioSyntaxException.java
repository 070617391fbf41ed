package dev.aio.compiler;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A program aio cannot run, reported before it starts; the message is the full CPython-style
 * report, and the line at fault is the exception's source location
 * ({@code PolyglotException.getSourceLocation()}).
 */
@ExportLibrary(InteropLibrary.class)
public final class AioSyntaxException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final transient SourceSection location;

    public AioSyntaxException(String report, Throwable cause, Source source, int line) {
        super(report, cause, UNLIMITED_STACK_TRACE, null);
        this.location = source != null && line >= 1 && line <= source.getLineCount() ? source.createSection(line) : null;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }

    @ExportMessage
    boolean hasSourceLocation() {
        return location != null;
    }

    @ExportMessage(name = "getSourceLocation")
    SourceSection sourceLocation() throws UnsupportedMessageException {
        if (location == null) {
            throw UnsupportedMessageException.create();
        }
        return location;
    }
}
