package dev.aio.stdlib;

import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/** The lazy iterators of {@code enumerate}, {@code zip}, {@code map}, {@code filter} and {@code iter(callable, sentinel)}. */
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

    static final class Zip extends PyIterator {
        private final PyIterator[] sources;
        /** {@code zip(..., strict=True)}: iterables of different lengths are a ValueError. */
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
                        checkAllEnded(i);
                    }
                    return null;
                }
            }
            return new PyTuple(items);
        }

        /** Source {@code ended} ran out first: the others must end here too (CPython's zip_next messages). */
        private void checkAllEnded(int ended) {
            if (ended > 0) {
                throw PyErrors.valueError("zip() argument " + (ended + 1) + " is shorter than argument" + (ended == 1 ? " " : "s 1-") + ended);
            }
            for (int i = 1; i < sources.length; i++) {
                if (sources[i].next() != null) {
                    throw PyErrors.valueError("zip() argument " + (i + 1) + " is longer than argument" + (i == 1 ? " " : "s 1-") + i);
                }
            }
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

    /** {@code iter(callable, sentinel)}: the callable's results until one equals the sentinel (or it raises StopIteration). */
    static final class CallableIterator extends PyIterator {
        private Object callable;
        private final Object sentinel;

        CallableIterator(Object callable, Object sentinel) {
            this.callable = callable;
            this.sentinel = sentinel;
        }

        @Override
        public Object next() {
            if (callable == null) {
                return null;
            }
            Object v;
            try {
                v = Calls.call(callable);
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                    callable = null;
                    return null;
                }
                throw e;
            }
            if (PyOps.eq(v, sentinel)) {
                callable = null;
                return null;
            }
            return v;
        }

        @Override
        public PyType getPyType() {
            return BuiltinTypes.CALLABLE_ITERATOR;
        }
    }
}
