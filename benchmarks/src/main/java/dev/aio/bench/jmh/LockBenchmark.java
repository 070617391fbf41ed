package dev.aio.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * One round of {@code async with lock:} held across {@code await asyncio.sleep(0)} by one of 10
 * contending tasks: the acquire (which waits for the holder's release), the sleep's step and the
 * release that wakes the next waiter.
 */
public class LockBenchmark extends AioBenchmark {
    static final int N = 100_000;

    @Override
    protected String programName() {
        return "lock_acquire_release.aio";
    }

    @Override
    protected int operations() {
        return N;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void acquireRelease() {
        runProgram();
    }
}
