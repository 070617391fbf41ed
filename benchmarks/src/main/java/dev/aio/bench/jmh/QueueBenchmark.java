package dev.aio.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** One item through {@code asyncio.Queue(maxsize=100)}: a put by the producer and a get by the consumer. */
public class QueueBenchmark extends AioBenchmark {
    static final int N = 100_000;

    @Override
    protected String programName() {
        return "queue_put_get.aio";
    }

    @Override
    protected int operations() {
        return N;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void putGet() {
        runProgram();
    }
}
