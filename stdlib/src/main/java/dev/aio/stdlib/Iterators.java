package dev.aio.stdlib;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** The lazy iterators of {@code enumerate}, {@code zip}, {@code map} and {@code filter}. */
final class Iterators {
    private Iterators() {
    }

    static final class Enumerate extends PyIterator {
        private final PyIterator source;
        private long count;

        Enumerate(PyIterator source, long start) {
            this.source = source;
            this.count = start;
        }

        @Override
        public Object next() {
            Object v = source.next();
            return v == null ? null : PyTuple.of(count++, v);
        }
    }

    /** CPython's {@code zip}; with {@code strict=True} unequal lengths are a ValueError (PEP 618). */
    static final class Zip extends PyIterator {
        private final PyIterator[] sources;
        private final boolean strict;

        Zip(PyIterator[] sources, boolean strict) {
            this.sources = sources;
            this.strict = strict;
        }

        @Override
        public Object next() {
            if (sources.length == 0) {
                return null;
            }
            Object[] items = new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                items[i] = sources[i].next();
                if (items[i] == null) {
                    if (strict) {
                        checkLengths(i);
                    }
                    return null;
                }
            }
            return new PyTuple(items);
        }

        /** Argument {@code i + 1} ended first: the others must end at the same item (bltinmodule.c zip_next). */
        private void checkLengths(int ended) {
            if (ended > 0) {
                throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "zip() argument " + (ended + 1) + " is shorter than " + firstArguments(ended));
            }
            for (int i = 1; i < sources.length; i++) {
                if (sources[i].next() != null) {
                    throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "zip() argument " + (i + 1) + " is longer than " + firstArguments(i));
                }
            }
        }

        private static String firstArguments(int count) {
            return count == 1 ? "argument 1" : "arguments 1-" + count;
        }
    }

    static final class Map extends PyIterator {
        private final Object function;
        private final PyIterator[] sources;

        Map(Object function, PyIterator[] sources) {
            this.function = function;
            this.sources = sources;
        }

        @Override
        public Object next() {
            Object[] args = new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                args[i] = sources[i].next();
                if (args[i] == null) {
                    return null;
                }
            }
            return Calls.call(function, args);
        }
    }

    static final class Filter extends PyIterator {
        private final Object predicate;
        private final PyIterator source;

        Filter(Object predicate, PyIterator source) {
            this.predicate = predicate;
            this.source = source;
        }

        @Override
        public Object next() {
            for (Object v = source.next(); v != null; v = source.next()) {
                if (PyOps.isTrue(predicate == null ? v : Calls.call(predicate, v))) {
                    return v;
                }
            }
            return null;
        }
    }
}
