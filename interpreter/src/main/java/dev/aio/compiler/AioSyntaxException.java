package dev.aio.compiler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

import dev.aio.parser.AioSyntaxError;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

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

    /**
     * This error as the SyntaxError (or IndentationError) a program may catch: an imported file
     * or what {@code exec}/{@code eval}/{@code compile} were given does not compile. Printed
     * uncaught, it shows this report as CPython shows it; {@code offset}, {@code text} and the end
     * position are set when the parser found the error. {@code text} ends with a newline, as
     * CPython's tokenizer reads lines, unless {@code lastLineUnterminated} ({@code eval}'s input,
     * which CPython does not complete with one) and the error is on that line.
     */
    public AioException toPython(boolean lastLineUnterminated) {
        String report = getMessage();
        String[] lines = report.split("\n");
        String last = lines[lines.length - 1];
        int colon = last.indexOf(": ");
        String kind = colon < 0 ? "SyntaxError" : last.substring(0, colon);
        String message = colon < 0 ? last : last.substring(colon + 2);
        Object fileName = PyNone.NONE;
        long line = 0;
        Matcher m = Pattern.compile("^  File \"(.*)\", line (\\d+)").matcher(lines[0]);
        if (m.find()) {
            fileName = m.group(1);
            line = Long.parseLong(m.group(2));
        }
        Object offset = PyNone.NONE;
        Object text = PyNone.NONE;
        Object endOffset = PyNone.NONE;
        if (getCause() instanceof AioSyntaxError cause && cause.line() > 0) {
            offset = (long) cause.column();
            endOffset = (long) cause.endColumn();
            boolean onLastLine = location != null && cause.line() == location.getSource().getLineCount();
            text = cause.sourceLine() == null ? PyNone.NONE : lastLineUnterminated && onLastLine ? cause.sourceLine() : cause.sourceLine() + "\n";
        }
        PyBaseException e = new PyBaseException(kind.equals("IndentationError") ? BuiltinTypes.INDENTATION_ERROR : BuiltinTypes.SYNTAX_ERROR,
                        PyTuple.of(message, PyTuple.of(fileName, line, offset, text, line, endOffset)));
        e.setSyntaxLocation(report.substring(0, report.length() - last.length() - 1).stripTrailing() + "\n");
        e.dict().put("msg", message);
        e.dict().put("filename", fileName);
        e.dict().put("lineno", line);
        e.dict().put("offset", offset);
        e.dict().put("text", text);
        e.dict().put("end_lineno", line);
        e.dict().put("end_offset", endOffset);
        return new AioException(e, null);
    }
}
