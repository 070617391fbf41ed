package dev.aio.bench.kernel;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;

/** The timer heap in the kernel alone: N {@code call_later}s with distinct delays, out of order, on the virtual clock. */
public class KernelTimerBenchmark extends KernelBenchmark {
    /** Not a multiple of 7919, the stride that makes the delays distinct. */
    static final int N = 10_000;
    private long fired;

    @Override
    protected boolean virtualTime() {
        return true;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long callLater() {
        EventLoop loop = newLoop();
        fired = 0;
        for (int i = 0; i < N; i++) {
            long slot = (long) i * 7919 % N + 1;
            loop.callLater(slot * 0.001, () -> fired++, "fire");
        }
        Future done = new Future(loop);
        loop.callLater((N + 1) * 0.001, () -> done.setResult(fired), "done");
        loop.runUntilComplete(done);
        loop.close();
        if (fired != N) {
            throw new IllegalStateException("fired=" + fired);
        }
        return fired;
    }
}
