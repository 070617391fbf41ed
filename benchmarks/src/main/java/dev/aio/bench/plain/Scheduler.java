package dev.aio.bench.plain;

import java.util.ArrayDeque;

/**
 * The least an asyncio-style event loop must do: a FIFO of ready tasks, each resumed in turn on
 * this one thread until none is ready. A task that yields or is woken goes to the back.
 */
final class Scheduler {
    private final ArrayDeque<Task> ready = new ArrayDeque<>();

    void schedule(Task task) {
        ready.add(task);
    }

    void run() {
        Task task;
        while ((task = ready.poll()) != null) {
            task.resume();
        }
    }
}
