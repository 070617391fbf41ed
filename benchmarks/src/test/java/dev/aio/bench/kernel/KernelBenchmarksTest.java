package dev.aio.bench.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

/** Each kernel benchmark runs once on the benchmark's thread and does all its operations. */
class KernelBenchmarksTest {
    private static long once(KernelBenchmark benchmark, LongSupplier invocation) {
        benchmark.enterContext();
        try {
            return invocation.getAsLong();
        } finally {
            benchmark.leaveContext();
        }
    }

    @Test
    void taskStep() {
        KernelTaskStepBenchmark b = new KernelTaskStepBenchmark();
        assertEquals(KernelTaskStepBenchmark.N, once(b, b::bareYield));
    }

    @Test
    void timer() {
        KernelTimerBenchmark b = new KernelTimerBenchmark();
        assertEquals(KernelTimerBenchmark.N, once(b, b::callLater));
    }

    @Test
    void futureCallback() {
        KernelFutureCallbackBenchmark b = new KernelFutureCallbackBenchmark();
        assertEquals(KernelFutureCallbackBenchmark.N / 100 * 4950, once(b, b::addDoneCallbackSetResult));
    }

    @Test
    void schedulerWithoutAContext() {
        SchedulerBenchmark b = new SchedulerBenchmark();
        assertEquals(SchedulerBenchmark.N, b.callSoonChain());
        assertEquals(SchedulerBenchmark.N, b.callLater());
    }
}
