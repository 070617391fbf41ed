package dev.aio.stdlib;

import java.util.ArrayList;

import dev.aio.ast.BinaryOperator;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * The iterators of {@code itertools}, after CPython's Modules/itertoolsmodule.c: each is its own
 * type ({@code itertools.chain}...), lazy, and pulls from its sources in the same order and as often
 * as CPython's, so side effects of the sources and the callables interleave the same way.
 */
final class ItertoolsIterators {
    private ItertoolsIterators() {
    }

    /** An itertools iterator: its own type in module {@code itertools}. */
    abstract static class ItertoolsIterator extends PyIterator {
        private final PyType type;

        ItertoolsIterator(PyType type) {
            this.type = type;
        }

        @Override
        public PyType getPyType() {
            return type;
        }
    }

    static PyType type(String name) {
        return new PyType(name, "itertools", BuiltinTypes.OBJECT);
    }

    static final PyType COUNT = type("count");
    static final PyType CYCLE = type("cycle");
    static final PyType REPEAT = type("repeat");
    static final PyType ACCUMULATE = type("accumulate");
    static final PyType CHAIN = type("chain");
    static final PyType COMPRESS = type("compress");
    static final PyType DROPWHILE = type("dropwhile");
    static final PyType TAKEWHILE = type("takewhile");
    static final PyType FILTERFALSE = type("filterfalse");
    static final PyType GROUPBY = type("groupby");
    static final PyType GROUPER = type("_grouper");
    static final PyType ISLICE = type("islice");
    static final PyType STARMAP = type("starmap");
    static final PyType TEE = type("_tee");
    static final PyType ZIP_LONGEST = type("zip_longest");
    static final PyType PAIRWISE = type("pairwise");
    static final PyType PRODUCT = type("product");
    static final PyType PERMUTATIONS = type("permutations");
    static final PyType COMBINATIONS = type("combinations");
    static final PyType COMBINATIONS_WITH_REPLACEMENT = type("combinations_with_replacement");

    static final PyType[] TYPES = {COUNT, CYCLE, REPEAT, ACCUMULATE, CHAIN, COMPRESS, DROPWHILE, TAKEWHILE, FILTERFALSE, GROUPBY, GROUPER, ISLICE, STARMAP, TEE,
                    ZIP_LONGEST, PAIRWISE, PRODUCT, PERMUTATIONS, COMBINATIONS, COMBINATIONS_WITH_REPLACEMENT};

    /** {@code count(start, step)}: start, start + step, ... (each the sum of the previous and step). */
    static final class Count extends ItertoolsIterator {
        private Object next;
        private final Object step;

        Count(Object start, Object step) {
            super(COUNT);
            this.next = start;
            this.step = step;
        }

        @Override
        public Object next() {
            Object v = next;
            next = Operators.binary(BinaryOperator.ADD, next, step);
            return v;
        }

        @Override
        public String repr() {
            boolean unitStep = step instanceof Long l && l == 1;
            return "count(" + PyOps.repr(next) + (unitStep ? "" : ", " + PyOps.repr(step)) + ")";
        }
    }

    /** {@code cycle(iterable)}: the items, saved on the first pass, over and over. */
    static final class Cycle extends ItertoolsIterator {
        private final PyIterator source;
        private final ArrayList<Object> saved = new ArrayList<>();
        private boolean firstPass = true;
        private int index;

        Cycle(PyIterator source) {
            super(CYCLE);
            this.source = source;
        }

        @Override
        public Object next() {
            if (firstPass) {
                Object v = source.next();
                if (v != null) {
                    saved.add(v);
                    return v;
                }
                firstPass = false;
            }
            if (saved.isEmpty()) {
                return null;
            }
            Object v = saved.get(index);
            index = (index + 1) % saved.size();
            return v;
        }
    }

    /** {@code repeat(object, times)}: the object, forever when {@code times} is -1. */
    static final class Repeat extends ItertoolsIterator {
        private final Object object;
        private long remaining;

        Repeat(Object object, long times) {
            super(REPEAT);
            this.object = object;
            this.remaining = times;
        }

        @Override
        public Object next() {
            if (remaining == 0) {
                return null;
            }
            if (remaining > 0) {
                remaining--;
            }
            return object;
        }

        @Override
        public String repr() {
            return "repeat(" + PyOps.repr(object) + (remaining < 0 ? "" : ", " + remaining) + ")";
        }
    }

    /** {@code accumulate(iterable, func, initial=)}: running totals (or results of {@code func}). */
    static final class Accumulate extends ItertoolsIterator {
        private final PyIterator source;
        private final Object function;
        private Object total;
        private Object initial;

        Accumulate(PyIterator source, Object function, Object initial) {
            super(ACCUMULATE);
            this.source = source;
            this.function = function;
            this.initial = initial;
        }

        @Override
        public Object next() {
            if (initial != null) {
                total = initial;
                initial = null;
                return total;
            }
            Object v = source.next();
            if (v == null) {
                return null;
            }
            if (total == null) {
                total = v;
            } else if (function == PyNone.NONE) {
                total = Operators.binary(BinaryOperator.ADD, total, v);
            } else {
                total = Calls.call(function, total, v);
            }
            return total;
        }
    }

    /** {@code chain(*iterables)} and {@code chain.from_iterable}: each iterable taken (iter()) only when reached. */
    static final class Chain extends ItertoolsIterator {
        private final PyIterator sources;
        private PyIterator active;

        Chain(PyIterator sources) {
            super(CHAIN);
            this.sources = sources;
        }

        @Override
        public Object next() {
            while (true) {
                if (active == null) {
                    Object iterable = sources.next();
                    if (iterable == null) {
                        return null;
                    }
                    active = Iteration.iter(iterable);
                }
                Object v = active.next();
                if (v != null) {
                    return v;
                }
                active = null;
            }
        }
    }

    /** {@code compress(data, selectors)}: the data items whose selector is true. */
    static final class Compress extends ItertoolsIterator {
        private final PyIterator data;
        private final PyIterator selectors;

        Compress(PyIterator data, PyIterator selectors) {
            super(COMPRESS);
            this.data = data;
            this.selectors = selectors;
        }

        @Override
        public Object next() {
            while (true) {
                Object v = data.next();
                if (v == null) {
                    return null;
                }
                Object s = selectors.next();
                if (s == null) {
                    return null;
                }
                if (PyOps.isTrue(s)) {
                    return v;
                }
            }
        }
    }

    /** {@code dropwhile(predicate, iterable)}: skips items while the predicate holds, then yields the rest. */
    static final class DropWhile extends ItertoolsIterator {
        private final Object predicate;
        private final PyIterator source;
        private boolean dropping = true;

        DropWhile(Object predicate, PyIterator source) {
            super(DROPWHILE);
            this.predicate = predicate;
            this.source = source;
        }

        @Override
        public Object next() {
            while (true) {
                Object v = source.next();
                if (v == null || !dropping) {
                    return v;
                }
                if (!PyOps.isTrue(Calls.call(predicate, v))) {
                    dropping = false;
                    return v;
                }
            }
        }
    }

    /** {@code takewhile(predicate, iterable)}: items while the predicate holds; the first failing item is consumed. */
    static final class TakeWhile extends ItertoolsIterator {
        private final Object predicate;
        private final PyIterator source;
        private boolean stopped;

        TakeWhile(Object predicate, PyIterator source) {
            super(TAKEWHILE);
            this.predicate = predicate;
            this.source = source;
        }

        @Override
        public Object next() {
            if (stopped) {
                return null;
            }
            Object v = source.next();
            if (v == null) {
                return null;
            }
            if (PyOps.isTrue(Calls.call(predicate, v))) {
                return v;
            }
            stopped = true;
            return null;
        }
    }

    /** {@code filterfalse(predicate, iterable)}: the items for which the predicate (or the item itself, for None) is false. */
    static final class FilterFalse extends ItertoolsIterator {
        private final Object predicate;
        private final PyIterator source;

        FilterFalse(Object predicate, PyIterator source) {
            super(FILTERFALSE);
            this.predicate = predicate;
            this.source = source;
        }

        @Override
        public Object next() {
            while (true) {
                Object v = source.next();
                if (v == null) {
                    return null;
                }
                Object test = predicate == PyNone.NONE ? v : Calls.call(predicate, v);
                if (!PyOps.isTrue(test)) {
                    return v;
                }
            }
        }
    }

    /**
     * {@code groupby(iterable, key)}: (key, group) for each run of items with equal keys. The groups
     * share the source: advancing the groupby ends the previous group, as in CPython.
     */
    static final class GroupBy extends ItertoolsIterator {
        private final PyIterator source;
        private final Object keyFunction;
        private Object targetKey;
        private Object currentKey;
        private Object currentValue;
        private Grouper currentGrouper;

        GroupBy(PyIterator source, Object keyFunction) {
            super(GROUPBY);
            this.source = source;
            this.keyFunction = keyFunction;
        }

        /** CPython's groupby_step: reads the next item and its key; false at the end. */
        boolean step() {
            Object v = source.next();
            if (v == null) {
                return false;
            }
            Object key = keyFunction == PyNone.NONE ? v : Calls.call(keyFunction, v);
            currentValue = v;
            currentKey = key;
            return true;
        }

        @Override
        public Object next() {
            currentGrouper = null;
            while (true) {
                if (currentKey != null) {
                    if (targetKey == null || !PyOps.eq(targetKey, currentKey)) {
                        break;
                    }
                }
                if (!step()) {
                    return null;
                }
            }
            targetKey = currentKey;
            currentGrouper = new Grouper(this, targetKey);
            return PyTuple.of(currentKey, currentGrouper);
        }
    }

    /** One group of a {@link GroupBy}: its items while the key stays equal and it is the current group. */
    static final class Grouper extends ItertoolsIterator {
        private final GroupBy parent;
        private final Object key;

        Grouper(GroupBy parent, Object key) {
            super(GROUPER);
            this.parent = parent;
            this.key = key;
        }

        @Override
        public Object next() {
            if (parent.currentGrouper != this) {
                return null;
            }
            if (parent.currentValue == null && !parent.step()) {
                return null;
            }
            if (!PyOps.eq(key, parent.currentKey)) {
                return null;
            }
            Object v = parent.currentValue;
            parent.currentValue = null;
            parent.currentKey = null;
            return v;
        }
    }

    /** {@code islice(iterable, start, stop, step)}, with CPython's reading: it never reads past the last item it yields. */
    static final class ISlice extends ItertoolsIterator {
        private PyIterator source;
        private long nextIndex;
        private final long stop;
        private final long step;
        private long count;

        ISlice(PyIterator source, long start, long stop, long step) {
            super(ISLICE);
            this.source = source;
            this.nextIndex = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        public Object next() {
            if (source == null) {
                return null;
            }
            while (count < nextIndex) {
                if (source.next() == null) {
                    source = null;
                    return null;
                }
                count++;
            }
            if (stop != -1 && count >= stop) {
                source = null;
                return null;
            }
            Object v = source.next();
            if (v == null) {
                source = null;
                return null;
            }
            count++;
            long previous = nextIndex;
            nextIndex += step;
            if (nextIndex < previous || (stop != -1 && nextIndex > stop)) {
                nextIndex = stop;
            }
            return v;
        }
    }

    /** {@code starmap(function, iterable)}: {@code function(*item)} for each item. */
    static final class StarMap extends ItertoolsIterator {
        private final Object function;
        private final PyIterator source;

        StarMap(Object function, PyIterator source) {
            super(STARMAP);
            this.function = function;
            this.source = source;
        }

        @Override
        public Object next() {
            Object args = source.next();
            return args == null ? null : Calls.call(function, Iteration.toArray(args));
        }
    }

    /** A read item of a {@link Tee}'s source, linked to the next one read. */
    static final class TeeLink {
        final Object value;
        TeeLink next;

        TeeLink(Object value) {
            this.value = value;
        }
    }

    /**
     * One of the iterators of {@code tee(iterable, n)}: they share the source and the items read
     * from it, each at its own position; items all of them have passed are garbage.
     */
    static final class Tee extends ItertoolsIterator {
        private final PyIterator source;
        private TeeLink position;

        Tee(PyIterator source, TeeLink position) {
            super(TEE);
            this.source = source;
            this.position = position;
        }

        @Override
        public Object next() {
            if (position.next == null) {
                Object v = source.next();
                if (v == null) {
                    return null;
                }
                position.next = new TeeLink(v);
            }
            position = position.next;
            return position.value;
        }

        /** {@code tee(t)} of a tee copies it: a new iterator at the same position. */
        Tee copy() {
            return new Tee(source, position);
        }
    }

    /** {@code zip_longest(*iterables, fillvalue=)}: tuples until the longest is exhausted, the others padded. */
    static final class ZipLongest extends ItertoolsIterator {
        private final PyIterator[] sources;
        private final Object fill;
        private int active;

        ZipLongest(PyIterator[] sources, Object fill) {
            super(ZIP_LONGEST);
            this.sources = sources;
            this.fill = fill;
            this.active = sources.length;
        }

        @Override
        public Object next() {
            if (active == 0) {
                return null;
            }
            Object[] items = new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                Object v = sources[i] == null ? null : sources[i].next();
                if (v == null) {
                    if (sources[i] != null) {
                        sources[i] = null;
                        active--;
                        if (active == 0) {
                            return null;
                        }
                    }
                    v = fill;
                }
                items[i] = v;
            }
            return new PyTuple(items);
        }
    }

    /** {@code pairwise(iterable)}: overlapping pairs of consecutive items. */
    static final class Pairwise extends ItertoolsIterator {
        private PyIterator source;
        private Object previous;

        Pairwise(PyIterator source) {
            super(PAIRWISE);
            this.source = source;
        }

        @Override
        public Object next() {
            if (source == null) {
                return null;
            }
            if (previous == null) {
                previous = source.next();
                if (previous == null) {
                    source = null;
                    return null;
                }
            }
            Object v = source.next();
            if (v == null) {
                source = null;
                return null;
            }
            PyTuple pair = PyTuple.of(previous, v);
            previous = v;
            return pair;
        }
    }

    /** {@code product(*iterables, repeat=)}: the cartesian product, rightmost pool varying fastest. */
    static final class Product extends ItertoolsIterator {
        private final Object[][] pools;
        private int[] indices;
        private boolean done;

        Product(Object[][] pools) {
            super(PRODUCT);
            this.pools = pools;
            for (Object[] pool : pools) {
                done |= pool.length == 0;
            }
        }

        @Override
        public Object next() {
            if (done) {
                return null;
            }
            if (indices == null) {
                indices = new int[pools.length];
            } else {
                int i = pools.length - 1;
                while (i >= 0 && indices[i] == pools[i].length - 1) {
                    indices[i] = 0;
                    i--;
                }
                if (i < 0) {
                    done = true;
                    return null;
                }
                indices[i]++;
            }
            Object[] items = new Object[pools.length];
            for (int i = 0; i < items.length; i++) {
                items[i] = pools[i][indices[i]];
            }
            return new PyTuple(items);
        }
    }

    /** {@code permutations(iterable, r)}: r-length orderings in lexicographic order of positions. */
    static final class Permutations extends ItertoolsIterator {
        private final Object[] pool;
        private final int r;
        private final int[] indices;
        private final int[] cycles;
        private boolean started;
        private boolean done;

        Permutations(Object[] pool, int r) {
            super(PERMUTATIONS);
            this.pool = pool;
            this.r = r;
            int n = pool.length;
            this.done = r > n;
            this.indices = new int[n];
            for (int i = 0; i < n; i++) {
                indices[i] = i;
            }
            this.cycles = new int[Math.max(r, 0)];
            for (int i = 0; i < cycles.length; i++) {
                cycles[i] = n - i;
            }
        }

        @Override
        public Object next() {
            if (done) {
                return null;
            }
            if (started && !advance()) {
                done = true;
                return null;
            }
            started = true;
            Object[] items = new Object[r];
            for (int i = 0; i < r; i++) {
                items[i] = pool[indices[i]];
            }
            return new PyTuple(items);
        }

        /** The next arrangement of the indices (the cycles method of the itertools documentation). */
        private boolean advance() {
            int n = pool.length;
            for (int i = r - 1; i >= 0; i--) {
                cycles[i]--;
                if (cycles[i] == 0) {
                    int first = indices[i];
                    System.arraycopy(indices, i + 1, indices, i, n - i - 1);
                    indices[n - 1] = first;
                    cycles[i] = n - i;
                } else {
                    int j = n - cycles[i];
                    int t = indices[i];
                    indices[i] = indices[j];
                    indices[j] = t;
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code combinations} and {@code combinations_with_replacement}: r-length selections in sorted order of positions. */
    static final class Combinations extends ItertoolsIterator {
        private final Object[] pool;
        private final int[] indices;
        private final boolean withReplacement;
        private boolean started;
        private boolean done;

        Combinations(Object[] pool, int r, boolean withReplacement) {
            super(withReplacement ? COMBINATIONS_WITH_REPLACEMENT : COMBINATIONS);
            this.pool = pool;
            this.withReplacement = withReplacement;
            this.indices = new int[r];
            for (int i = 0; i < r; i++) {
                indices[i] = withReplacement ? 0 : i;
            }
            this.done = withReplacement ? pool.length == 0 && r > 0 : r > pool.length;
        }

        @Override
        public Object next() {
            if (done) {
                return null;
            }
            if (started && !advance()) {
                done = true;
                return null;
            }
            started = true;
            Object[] items = new Object[indices.length];
            for (int i = 0; i < items.length; i++) {
                items[i] = pool[indices[i]];
            }
            return new PyTuple(items);
        }

        private boolean advance() {
            int n = pool.length;
            int r = indices.length;
            int i = r - 1;
            if (withReplacement) {
                while (i >= 0 && indices[i] == n - 1) {
                    i--;
                }
                if (i < 0) {
                    return false;
                }
                int v = indices[i] + 1;
                for (int j = i; j < r; j++) {
                    indices[j] = v;
                }
                return true;
            }
            while (i >= 0 && indices[i] == i + n - r) {
                i--;
            }
            if (i < 0) {
                return false;
            }
            indices[i]++;
            for (int j = i + 1; j < r; j++) {
                indices[j] = indices[j - 1] + 1;
            }
            return true;
        }
    }
}
