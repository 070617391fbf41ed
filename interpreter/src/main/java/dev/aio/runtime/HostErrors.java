package dev.aio.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import dev.aio.AioContext;

/**
 * A Java exception (thrown by a host method aio code called, or completing a host future it
 * awaited) as the aio exception a script sees: CancellationException is CancelledError,
 * TimeoutException is TimeoutError, anything else a RuntimeError naming the Java exception. The
 * script sees its message, never a Java stack trace; the Java exception itself stays with the aio
 * one ({@link JavaException}), and goes back to the host if the script does not catch it.
 */
public final class HostErrors {
    private HostErrors() {
    }

    /**
     * An exception an interop call threw: aio's own passes through, and so does an interrupt or an
     * exit (Context.interrupt, a stopped run), which no script may catch; any other is converted.
     */
    @TruffleBoundary
    public static AbstractTruffleException toAio(AbstractTruffleException e) {
        if (e instanceof AioException || isUncatchable(e)) {
            return e;
        }
        var env = AioContext.get(null).getEnv();
        if (env.isHostException(e)) {
            AbstractTruffleException converted = toAio(env.asHostException(e));
            if (converted instanceof AioException aio && aio.getException().getJavaException() != null) {
                aio.getException().setJavaException(new JavaException(aio.getException().getJavaException().throwable(), e));
            }
            return converted;
        }
        return PyErrors.runtimeError(e.getMessage());
    }

    /** The aio exception a Java future's exceptional completion stands for. */
    @TruffleBoundary
    public static PyBaseException exceptionOf(Throwable t) {
        AbstractTruffleException e = toAio(t);
        return e instanceof AioException aio ? aio.getException() : PyErrors.runtimeError(e.getMessage()).getException();
    }

    private static boolean isUncatchable(AbstractTruffleException e) {
        try {
            ExceptionType type = InteropLibrary.getUncached().getExceptionType(e);
            return type == ExceptionType.INTERRUPT || type == ExceptionType.EXIT;
        } catch (UnsupportedMessageException notAnException) {
            return false;
        }
    }

    @TruffleBoundary
    public static AbstractTruffleException toAio(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AbstractTruffleException truffle) {
            return toAio(truffle);
        }
        String text = cause.getMessage() == null ? cause.getClass().getName() : cause.getClass().getName() + ": " + cause.getMessage();
        if (cause instanceof CancellationException) {
            return PyErrors.raiseNoArgs(BuiltinTypes.CANCELLED_ERROR);
        }
        AioException converted = cause instanceof TimeoutException ? PyErrors.raise(BuiltinTypes.TIMEOUT_ERROR, text) : PyErrors.runtimeError(text);
        converted.getException().setJavaException(new JavaException(AioContext.get(null).getEnv().asGuestValue(cause), null));
        return converted;
    }

    /**
     * What the host gets when {@code e} escapes aio code: the Java exception it was made from, as
     * it was thrown (so that {@code PolyglotException.isHostException()} holds), or {@code e}.
     */
    @TruffleBoundary
    public static AbstractTruffleException toHost(AioException e) {
        JavaException java = e.getException().getJavaException();
        if (java == null || java.thrown() == null) {
            return e;
        }
        AioContext context = AioContext.get(null);
        context.escapedJavaExceptions().put((Throwable) context.getEnv().asHostObject(java.throwable()), e.getException());
        return java.thrown();
    }
}
