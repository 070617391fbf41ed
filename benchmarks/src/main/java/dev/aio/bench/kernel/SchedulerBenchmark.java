package dev.aio.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.aio.kernel.Handle;
import dev.aio.kernel.InterpreterLock;
import dev.aio.kernel.LoopHost;
import dev.aio.kernel.Scheduler;
import dev.aio.kernel.VirtualClock;

/**
 * The kernel's scheduler alone, with no aio context and no aio objects: N ready callbacks that each
 * schedule the next ({@code call_soon}), and N timers set out of order ({@code call_later}) on the
 * virtual clock. Beside {@link KernelTimerBenchmark} it shows what asyncio's objects add.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class SchedulerBenchmark {
    static final int N = 10_000;
    private long ran;

    private static final LoopHost HOST = new LoopHost() {
        private final InterpreterLock lock = InterpreterLock.withoutSafepoints();

        @Override
        public InterpreterLock interpreterLock() {
            return lock;
        }

        @Override
        public void beforeTimeMovesTo(double deadline) {
        }

        @Override
        public void deadlocked() {
            throw new IllegalStateException("deadlock");
        }

        @Override
        public void callbackFailed(Handle handle, RuntimeException error) {
            throw error;
        }

        @Override
        public RuntimeException interrupted() {
            return new IllegalStateException("interrupted");
        }
    };

    @Benchmark
    @OperationsPerInvocation(N)
    public long callSoonChain() {
        Scheduler loop = new Scheduler(new VirtualClock(), HOST);
        ran = 0;
        loop.callSoon(() -> next(loop), "next");
        loop.runUntilStopped();
        return check(ran);
    }

    private void next(Scheduler loop) {
        if (++ran == N) {
            loop.stop();
        } else {
            loop.callSoon(() -> next(loop), "next");
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long callLater() {
        Scheduler loop = new Scheduler(new VirtualClock(), HOST);
        ran = 0;
        for (int i = 0; i < N; i++) {
            long slot = (long) i * 7919 % N + 1;
            loop.callLater(slot * 0.001, () -> ran++, "fire");
        }
        loop.callLater((N + 1) * 0.001, loop::stop, "done");
        loop.runUntilStopped();
        return check(ran);
    }

    private static long check(long n) {
        if (n != N) {
            throw new IllegalStateException("ran=" + n);
        }
        return n;
    }
}
