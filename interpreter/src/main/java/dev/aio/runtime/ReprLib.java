package dev.aio.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * CPython's {@code reprlib.repr}: a repr cut to a size fit for a log line, with {@code reprlib.Repr}'s
 * default limits (six levels, six items of a list, tuple, set or deque, four of a dict, 30 characters
 * of a str or other object, 40 digits of an int). asyncio shows a finished future's or task's
 * result with it ({@code base_futures._future_repr_info}).
 */
public final class ReprLib {
    private static final int MAX_LEVEL = 6;
    private static final int MAX_ITEMS = 6;
    private static final int MAX_DICT = 4;
    private static final int MAX_STRING = 30;
    private static final int MAX_LONG = 40;
    private static final int MAX_OTHER = 30;

    private ReprLib() {
    }

    @TruffleBoundary
    public static String repr(Object x) {
        return repr(x, MAX_LEVEL);
    }

    /** {@code Repr.repr1}: the builtin types by their exact type (a subclass is any other object). */
    private static String repr(Object x, int level) {
        PyType type = PyOps.typeOf(x);
        if (type == BuiltinTypes.STR) {
            String s = (String) x;
            String shown = PyOps.repr(s.length() > MAX_STRING ? s.substring(0, MAX_STRING) : s);
            return shown.length() > MAX_STRING ? elide(PyOps.repr(s), MAX_STRING) : shown;
        }
        if (type == BuiltinTypes.INT) {
            String s = PyOps.repr(x);
            return s.length() > MAX_LONG ? elide(s, MAX_LONG) : s;
        }
        if (type == BuiltinTypes.TUPLE) {
            return iterable(Arrays.asList(((PyTuple) x).items()), level, "(", ")", ",");
        }
        if (type == BuiltinTypes.LIST) {
            return iterable(((PyList) x).items(), level, "[", "]", "");
        }
        if (x instanceof PySet set && (type == BuiltinTypes.SET || type == BuiltinTypes.FROZENSET)) {
            boolean frozen = type == BuiltinTypes.FROZENSET;
            if (set.size() == 0) {
                return frozen ? "frozenset()" : "set()";
            }
            return iterable(possiblySorted(Arrays.asList(set.toArray())), level, frozen ? "frozenset({" : "{", frozen ? "})" : "}", "");
        }
        if (x instanceof PyDeque deque && type.getName().equals("deque") && type.getModule().equals("collections")) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < deque.size(); i++) {
                items.add(deque.get(i));
            }
            return iterable(items, level, "deque([", "])", "");
        }
        if (type == BuiltinTypes.DICT) {
            return dict((PyDict) x, level);
        }
        String s = PyOps.repr(x);
        return s.length() > MAX_OTHER ? elide(s, MAX_OTHER) : s;
    }

    private static String iterable(List<Object> items, int level, String left, String right, String trail) {
        int n = items.size();
        String s;
        if (level <= 0 && n > 0) {
            s = "...";
        } else {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < Math.min(n, MAX_ITEMS); i++) {
                pieces.add(repr(items.get(i), level - 1));
            }
            if (n > MAX_ITEMS) {
                pieces.add("...");
            }
            s = String.join(", ", pieces);
        }
        return left + s + (n == 1 ? trail : "") + right;
    }

    private static String dict(PyDict d, int level) {
        int n = d.size();
        if (n == 0) {
            return "{}";
        }
        if (level <= 0) {
            return "{...}";
        }
        List<String> pieces = new ArrayList<>();
        List<Object> keys = possiblySorted(Arrays.asList(d.keys()));
        for (int i = 0; i < Math.min(n, MAX_DICT); i++) {
            Object key = keys.get(i);
            pieces.add(repr(key, level - 1) + ": " + repr(d.get(key), level - 1));
        }
        if (n > MAX_DICT) {
            pieces.add("...");
        }
        return "{" + String.join(", ", pieces) + "}";
    }

    /** {@code reprlib._possibly_sorted}: sorted when the items compare, else as they come. */
    private static List<Object> possiblySorted(List<Object> items) {
        List<Object> sorted = new ArrayList<>(items);
        try {
            sorted.sort((a, b) -> Operators.lessThan(a, b) ? -1 : Operators.lessThan(b, a) ? 1 : 0);
            return sorted;
        } catch (AioException | IllegalArgumentException e) {
            return items;
        }
    }

    /** The first and last characters of {@code s}, {@code ...} between them, {@code max} characters in all. */
    private static String elide(String s, int max) {
        int head = Math.max(0, (max - 3) / 2);
        int tail = Math.max(0, max - 3 - head);
        return s.substring(0, head) + "..." + s.substring(s.length() - tail);
    }
}
