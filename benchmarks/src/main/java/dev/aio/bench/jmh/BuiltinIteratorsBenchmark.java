package dev.aio.bench.jmh;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code enumerate}, {@code zip}, {@code map}, {@code filter} and {@code reversed} in compiled
 * loops (issue 15): each benchmark calls one function of {@code builtin_iterators.aio} with
 * {@link #N} and checks its result; scores are per item, and every fourth item makes new
 * iterators, so the cost of calling the builtin classes shows as much as that of stepping them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class BuiltinIteratorsBenchmark {
    static final int N = 100_000;
    private Context context;
    private Value program;

    @Setup(Level.Trial)
    public void openContext() {
        context = Context.newBuilder("aio").out(OutputStream.nullOutputStream()).allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false").build();
        String name = "builtin_iterators.aio";
        context.eval(Source.newBuilder("aio", AioBenchmark.readProgram(name), name).buildLiteral());
        program = context.getBindings("aio");
    }

    @TearDown(Level.Trial)
    public void closeContext() {
        context.close();
    }

    private long call(String function, long expected) {
        long result = program.getMember(function).execute(N).asLong();
        if (result != expected) {
            throw new IllegalStateException(function + " returned " + result + ", not " + expected);
        }
        return result;
    }

    /** One item of {@code for i, (a, b) in enumerate(zip(SHORT, OTHER))}: (0+1+10) + (1+2+20) + (2+3+30) + (3+4+40) = 116 per 4. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long enumerateZip() {
        return call("enumerate_zip", N / 4 * 116L);
    }

    /** One item of {@code for x in filter(None, map(double, SHORT))}: 20 per 4. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long mapFilter() {
        return call("map_filter", N / 4 * 20L);
    }

    /** One item of {@code for x in reversed((1, 2, 3, 4))}: 10 per 4. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long reversedTuple() {
        return call("reversed_tuple", N / 4 * 10L);
    }
}
