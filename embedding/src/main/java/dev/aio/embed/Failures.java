package dev.aio.embed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** How a failed run reaches the Java side of an {@link Aio}: as exceptions that say what happened in aio terms. */
final class Failures {
    /** The exit status aio stops a run with when its time limit is reached. */
    private static final int TIME_LIMIT_STATUS = 124;
    private static final int DEADLOCK_STATUS = 3;

    private final double timeLimitSeconds;
    /** {@code _aio_embed_format} of serve.aio: an aio exception's traceback, as aio prints it. */
    private final Value formatTraceback;

    Failures(double timeLimitSeconds, Value formatTraceback) {
        this.timeLimitSeconds = timeLimitSeconds;
        this.formatTraceback = formatTraceback;
    }

    RuntimeException toJava(PolyglotException e) {
        if (e.isResourceExhausted()) {
            return new AioLimitException(e.getMessage());
        }
        if (e.isExit() && e.getExitStatus() == TIME_LIMIT_STATUS) {
            return new AioLimitException("time limit of " + timeLimitSeconds + " s reached (aio.TimeLimit)");
        }
        if (e.isExit() && e.getExitStatus() == DEADLOCK_STATUS) {
            return new AioScriptException("Deadlock", "no task can ever run again (the report is on the error stream)", "");
        }
        if (e.isCancelled() || e.isInterrupted()) {
            CancellationException c = new CancellationException("the aio run was cancelled");
            c.initCause(e);
            return c;
        }
        if (e.isHostException() && e.asHostException() instanceof RuntimeException original) {
            // A Java exception the script let through: the embedder gets it back as it was thrown,
            // the aio frames it passed through as a suppressed AioScriptException.
            original.addSuppressed(new AioScriptException("RuntimeError", original.toString(), traceback(e, original)));
            return original;
        }
        if (e.isSyntaxError()) {
            // The message is CPython's whole report: where, the line, the caret, and last the exception.
            String report = e.getMessage().stripTrailing();
            String last = report.substring(report.lastIndexOf('\n') + 1);
            int colon = last.indexOf(": ");
            return new AioScriptException(colon < 0 ? last : last.substring(0, colon), colon < 0 ? "" : last.substring(colon + 2), report + "\n");
        }
        if (e.isGuestException() && !e.isInternalError()) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            String type = colon < 0 ? message : message.substring(0, colon);
            String text = colon < 0 ? "" : message.substring(colon + 2);
            return new AioScriptException(type, text, traceback(e, e.getGuestObject()));
        }
        return e;
    }

    /** {@code exception}: the aio exception, or the Java exception it stood for (aio knows which one that was). */
    private String traceback(PolyglotException e, Object exception) {
        try {
            return formatTraceback.execute(exception).asString();
        } catch (PolyglotException | IllegalStateException notNow) {
            // The context is closing: the frames the polyglot stack trace knows.
            return polyglotTraceback(e);
        }
    }

    /** The aio frames the exception passed through, outermost first, as CPython prints a traceback. */
    private static String polyglotTraceback(PolyglotException e) {
        List<String> frames = new ArrayList<>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection at = frame.getSourceLocation();
            if (frame.isGuestFrame() && at != null && !at.getSource().isInternal()) {
                frames.add("  File \"" + at.getSource().getName() + "\", line " + at.getStartLine() + ", in " + frame.getRootName() + "\n");
            }
        }
        Collections.reverse(frames);
        return "Traceback (most recent call last):\n" + String.join("", frames) + e.getMessage() + "\n";
    }
}
