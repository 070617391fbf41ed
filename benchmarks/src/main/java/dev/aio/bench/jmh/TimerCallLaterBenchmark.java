package dev.aio.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** One timer: {@code loop.call_later} with a delay of its own into the heap, popped when due, its callback run. */
public class TimerCallLaterBenchmark extends AioBenchmark {
    /** Not a multiple of 7919, the stride that makes the program's delays distinct. */
    static final int N = 10_000;

    @Override
    protected String programName() {
        return "timer_call_later.aio";
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
    public void callLater() {
        runProgram();
    }
}
