package dev.aio.bench.plain;

/**
 * queue_pipeline.py's {@code main} after the consumers are made: {@code await producer(...)} (n
 * items, then a poison pill per consumer), {@code await queue.join()}, then each consumer awaited.
 */
final class PipelineMain extends Task {
    private final BoundedQueue queue;
    private final int n;
    private final Consumer[] consumers;
    private boolean producing = true;
    private int produced;
    private int awaited;

    PipelineMain(Scheduler scheduler, BoundedQueue queue, int n, Consumer[] consumers) {
        super(scheduler);
        this.queue = queue;
        this.n = n;
        this.consumers = consumers;
    }

    @Override
    void resume() {
        if (producing) {
            while (produced < n + consumers.length) {
                if (!queue.put(produced < n ? produced : Consumer.POISON_PILL, this)) {
                    return;
                }
                produced++;
            }
            producing = false;
            if (!queue.join(this)) {
                return;
            }
        }
        // Joined (at once, or woken by the last task_done), or woken by a consumer's end.
        while (awaited < consumers.length) {
            if (!consumers[awaited].awaitDone(this)) {
                return;
            }
            awaited++;
        }
        finish();
    }
}
