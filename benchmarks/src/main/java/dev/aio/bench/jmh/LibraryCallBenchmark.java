package dev.aio.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
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
 * Calls of {@code random} and {@code re} in compiled aio code (issues 15 and 16): each benchmark
 * calls one function of {@code library_calls.aio} with n, which makes n calls of one library
 * function (with its loop step) and returns n when every result was of the expected kind; scores
 * are per library call. {@code scripts/bench-library-cpython.py} times the same functions under CPython.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class LibraryCallBenchmark {
    static final int N = 10_000;

    private Context context;
    private Value program;

    @Setup(Level.Trial)
    public void openContext() {
        context = AioBenchmark.contextWithProgram("library_calls.aio");
        program = context.getBindings("aio");
    }

    @TearDown(Level.Trial)
    public void closeContext() {
        context.close();
    }

    private long call(String function) {
        long result = program.getMember(function).execute(N).asLong();
        if (result != N) {
            throw new IllegalStateException(function + " returned " + result + ", not " + N);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long randomRandom() {
        return call("random_random");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long randomRandint() {
        return call("random_randint");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long randomChoice() {
        return call("random_choice");
    }

    /** One {@code random.shuffle} of a list of 10. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long randomShuffle() {
        return call("random_shuffle");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long randomUniform() {
        return call("random_uniform");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long randomGauss() {
        return call("random_gauss");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long randomSeed() {
        return call("random_seed");
    }

    /** {@code re.compile} of a pattern in the module's cache. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long reCompile() {
        return call("re_compile");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long reMatch() {
        return call("re_match");
    }

    /** {@code Pattern.match} of a compiled pattern. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long patternMatch() {
        return call("pattern_match");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long reSearch() {
        return call("re_search");
    }

    /** {@code re.findall} with eight matches. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long reFindall() {
        return call("re_findall");
    }

    /** {@code re.sub} replacing eighteen digits. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long reSub() {
        return call("re_sub");
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long matchGroup() {
        return call("match_group");
    }
}
