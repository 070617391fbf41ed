package dev.aio.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** One future: {@code create_future}, {@code add_done_callback}, {@code set_result}, and the loop running the callback. */
public class FutureCallbackBenchmark extends AioBenchmark {
    static final int N = 100_000;

    @Override
    protected String programName() {
        return "future_callback.aio";
    }

    @Override
    protected int operations() {
        return N;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void addDoneCallbackSetResult() {
        runProgram();
    }
}
