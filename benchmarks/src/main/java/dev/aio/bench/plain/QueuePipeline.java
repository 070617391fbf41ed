package dev.aio.bench.plain;

import java.util.Locale;

/**
 * The plain-Java limit for ../shared/bench/queue_pipeline.py: one producer → a queue of at most
 * 100 items → 4 consumers, with task_done/join and poison pills, on the ready queue of
 * {@link Scheduler}, no interpreter. Prints the same lines. Usage: QueuePipeline [N=1000000]
 */
public final class QueuePipeline {
    private static final int CONSUMERS = 4;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long start = System.nanoTime();
        Scheduler scheduler = new Scheduler();
        BoundedQueue queue = new BoundedQueue(scheduler, 100);
        Consumer[] consumers = new Consumer[CONSUMERS];
        for (int i = 0; i < CONSUMERS; i++) {
            consumers[i] = new Consumer(scheduler, queue);
        }
        // main is the running task when it makes the consumers, so it goes on first.
        scheduler.schedule(new PipelineMain(scheduler, queue, n, consumers));
        for (Consumer consumer : consumers) {
            scheduler.schedule(consumer);
        }
        scheduler.run();
        long checksum = 0;
        for (Consumer consumer : consumers) {
            checksum += consumer.total();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println("checksum=" + checksum);
        System.out.println(String.format(Locale.ROOT, "elapsed_s=%.3f", elapsed));
    }
}
