package dev.aio.bench.kernel;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;

/**
 * Future callback dispatch in the kernel alone: N futures, each given a done-callback and a result
 * in batches of 100 (one loop callback per batch); the loop runs the callbacks set_result scheduled.
 */
public class KernelFutureCallbackBenchmark extends KernelBenchmark {
    static final int N = 100_000;
    private static final int BATCH = 100;
    private EventLoop loop;
    private long total;
    private int batches;

    @Benchmark
    @OperationsPerInvocation(N)
    public long addDoneCallbackSetResult() {
        loop = newLoop();
        total = 0;
        batches = 0;
        Future done = new Future(loop);
        loop.callSoon(() -> batch(done), "batch");
        loop.runUntilComplete(done);
        loop.close();
        if (total != N / BATCH * (BATCH * (BATCH - 1L) / 2)) {
            throw new IllegalStateException("total=" + total);
        }
        return total;
    }

    private void batch(Future done) {
        for (long i = 0; i < BATCH; i++) {
            Future future = new Future(loop);
            future.addDoneCallback(f -> total += (Long) f.result(), "on_done");
            future.setResult(i);
        }
        // Queued after this batch's callbacks, so it runs once they have.
        if (++batches < N / BATCH) {
            loop.callSoon(() -> batch(done), "batch");
        } else {
            loop.callSoon(() -> done.setResult(total), "done");
        }
    }
}
