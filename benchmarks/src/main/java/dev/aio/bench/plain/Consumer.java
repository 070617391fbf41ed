package dev.aio.bench.plain;

/** queue_pipeline.py's {@code consumer}: adds up items until the poison pill, {@code task_done} for each. */
final class Consumer extends Task {
    static final long POISON_PILL = -1;
    private final BoundedQueue queue;
    private long total;

    Consumer(Scheduler scheduler, BoundedQueue queue) {
        super(scheduler);
        this.queue = queue;
    }

    @Override
    void resume() {
        while (true) {
            if (queue.isEmpty()) {
                queue.waitForItem(this);
                return;
            }
            long item = queue.take();
            if (item == POISON_PILL) {
                queue.taskDone();
                finish();
                return;
            }
            total += item;
            queue.taskDone();
        }
    }

    long total() {
        return total;
    }
}
