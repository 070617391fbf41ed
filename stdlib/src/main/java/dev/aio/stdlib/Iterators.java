package dev.aio.stdlib;

import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinSubclassInstance;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.Subscripts;

/**
 * The iterators of the builtin classes {@code enumerate}, {@code zip}, {@code map}, {@code filter}
 * and {@code reversed} ({@link IteratorClasses} makes them), and of {@code iter(callable, sentinel)}.
 */
final class Iterators {
    private Iterators() {
    }

    /** An instance of one of the builtin iterator classes or of a class derived from it, which has an attribute dict. */
    abstract static class ClassIterator extends PyIterator implements BuiltinSubclassInstance {
        private final PyType type;
        private PyDict attributes;

        ClassIterator(PyType type) {
            this.type = type;
        }

        @Override
        public final PyType getPyType() {
            return type;
        }

        @Override
        public final PyDict instanceDict() {
            if (!type.isUserDefined()) {
                return null;
            }
            if (attributes == null) {
                attributes = new PyDict();
            }
            return attributes;
        }
    }

    static final class Enumerate extends ClassIterator {
        private final PyIterator source;
        private long count;
        /** The count once it is past a long (a start of 2**63 or more, or that many items): an int. */
        private Object bigCount;

        /** {@code start}: a Long, or a BigInteger beyond a long. */
        Enumerate(PyType type, PyIterator source, Object start) {
            super(type);
            this.source = source;
            if (start instanceof Long l) {
                this.count = l;
            } else {
                this.bigCount = start;
            }
        }

        @Override
        public Object next() {
            Object v = source.next();
            if (v == null) {
                return null;
            }
            if (bigCount != null) {
                Object i = bigCount;
                bigCount = Numbers.add(i, 1L);
                return PyTuple.of(i, v);
            }
            long i = count;
            if (i == Long.MAX_VALUE) {
                bigCount = Numbers.add(i, 1L);
            } else {
                count = i + 1;
            }
            return PyTuple.of(i, v);
        }
    }

    static final class Zip extends ClassIterator {
        private final PyIterator[] sources;
        /** {@code zip(..., strict=True)}: iterables of different lengths are a ValueError. */
        private final boolean strict;

        Zip(PyType type, PyIterator[] sources, boolean strict) {
            super(type);
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

    static final class Map extends ClassIterator {
        private final Object function;
        private final PyIterator[] sources;

        Map(PyType type, Object function, PyIterator[] sources) {
            super(type);
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

    static final class Filter extends ClassIterator {
        private final Object predicate;
        private final PyIterator source;

        Filter(PyType type, Object predicate, PyIterator source) {
            super(type);
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

    /**
     * {@code reversed(seq)} of a sequence without a {@code __reversed__} of its own: its items by
     * index from {@code len(seq) - 1} down, until index 0 or an IndexError (CPython's reversed_next).
     */
    static final class Reversed extends ClassIterator {
        private Object sequence;
        private long index;

        Reversed(PyType type, Object sequence, long length) {
            super(type);
            this.sequence = sequence;
            this.index = length - 1;
        }

        @Override
        public Object next() {
            if (index < 0) {
                return null;
            }
            if (sequence instanceof PyTuple t && t.getPyType() == BuiltinTypes.TUPLE) {
                return t.get((int) index--);
            }
            try {
                return Subscripts.getItem(sequence, index--);
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.INDEX_ERROR) || e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                    index = -1;
                    sequence = null;
                    return null;
                }
                throw e;
            }
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
