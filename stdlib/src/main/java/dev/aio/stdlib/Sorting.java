package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.AioException;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyOps;

/** {@code list.sort} and {@code sorted}: stable, with {@code key} and {@code reverse}, comparing with {@code <}. */
final class Sorting {
    private Sorting() {
    }

    private record Keyed(Object key, Object value) {
    }

    /** Carries an aio exception raised by a comparison out of Java's sort. */
    private static final class ComparisonFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ComparisonFailed(AioException cause) {
            super(cause);
        }
    }

    @TruffleBoundary
    static void sort(PyList list, Object key, Object reverse) {
        Object keyFn = Args.orDefault(key, null);
        boolean descending = Args.given(reverse) && PyOps.isTrue(reverse);
        Object[] values = list.toArray();
        // As in CPython, the list is empty while keys and comparisons run; it gets its items back however the sort ends.
        list.items().clear();
        List<Keyed> items = new ArrayList<>(values.length);
        try {
            for (Object v : values) {
                items.add(new Keyed(keyFn == null ? v : Calls.call(keyFn, v), v));
            }
            sortKeyed(items, descending);
            for (int i = 0; i < values.length; i++) {
                values[i] = items.get(i).value();
            }
        } finally {
            boolean modified = !list.items().isEmpty();
            list.items().clear();
            Collections.addAll(list.items(), values);
            if (modified) {
                throw PyErrors.valueError("list modified during sort");
            }
        }
    }

    private static void sortKeyed(List<Keyed> items, boolean descending) {
        if (descending) {
            // Python's reverse sort keeps equal elements in their original order.
            Collections.reverse(items);
        }
        try {
            items.sort((a, b) -> {
                try {
                    if (Operators.lessThan(a.key(), b.key())) {
                        return -1;
                    }
                    return Operators.lessThan(b.key(), a.key()) ? 1 : 0;
                } catch (AioException e) {
                    throw new ComparisonFailed(e);
                }
            });
        } catch (ComparisonFailed e) {
            throw (AioException) e.getCause();
        }
        if (descending) {
            Collections.reverse(items);
        }
    }
}
