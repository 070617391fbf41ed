package dev.aio.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * CPython 3.11's "Did you mean" suggestions (the semantics of its {@code Python/suggestions.c}):
 * when a {@code NameError} or {@code AttributeError} raised for a name is printed, the closest
 * known name by a Levenshtein distance (moves cost 2, a change of letter case 1) is offered, if
 * it is close enough for the length of the names.
 */
public final class Suggestions {
    private static final int MAX_CANDIDATE_ITEMS = 750;
    private static final int MAX_STRING_SIZE = 40;
    private static final int MOVE_COST = 2;
    private static final int CASE_COST = 1;

    private Suggestions() {
    }

    /**
     * Where a {@code NameError} looked for its name, searched in this order for a suggestion:
     * the local variable names of the function, its module's globals, the builtins.
     */
    public record NameScopes(String[] localNames, PyModule globals, PyModule builtins) {
    }

    /** {@code NameError: name 'x' is not defined}, remembering where it was looked for. */
    @TruffleBoundary
    public static AioException nameError(String name, NameScopes scopes) {
        AioException e = PyErrors.nameError(name);
        e.getException().dict().put("name", name);
        e.getException().setNameScopes(scopes);
        return e;
    }

    /** The text CPython adds to the exception's line ({@code . Did you mean: 'x'?}), or {@code ""}. */
    @TruffleBoundary
    public static String forException(PyBaseException e) {
        if (e.dict().get("name") instanceof String name) {
            if (e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                Object obj = e.dict().get("obj");
                return obj == null ? "" : offer(Attributes.names(obj), name);
            }
            NameScopes scopes = e.getNameScopes();
            if (scopes != null && e.getPyType().isSubtypeOf(BuiltinTypes.NAME_ERROR)) {
                String found = closest(List.of(scopes.localNames()), name);
                if (found == null) {
                    found = closest(keys(scopes.globals()), name);
                }
                if (found == null) {
                    found = closest(keys(scopes.builtins()), name);
                }
                return found == null ? "" : ". Did you mean: '" + found + "'?";
            }
        }
        return "";
    }

    private static String offer(List<String> candidates, String name) {
        String found = closest(candidates, name);
        return found == null ? "" : ". Did you mean: '" + found + "'?";
    }

    private static List<String> keys(PyModule module) {
        List<String> names = new ArrayList<>();
        if (module != null) {
            for (Object key : module.namespace().keys()) {
                if (key instanceof String s) {
                    names.add(s);
                }
            }
        }
        return names;
    }

    /** The candidate closest to {@code name} if one is close enough; the first of equally close ones. */
    static String closest(List<String> candidates, String name) {
        if (candidates.size() >= MAX_CANDIDATE_ITEMS) {
            return null;
        }
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        String suggestion = null;
        int suggestionDistance = Integer.MAX_VALUE;
        for (String item : candidates) {
            if (item.equals(name)) {
                continue;
            }
            byte[] candidate = item.getBytes(StandardCharsets.UTF_8);
            // The longer the names, the more edits are allowed; never as many as the best so far.
            int maxDistance = (wanted.length + candidate.length + 3) * MOVE_COST / 6;
            if (suggestionDistance - 1 < maxDistance) {
                maxDistance = suggestionDistance - 1;
            }
            int distance = distance(wanted, candidate, maxDistance);
            if (distance > maxDistance) {
                continue;
            }
            if (suggestion == null || distance < suggestionDistance) {
                suggestion = item;
                suggestionDistance = distance;
            }
        }
        return suggestion;
    }

    /** The edit distance of two UTF-8 names, or {@code maxCost + 1} once it is certain to exceed {@code maxCost}. */
    static int distance(byte[] a, byte[] b, int maxCost) {
        int aStart = 0;
        int bStart = 0;
        int aEnd = a.length;
        int bEnd = b.length;
        // A common prefix and suffix cost nothing.
        while (aStart < aEnd && bStart < bEnd && a[aStart] == b[bStart]) {
            aStart++;
            bStart++;
        }
        while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] == b[bEnd - 1]) {
            aEnd--;
            bEnd--;
        }
        int aSize = aEnd - aStart;
        int bSize = bEnd - bStart;
        if (aSize == 0 || bSize == 0) {
            return (aSize + bSize) * MOVE_COST;
        }
        if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) {
            return maxCost + 1;
        }
        if (bSize < aSize) {
            byte[] t = a;
            a = b;
            b = t;
            int s = aStart;
            aStart = bStart;
            bStart = s;
            s = aSize;
            aSize = bSize;
            bSize = s;
        }
        if ((bSize - aSize) * MOVE_COST > maxCost) {
            return maxCost + 1;
        }
        // One row of the distance matrix, updated in place: row[i] is the cost of a's first i + 1 bytes.
        int[] row = new int[aSize];
        for (int i = 0; i < aSize; i++) {
            row[i] = (i + 1) * MOVE_COST;
        }
        int result = 0;
        for (int j = 0; j < bSize; j++) {
            byte code = b[bStart + j];
            int diagonal = j * MOVE_COST;
            result = diagonal;
            int minimum = Integer.MAX_VALUE;
            for (int i = 0; i < aSize; i++) {
                int substitute = diagonal + substitutionCost(code, a[aStart + i]);
                diagonal = row[i];
                int insertDelete = Math.min(result, diagonal) + MOVE_COST;
                result = Math.min(insertDelete, substitute);
                row[i] = result;
                minimum = Math.min(minimum, result);
            }
            if (minimum > maxCost) {
                return maxCost + 1;
            }
        }
        return result;
    }

    private static int substitutionCost(byte a, byte b) {
        if ((a & 31) != (b & 31)) {
            return MOVE_COST;
        }
        if (a == b) {
            return 0;
        }
        return lowerAscii(a) == lowerAscii(b) ? CASE_COST : MOVE_COST;
    }

    private static int lowerAscii(byte c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
