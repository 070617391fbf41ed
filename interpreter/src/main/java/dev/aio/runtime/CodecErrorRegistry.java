package dev.aio.runtime;

import java.util.HashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;

/**
 * The error handlers a program registered with {@code codecs.register_error} (CPython's
 * Python/codecs.c registry): the codecs call one when the {@code errors} argument names it,
 * with the UnicodeError, and go on with the replacement and position it returns.
 */
public final class CodecErrorRegistry {
    private final Map<String, Object> handlers = new HashMap<>();

    public static CodecErrorRegistry of(AioContext context) {
        return context.programState(CodecErrorRegistry.class, CodecErrorRegistry::new);
    }

    @TruffleBoundary
    public void register(String name, Object handler) {
        if (!Calls.isCallable(handler)) {
            throw PyErrors.typeError("handler must be callable");
        }
        handlers.put(name, handler);
    }

    /** The handler registered as {@code name}, or {@code null}. */
    @TruffleBoundary
    public Object get(String name) {
        return handlers.get(name);
    }

    /** The handler registered as {@code name}, or CPython's LookupError. */
    static Object require(String name) {
        Object handler = of(AioContext.get(null)).get(name);
        if (handler == null) {
            throw Codecs.unknownHandler(name);
        }
        return handler;
    }

    /**
     * Calls the handler with the error and checks its answer, a (replacement, position) tuple:
     * the replacement as the caller takes it ({@code str}, or {@code bytes} when encoding), the
     * position where the codec goes on, negative from the end of {@code length}.
     */
    static Replacement call(Object handler, AioException error, int length, boolean encoding) {
        Object result = Calls.call(handler, error.getException());
        Object replacement = result instanceof PyTuple t && t.items().length == 2 ? t.items()[0] : null;
        boolean accepted = replacement instanceof String || encoding && replacement instanceof PyBytes;
        if (!accepted) {
            throw PyErrors.typeError(encoding ? "encoding error handler must return (str/bytes, int) tuple" : "decoding error handler must return (str, int) tuple");
        }
        Object given = ((PyTuple) result).items()[1];
        if (!(given instanceof Long position)) {
            throw PyErrors.typeError("'" + PyOps.typeName(given) + "' object cannot be interpreted as an integer");
        }
        long at = position < 0 ? length + position : position;
        if (at < 0 || at > length) {
            throw PyErrors.raise(BuiltinTypes.INDEX_ERROR, "position " + position + " from error handler out of bounds");
        }
        return new Replacement(replacement, (int) at);
    }

    /** What a handler answered: the text (or bytes) to put in, and the position to go on from. */
    record Replacement(Object text, int position) {
    }
}
