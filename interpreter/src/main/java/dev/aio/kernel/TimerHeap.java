package dev.aio.kernel;

import java.util.Arrays;

/**
 * The loop's timers, earliest first (CPython's {@code _scheduled}, a {@code heapq} of
 * TimerHandles): a binary heap whose deadlines are kept in an array of their own beside the
 * handles, so that sifting compares doubles and reads a handle only when two deadlines tie.
 */
final class TimerHeap {
    private TimerHandle[] handles = new TimerHandle[16];
    private double[] whens = new double[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest timer, or null. */
    TimerHandle peek() {
        return size == 0 ? null : handles[0];
    }

    void add(TimerHandle timer) {
        if (size == handles.length) {
            handles = Arrays.copyOf(handles, size * 2);
            whens = Arrays.copyOf(whens, size * 2);
        }
        siftUp(size++, timer);
    }

    /** Takes the earliest timer out; the heap must not be empty. */
    TimerHandle poll() {
        TimerHandle first = handles[0];
        int last = --size;
        TimerHandle moved = handles[last];
        handles[last] = null;
        if (last > 0) {
            siftDown(0, moved, last);
        }
        return first;
    }

    void clear() {
        Arrays.fill(handles, 0, size, null);
        size = 0;
    }

    private void siftUp(int at, TimerHandle timer) {
        double when = timer.when();
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!precedes(when, timer, whens[parent], handles[parent])) {
                break;
            }
            put(at, handles[parent], whens[parent]);
            at = parent;
        }
        put(at, timer, when);
    }

    private void siftDown(int at, TimerHandle timer, int n) {
        double when = timer.when();
        int half = n >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < n && precedes(whens[right], handles[right], whens[child], handles[child])) {
                child = right;
            }
            if (!precedes(whens[child], handles[child], when, timer)) {
                break;
            }
            put(at, handles[child], whens[child]);
            at = child;
        }
        put(at, timer, when);
    }

    /** Whether {@code timer}, due at {@code when}, comes before {@code other}, due at {@code otherWhen} (see {@link TimerHandle#compareTo}). */
    private static boolean precedes(double when, TimerHandle timer, double otherWhen, TimerHandle other) {
        int c = Double.compare(when, otherWhen);
        return c != 0 ? c < 0 : timer.compareTo(other) < 0;
    }

    private void put(int at, TimerHandle timer, double when) {
        handles[at] = timer;
        whens[at] = when;
    }
}
