package dev.aio.stdlib.asyncio;

import java.util.ArrayDeque;
import java.util.ArrayList;

import dev.aio.runtime.Operators;

/** The storage orders of the queue types: FIFO (Queue), LIFO (LifoQueue), smallest first (PriorityQueue). */
abstract class QueueItems {
    abstract void put(Object item);

    abstract Object get();

    abstract int size();

    abstract Object[] toArray();

    boolean isEmpty() {
        return size() == 0;
    }

    static final class Fifo extends QueueItems {
        private final ArrayDeque<Object> items = new ArrayDeque<>();

        @Override
        void put(Object item) {
            items.addLast(item);
        }

        @Override
        Object get() {
            return items.pollFirst();
        }

        @Override
        int size() {
            return items.size();
        }

        @Override
        Object[] toArray() {
            return items.toArray();
        }
    }

    static final class Lifo extends QueueItems {
        private final ArrayList<Object> items = new ArrayList<>();

        @Override
        void put(Object item) {
            items.add(item);
        }

        @Override
        Object get() {
            return items.remove(items.size() - 1);
        }

        @Override
        int size() {
            return items.size();
        }

        @Override
        Object[] toArray() {
            return items.toArray();
        }
    }

    /**
     * A binary heap with the exact sift steps of Python's heapq, so items that compare equal come
     * out in the same order as in CPython.
     */
    static final class Priority extends QueueItems {
        private final ArrayList<Object> heap = new ArrayList<>();

        @Override
        void put(Object item) {
            heap.add(item);
            siftDown(0, heap.size() - 1);
        }

        @Override
        Object get() {
            Object last = heap.remove(heap.size() - 1);
            if (heap.isEmpty()) {
                return last;
            }
            Object first = heap.get(0);
            heap.set(0, last);
            siftUp(0);
            return first;
        }

        private void siftDown(int start, int position) {
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

        private void siftUp(int position) {
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
            siftDown(start, pos);
        }

        @Override
        int size() {
            return heap.size();
        }

        @Override
        Object[] toArray() {
            return heap.toArray();
        }
    }
}
