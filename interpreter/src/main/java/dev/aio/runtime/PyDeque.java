package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * {@code collections.deque}: a ring buffer with O(1) appends and pops at both ends and an
 * optional maximum length (appending to a full deque drops an item from the other end). Like
 * CPython's, it counts its mutations so that an iterator can tell it changed.
 */
public final class PyDeque extends PyObject {
    private Object[] buffer = new Object[8];
    private int head;
    private int size;
    /** -1: unbounded. */
    private final long maxlen;
    private long mutations;

    public PyDeque(long maxlen) {
        this.maxlen = maxlen;
    }

    public long maxlen() {
        return maxlen;
    }

    public int size() {
        return size;
    }

    public long mutations() {
        return mutations;
    }

    private int slot(int i) {
        return (head + i) & (buffer.length - 1);
    }

    public Object get(int i) {
        return buffer[slot(i)];
    }

    public void set(int i, Object value) {
        buffer[slot(i)] = value;
        mutations++;
    }

    private void grow() {
        if (size < buffer.length) {
            return;
        }
        Object[] bigger = new Object[buffer.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = get(i);
        }
        buffer = bigger;
        head = 0;
    }

    @TruffleBoundary
    public void addLast(Object value) {
        mutations++;
        if (maxlen == 0) {
            return;
        }
        if (size == maxlen) {
            removeFirst();
        }
        grow();
        buffer[slot(size)] = value;
        size++;
    }

    @TruffleBoundary
    public void addFirst(Object value) {
        mutations++;
        if (maxlen == 0) {
            return;
        }
        if (size == maxlen) {
            removeLast();
        }
        grow();
        head = (head - 1) & (buffer.length - 1);
        buffer[head] = value;
        size++;
    }

    /** The first item, removed; {@code null} when empty. */
    public Object removeFirst() {
        if (size == 0) {
            return null;
        }
        Object v = buffer[head];
        buffer[head] = null;
        head = (head + 1) & (buffer.length - 1);
        size--;
        mutations++;
        return v;
    }

    /** The last item, removed; {@code null} when empty. */
    public Object removeLast() {
        if (size == 0) {
            return null;
        }
        int last = slot(size - 1);
        Object v = buffer[last];
        buffer[last] = null;
        size--;
        mutations++;
        return v;
    }

    @TruffleBoundary
    public Object[] toArray() {
        Object[] items = new Object[size];
        for (int i = 0; i < size; i++) {
            items[i] = get(i);
        }
        return items;
    }

    /** Replaces the contents (at most {@code maxlen} of the last items are kept). */
    @TruffleBoundary
    public void setAll(Object[] items) {
        buffer = new Object[Math.max(8, Integer.highestOneBit(Math.max(1, items.length)) * 2)];
        head = 0;
        size = 0;
        mutations++;
        for (Object item : items) {
            addLast(item);
        }
    }

    public void clear() {
        setAll(new Object[0]);
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.DEQUE;
    }

    @Override
    @TruffleBoundary
    public String repr() {
        if (!PyOps.reprEnter(this)) {
            return "[...]";
        }
        StringBuilder sb = new StringBuilder("deque([");
        try {
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(PyOps.repr(get(i)));
            }
        } finally {
            PyOps.reprLeave(this);
        }
        sb.append("]");
        if (maxlen >= 0) {
            sb.append(", maxlen=").append(maxlen);
        }
        return sb.append(")").toString();
    }

    /** Iterates front to back (or back to front), failing as CPython does if the deque changes meanwhile. */
    public static final class Iterator extends PyIterator {
        private final PyDeque deque;
        private final long expected;
        private final boolean reversed;
        private int index;

        public Iterator(PyDeque deque, boolean reversed) {
            this.deque = deque;
            this.expected = deque.mutations;
            this.reversed = reversed;
        }

        @Override
        public Object next() {
            if (deque.mutations != expected) {
                throw PyErrors.runtimeError("deque mutated during iteration");
            }
            if (index >= deque.size) {
                return null;
            }
            int i = index++;
            return deque.get(reversed ? deque.size - 1 - i : i);
        }
    }
}
