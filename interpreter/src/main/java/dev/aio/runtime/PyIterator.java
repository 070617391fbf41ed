package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;

/** A Python iterator implemented in Java. {@link #next()} returns {@code null} when exhausted. */
public abstract class PyIterator extends PyObject {
    public abstract Object next();

    @Override
    public PyType getPyType() {
        return BuiltinTypes.ITERATOR;
    }

    /** Iterates a fixed array (tuple items, dict key snapshots, set snapshots), of the iterator type CPython names for it. */
    public static final class ArrayIterator extends PyIterator {
        private final Object[] items;
        private final PyType type;
        private int index;

        public ArrayIterator(Object[] items) {
            this(items, BuiltinTypes.ITERATOR);
        }

        public ArrayIterator(Object[] items, PyType type) {
            this.items = items;
            this.type = type;
        }

        @Override
        public Object next() {
            return index < items.length ? items[index++] : null;
        }

        @Override
        public PyType getPyType() {
            return type;
        }
    }

    /** Iterates a list by index, seeing appends made during iteration as Python does. */
    public static final class ListIterator extends PyIterator {
        private final PyList list;
        private int index;

        public ListIterator(PyList list) {
            this.list = list;
        }

        @Override
        public Object next() {
            return index < list.size() ? list.get(index++) : null;
        }

        @Override
        public PyType getPyType() {
            return BuiltinTypes.LIST_ITERATOR;
        }
    }

    /**
     * The iterator {@code iter(o)} makes for an object with {@code __getitem__} but no
     * {@code __iter__} (CPython's {@code PySeqIter}): items 0, 1, 2... until IndexError or StopIteration.
     */
    public static final class SequenceIterator extends PyIterator {
        private Object sequence;
        private long index;

        public SequenceIterator(Object sequence) {
            this.sequence = sequence;
        }

        @Override
        @TruffleBoundary
        public Object next() {
            if (sequence == null) {
                return null;
            }
            try {
                return SpecialMethods.call(sequence, "__getitem__", index++);
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.INDEX_ERROR) || e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                    sequence = null;
                    return null;
                }
                throw e;
            }
        }
    }

    public static final class RangeIterator extends PyIterator {
        private long next;
        private final long step;
        private long remaining;

        public RangeIterator(PyRange range) {
            this.next = range.start;
            this.step = range.step;
            this.remaining = range.length();
        }

        @Override
        public Object next() {
            if (remaining <= 0) {
                return null;
            }
            // Builtins such as sum() may run through a range of any length in Java: let a cancel in.
            TruffleSafepoint.poll(null);
            remaining--;
            long v = next;
            next += step;
            return v;
        }

        @Override
        public PyType getPyType() {
            return BuiltinTypes.RANGE_ITERATOR;
        }
    }

    /** Iterates a string's code points, each as a one-character string. */
    public static final class StringIterator extends PyIterator {
        private final String s;
        private int index;

        public StringIterator(String s) {
            this.s = s;
        }

        @Override
        public Object next() {
            if (index >= s.length()) {
                return null;
            }
            int cp = s.codePointAt(index);
            int n = Character.charCount(cp);
            String r = s.substring(index, index + n);
            index += n;
            return r;
        }

        /** CPython 3.11 iterates an ASCII-only str with a faster iterator of its own name. */
        @Override
        @TruffleBoundary
        public PyType getPyType() {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 127) {
                    return BuiltinTypes.STR_ITERATOR;
                }
            }
            return BuiltinTypes.STR_ASCII_ITERATOR;
        }
    }
}
