package dev.aio.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** One {@code asyncio.sleep(d)} with a delay of its own: a timer pushed and popped, and the task woken. */
public class TimerSleepBenchmark extends AioBenchmark {
    static final int N = 100_000;

    @Override
    protected String programName() {
        return "timer_sleep.aio";
    }

    @Override
    protected int operations() {
        return N;
    }

    @Override
    protected boolean virtualTime() {
        return true;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void sleepDistinctDelays() {
        runProgram();
    }
}
