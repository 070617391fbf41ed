package dev.aio.bench.plain;

import java.util.ArrayList;
import java.util.List;
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

/**
 * The cases of {@code dev.aio.bench.jmh.CompiledCodeBenchmark} written in plain Java, in the same
 * shape (a list of boxed integers, an object with a field, a method of a class, a coroutine object
 * made per await and run to its end), measured by JMH the same way: the limit the JVM reaches for
 * the same work with no interpreter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class CompiledCodeBaseline {
    public static final int FIB_N = 25;
    /** fib(25) calls fib 2·fib(26) − 1 times. */
    public static final int FIB_CALLS = 242_785;
    public static final long FIB_RESULT = 75_025;
    /** The operations of every other case per invocation. */
    public static final int N = 100_000;
    /** The length of the list {@code list_loop} sums N / LIST_LENGTH times. */
    public static final int LIST_LENGTH = 10_000;
    public static final long LIST_LOOP_RESULT = (long) (N / LIST_LENGTH) * LIST_LENGTH * (LIST_LENGTH - 1) / 2;
    /** The builtin iterator cases (no plain-Java counterpart here): each item of SHORT = [1, 2, 3, 4] with OTHER = [10, 20, 30, 40]. */
    public static final long ENUMERATE_ZIP_RESULT = N / 4 * 116L;
    public static final long MAP_FILTER_RESULT = N / 4 * 20L;
    public static final long REVERSED_TUPLE_RESULT = N / 4 * 10L;

    private final List<Long> items = new ArrayList<>();

    public CompiledCodeBaseline() {
        for (long i = 0; i < LIST_LENGTH; i++) {
            items.add(i);
        }
    }

    static long fib(long n) {
        if (n < 2) {
            return n;
        }
        return fib(n - 1) + fib(n - 2);
    }

    static long sumList(List<Long> items) {
        long total = 0;
        for (Long x : items) {
            total += x;
        }
        return total;
    }

    static final class Counter {
        long x;

        long bump(int n) {
            for (int i = 0; i < n; i++) {
                x += 1;
            }
            return x;
        }
    }

    static final class Adder {
        private final long step;

        Adder(long step) {
            this.step = step;
        }

        long add(long x) {
            return x + step;
        }
    }

    /** {@code async def plus_one(x): return x + 1}: a coroutine object that finishes on its first step. */
    static final class PlusOne {
        private final long x;

        PlusOne(long x) {
            this.x = x;
        }

        long run() {
            return x + 1;
        }
    }

    private static long check(String name, long result, long expected) {
        if (result != expected) {
            throw new IllegalStateException(name + " returned " + result + ", not " + expected);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(FIB_CALLS)
    public long fibCall() {
        return check("fib", fib(FIB_N), FIB_RESULT);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long listLoopElement() {
        long total = 0;
        for (int i = 0; i < N / LIST_LENGTH; i++) {
            total += sumList(items);
        }
        return check("list_loop", total, LIST_LOOP_RESULT);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long attributeWrite() {
        return check("attribute_write", new Counter().bump(N), N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long attributeRead() {
        Counter o = new Counter();
        o.x = 1;
        long total = 0;
        for (int i = 0; i < N; i++) {
            total += o.x;
        }
        return check("attribute_read", total, N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long methodCall() {
        Adder adder = new Adder(1);
        long total = 0;
        for (int i = 0; i < N; i++) {
            total = adder.add(total);
        }
        return check("method_call", total, N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long awaitNoSuspend() {
        long total = 0;
        for (int i = 0; i < N; i++) {
            total = new PlusOne(total).run();
        }
        return check("await_no_suspend", total, N);
    }
}
