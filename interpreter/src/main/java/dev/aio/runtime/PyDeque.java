package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * {@code collections.deque}: a ring buffer with O(1) appends and pops at both ends and an
 * optional maximum length (appending to a full deque drops an item from the other end). Like
 * CPython's, it counts its mutations so that an iterator can tell it changed.
 */
public final class PyDeque extends PyObject implements BuiltinSubclassInstance {
    private Object[] buffer = new Object[8];
    private int head;
    private int size;
    /** -1: unbounded; set again by {@code deque.__init__}. */
    private long maxlen;
    private long mutations;
    /** The class of an instance of a subclass of deque ({@code class History(deque)}), or null. */
    private final PyType subtype;
    private PyDict attributes;

    public PyDeque(long maxlen) {
        this.maxlen = maxlen;
        this.subtype = null;
    }

    /** An empty, unbounded instance of {@code type}, a subclass of deque, for its {@code __init__} to fill. */
    public PyDeque(PyType type) {
        this.maxlen = -1;
        this.subtype = type;
    }

    @Override
    public PyDict instanceDict() {
        if (subtype == null) {
            return null;
        }
        if (attributes == null) {
            attributes = new PyDict();
        }
        return attributes;
    }

    public long maxlen() {
        return maxlen;
    }

    /** {@code deque.__init__}: the maximum length, -1 for none. */
    public void setMaxlen(long maxlen) {
        this.maxlen = maxlen;
    }

    /**
     * CPython's deque_copy ({@code d.copy()}, {@code copy.copy(d)}, and the start of {@code d + e}
     * and {@code d * n}): a deque's items in a new deque; for an instance of a subclass,
     * {@code type(d)(d)} (with {@code maxlen} when there is one), so the subclass's {@code __init__}
     * runs, and it must give a deque.
     */
    @TruffleBoundary
    public static PyDeque copyOf(PyDeque d) {
        if (d.subtype == null) {
            PyDeque r = new PyDeque(d.maxlen);
            r.extend(d.toArray());
            return r;
        }
        Object r = d.maxlen < 0 ? Calls.call(d.subtype, d) : Calls.call(d.subtype, d, d.maxlen);
        if (!(r instanceof PyDeque copy)) {
            throw PyErrors.typeError(d.subtype.getName() + "() must return a deque, not " + PyOps.typeName(r));
        }
        return copy;
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

    /** A full buffer doubled: behind a boundary, so compiled code that appends carries only the check. */
    @TruffleBoundary
    private void grow() {
        Object[] bigger = new Object[buffer.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = get(i);
        }
        buffer = bigger;
        head = 0;
    }

    public void addLast(Object value) {
        mutations++;
        if (maxlen == 0) {
            return;
        }
        if (size == maxlen) {
            removeFirst();
        }
        if (size == buffer.length) {
            grow();
        }
        buffer[slot(size)] = value;
        size++;
    }

    public void addFirst(Object value) {
        mutations++;
        if (maxlen == 0) {
            return;
        }
        if (size == maxlen) {
            removeLast();
        }
        if (size == buffer.length) {
            grow();
        }
        head = (head - 1) & (buffer.length - 1);
        buffer[head] = value;
        size++;
    }

    /** Appends the items in order (a full deque drops from the front). */
    @TruffleBoundary
    public void extend(Object[] items) {
        for (Object x : items) {
            addLast(x);
        }
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
        return subtype != null ? subtype : BuiltinTypes.DEQUE;
    }

    /**
     * CPython's deque_repr: the class's name and the items as a list (taken by iterating, so a
     * subclass's {@code __iter__} decides them), {@code [...]} for a deque inside itself.
     */
    @Override
    @TruffleBoundary
    public String repr() {
        if (!PyOps.reprEnter(this)) {
            return "[...]";
        }
        StringBuilder sb = new StringBuilder(getPyType().getName()).append("([");
        try {
            Object[] items = Iteration.toArray(this);
            for (int i = 0; i < items.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(PyOps.repr(items[i]));
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
