package dev.aio.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** One {@code await asyncio.sleep(0)}: a task's step, its trip through the ready queue and its resumption. */
public class TaskStepBenchmark extends AioBenchmark {
    static final int N = 100_000;

    @Override
    protected String programName() {
        return "task_step.aio";
    }

    @Override
    protected int operations() {
        return N;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void sleepZero() {
        runProgram();
    }
}
