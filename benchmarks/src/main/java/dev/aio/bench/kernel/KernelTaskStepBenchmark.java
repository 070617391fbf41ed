package dev.aio.bench.kernel;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Task;

/** A task's step in the kernel alone: 10 tasks of {@link YieldingCoroutine}s, N bare yields in all. */
public class KernelTaskStepBenchmark extends KernelBenchmark {
    static final int N = 100_000;
    private static final int TASKS = 10;

    @Benchmark
    @OperationsPerInvocation(N)
    public long bareYield() {
        EventLoop loop = newLoop();
        Task[] tasks = new Task[TASKS];
        for (int i = 0; i < TASKS; i++) {
            tasks[i] = new Task(loop, new YieldingCoroutine(N / TASKS), "spinner-" + i);
        }
        // The tasks take turns, so the last one made is the last to finish.
        loop.runUntilComplete(tasks[TASKS - 1]);
        long yields = 0;
        for (Task task : tasks) {
            yields += (Long) task.result();
        }
        loop.close();
        if (yields != N) {
            throw new IllegalStateException("yields=" + yields);
        }
        return yields;
    }
}
