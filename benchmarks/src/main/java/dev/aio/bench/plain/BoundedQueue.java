package dev.aio.bench.plain;

import java.util.ArrayDeque;

/**
 * {@code asyncio.Queue(maxsize)} for non-negative longs, after CPython's: a full queue parks its
 * putters and an empty one its getters, each put or get wakes the first waiter of the other side
 * (which then checks again), and {@code join} waits until every item got a {@code task_done}.
 */
final class BoundedQueue {
    private final Scheduler scheduler;
    private final long[] items;
    private int head;
    private int size;
    private int unfinished;
    private final ArrayDeque<Task> getters = new ArrayDeque<>();
    private final ArrayDeque<Task> putters = new ArrayDeque<>();
    private final ArrayDeque<Task> joiners = new ArrayDeque<>();

    BoundedQueue(Scheduler scheduler, int maxsize) {
        this.scheduler = scheduler;
        this.items = new long[maxsize];
    }

    /** The non-blocking part of {@code await queue.put(item)}: false (and {@code task} parked) when full. */
    boolean put(long item, Task task) {
        if (size == items.length) {
            putters.add(task);
            return false;
        }
        items[(head + size) % items.length] = item;
        size++;
        unfinished++;
        wakeFirst(getters);
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The non-blocking part of {@code await queue.get()}: parks {@code task} when the queue is empty. */
    void waitForItem(Task task) {
        getters.add(task);
    }

    /** {@code get_nowait()} on a queue that is not empty. */
    long take() {
        long item = items[head];
        head = (head + 1) % items.length;
        size--;
        wakeFirst(putters);
        return item;
    }

    void taskDone() {
        if (--unfinished == 0) {
            Task joiner;
            while ((joiner = joiners.poll()) != null) {
                scheduler.schedule(joiner);
            }
        }
    }

    /** {@code await queue.join()}: true if nothing is unfinished, else {@code task} is woken when that is so. */
    boolean join(Task task) {
        if (unfinished == 0) {
            return true;
        }
        joiners.add(task);
        return false;
    }

    private void wakeFirst(ArrayDeque<Task> waiters) {
        Task waiter = waiters.poll();
        if (waiter != null) {
            scheduler.schedule(waiter);
        }
    }
}
