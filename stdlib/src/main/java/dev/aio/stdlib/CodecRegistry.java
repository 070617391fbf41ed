package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;

/**
 * The program's codec registry (CPython's Python/codecs.c): the search functions
 * {@code codecs.register} added, asked in order for a normalized encoding name, and the answers
 * cached. As CPython imports {@code encodings} at start-up, whose search function finds the
 * codec modules of the {@code encodings} package, aio imports it at the first lookup.
 */
final class CodecRegistry {
    private final List<Object> searchFunctions = new ArrayList<>();
    private final Map<String, Object> cache = new HashMap<>();
    private boolean encodingsImported;

    static CodecRegistry of(AioContext context) {
        return context.programState(CodecRegistry.class, CodecRegistry::new);
    }

    /** CPython's {@code normalizestring}: lower case, spaces as hyphens. */
    private static String normalize(String encoding) {
        return encoding.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    @TruffleBoundary
    void register(Object searchFunction) {
        if (!Calls.isCallable(searchFunction)) {
            throw PyErrors.typeError("argument must be callable");
        }
        searchFunctions.add(searchFunction);
    }

    @TruffleBoundary
    void unregister(Object searchFunction) {
        searchFunctions.remove(searchFunction);
        cache.clear();
    }

    @TruffleBoundary
    void forget(String encoding) {
        cache.remove(normalize(encoding));
    }

    /** The CodecInfo (a 4-tuple or more) the first search function that knows {@code encoding} gives; LookupError if none does. */
    @TruffleBoundary
    Object lookup(AioContext context, String encoding) {
        if (!encodingsImported) {
            encodingsImported = true;
            context.importModule("encodings");
        }
        String name = normalize(encoding);
        Object cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        for (Object search : List.copyOf(searchFunctions)) {
            Object result = Calls.call(search, name);
            if (result == PyNone.NONE) {
                continue;
            }
            if (!(result instanceof PyTuple t) || t.items().length != 4) {
                throw PyErrors.typeError("codec search functions must return 4-tuples");
            }
            cache.put(name, result);
            return result;
        }
        throw PyErrors.raise(BuiltinTypes.LOOKUP_ERROR, "unknown encoding: " + encoding);
    }
}
