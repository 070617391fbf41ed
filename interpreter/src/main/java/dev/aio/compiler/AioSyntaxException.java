package dev.aio.compiler;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A program aio cannot run, reported before it starts; the message is the full CPython-style report. */
@ExportLibrary(InteropLibrary.class)
public final class AioSyntaxException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public AioSyntaxException(String report, Throwable cause) {
        super(report, cause, UNLIMITED_STACK_TRACE, null);
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }
}
