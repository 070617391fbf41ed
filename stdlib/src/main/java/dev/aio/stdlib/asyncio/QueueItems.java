package dev.aio.stdlib.asyncio;

import java.util.ArrayList;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.Attributes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyDeque;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;

/**
 * The storage orders of the queue types, over the queue's {@code _queue}: FIFO (Queue: a deque,
 * {@code append}/{@code popleft}), LIFO (LifoQueue: a list, {@code append}/{@code pop}), smallest
 * first (PriorityQueue: a list kept as heapq's heap). The storage is a Python object, as in
 * CPython, because a subclass may replace it in its own {@code _init}; the builtin ones are worked
 * on directly, any other through its methods.
 */
abstract class QueueItems {
    static final QueueItems FIFO = new Fifo();
    static final QueueItems LIFO = new Lifo();
    static final QueueItems PRIORITY = new Priority();

    /** CPython's {@code _init(maxsize)}: the empty storage. */
    abstract Object newStore();

    /** CPython's {@code _put(item)}. */
    abstract void put(Object store, Object item);

    /** CPython's {@code _get()}. */
    abstract Object get(Object store);

    private static final class Fifo extends QueueItems {
        @Override
        Object newStore() {
            return new PyDeque(-1);
        }

        @Override
        void put(Object store, Object item) {
            if (store instanceof PyDeque d) {
                d.addLast(item);
            } else {
                callMethod(store, "append", item);
            }
        }

        @Override
        Object get(Object store) {
            if (store instanceof PyDeque d && d.size() > 0) {
                return d.removeFirst();
            }
            return callMethod(store, "popleft");
        }
    }

    private static final class Lifo extends QueueItems {
        @Override
        Object newStore() {
            return new PyList();
        }

        @Override
        void put(Object store, Object item) {
            if (store instanceof PyList l) {
                l.append(item);
            } else {
                callMethod(store, "append", item);
            }
        }

        @Override
        Object get(Object store) {
            if (store instanceof PyList l && l.size() > 0) {
                return l.items().remove(l.size() - 1);
            }
            return callMethod(store, "pop");
        }
    }

    /**
     * heapq's heappush and heappop, with their exact sift steps, so items that compare equal come
     * out in the same order as in CPython.
     */
    private static final class Priority extends QueueItems {
        @Override
        Object newStore() {
            return new PyList();
        }

        @Override
        @TruffleBoundary
        void put(Object store, Object item) {
            ArrayList<Object> heap = heap(store);
            heap.add(item);
            siftDown(heap, 0, heap.size() - 1);
        }

        @Override
        @TruffleBoundary
        Object get(Object store) {
            ArrayList<Object> heap = heap(store);
            if (heap.isEmpty()) {
                throw PyErrors.indexError("index out of range");
            }
            Object last = heap.remove(heap.size() - 1);
            if (heap.isEmpty()) {
                return last;
            }
            Object first = heap.get(0);
            heap.set(0, last);
            siftUp(heap, 0);
            return first;
        }

        private static ArrayList<Object> heap(Object store) {
            if (!(store instanceof PyList l)) {
                throw PyErrors.typeError("heap argument must be a list");
            }
            return l.items();
        }

        private static void siftDown(ArrayList<Object> heap, int start, int position) {
            Object item = heap.get(position);
            int pos = position;
            while (pos > start) {
                int parentPos = (pos - 1) >> 1;
                Object parent = heap.get(parentPos);
                if (Operators.lessThan(item, parent)) {
                    heap.set(pos, parent);
                    pos = parentPos;
                    continue;
                }
                break;
            }
            heap.set(pos, item);
        }

        private static void siftUp(ArrayList<Object> heap, int position) {
            int end = heap.size();
            int start = position;
            int pos = position;
            Object item = heap.get(pos);
            int child = 2 * pos + 1;
            while (child < end) {
                int right = child + 1;
                if (right < end && !Operators.lessThan(heap.get(child), heap.get(right))) {
                    child = right;
                }
                heap.set(pos, heap.get(child));
                pos = child;
                child = 2 * pos + 1;
            }
            heap.set(pos, item);
            siftDown(heap, start, pos);
        }
    }

    @TruffleBoundary
    private static Object callMethod(Object store, String name, Object... args) {
        return Calls.call(Attributes.get(store, name), args);
    }
}
