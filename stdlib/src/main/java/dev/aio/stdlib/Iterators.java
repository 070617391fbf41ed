package dev.aio.stdlib;

import dev.aio.runtime.Calls;
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

    static final class Zip extends PyIterator {
        private final PyIterator[] sources;

        Zip(PyIterator[] sources) {
            this.sources = sources;
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
                    return null;
                }
            }
            return new PyTuple(items);
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
