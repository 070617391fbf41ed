package dev.aio.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.aio.AioContext;

/**
 * A Java exception (thrown by a host method aio code called, or completing a host future it
 * awaited) as the aio exception a script sees: CancellationException is CancelledError,
 * TimeoutException is TimeoutError, anything else a RuntimeError naming the Java exception. The
 * script sees its message, never a Java stack trace.
 */
public final class HostErrors {
    private HostErrors() {
    }

    /** An exception an interop call threw: aio's own passes through, a host one is converted. */
    @TruffleBoundary
    public static AioException toAio(AbstractTruffleException e) {
        if (e instanceof AioException aio) {
            return aio;
        }
        var env = AioContext.get(null).getEnv();
        if (env.isHostException(e)) {
            return toAio(env.asHostException(e));
        }
        return PyErrors.runtimeError(e.getMessage());
    }

    @TruffleBoundary
    public static AioException toAio(Throwable t) {
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
        if (cause instanceof TimeoutException) {
            return PyErrors.raise(BuiltinTypes.TIMEOUT_ERROR, text);
        }
        return PyErrors.runtimeError(text);
    }
}
