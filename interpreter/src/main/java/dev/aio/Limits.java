package dev.aio;

import org.graalvm.options.OptionValues;

import dev.aio.runtime.PyErrors;

/**
 * The caps an embedder puts on a context's tasks and queues ({@code aio.MaxTasks},
 * {@code aio.MaxQueueSize}; 0 is no cap). Going past one raises a RuntimeError in the script that
 * names the limit, which the script may catch.
 */
public final class Limits {
    private final long maxTasks;
    private final long maxQueueSize;

    Limits(OptionValues options) {
        this.maxTasks = options.get(AioOptions.MAX_TASKS);
        this.maxQueueSize = options.get(AioOptions.MAX_QUEUE_SIZE);
    }

    /** Before a task is made, with {@code pending} tasks not done yet. */
    public void checkNewTask(int pending) {
        if (maxTasks > 0 && pending >= maxTasks) {
            throw PyErrors.runtimeError("task limit reached: at most " + maxTasks + " tasks may be pending at once (aio.MaxTasks)");
        }
    }

    /** Before an item is put into a queue that holds {@code size} items. */
    public void checkQueuePut(int size) {
        if (maxQueueSize > 0 && size >= maxQueueSize) {
            throw PyErrors.runtimeError("queue size limit reached: a queue may hold at most " + maxQueueSize + " items (aio.MaxQueueSize)");
        }
    }
}
