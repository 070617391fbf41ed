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

import dev.aio.bench.plain.CompiledCodeBaseline;

/**
 * Small cases of compiled aio code (issue 18 item 2): each benchmark calls one function of
 * {@code compiled_code.aio} through the polyglot API with n and checks what it returns; scores are
 * per operation (a call of {@code fib}, a list element, an attribute access, a method call, an
 * {@code await}). The program is evaluated once per fork, so the functions, their call targets and
 * their compiled code stay the same across invocations. {@link CompiledCodeBaseline} is the same
 * work in plain Java.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class CompiledCodeBenchmark {
    private Context context;
    private Value program;

    @Setup(Level.Trial)
    public void openContext() {
        context = AioBenchmark.contextWithProgram("compiled_code.aio");
        program = context.getBindings("aio");
    }

    @TearDown(Level.Trial)
    public void closeContext() {
        context.close();
    }

    private long call(String function, Object argument, long expected) {
        long result = program.getMember(function).execute(argument).asLong();
        if (result != expected) {
            throw new IllegalStateException(function + " returned " + result + ", not " + expected);
        }
        return result;
    }

    /** One call of {@code fib}: fib(25) makes 242,785 of them. */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.FIB_CALLS)
    public long fibCall() {
        return call("fib", CompiledCodeBaseline.FIB_N, CompiledCodeBaseline.FIB_RESULT);
    }

    /** One element of {@code for x in items: total += x}. */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.N)
    public long listLoopElement() {
        return call("list_loop", CompiledCodeBaseline.N, CompiledCodeBaseline.LIST_LOOP_RESULT);
    }

    /** One {@code self.x += 1} in a method (with its {@code for _ in range(n)} step). */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.N)
    public long attributeWrite() {
        return call("attribute_write", CompiledCodeBaseline.N, CompiledCodeBaseline.N);
    }

    /** One {@code total += o.x} (with its loop step). */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.N)
    public long attributeRead() {
        return call("attribute_read", CompiledCodeBaseline.N, CompiledCodeBaseline.N);
    }

    /** One {@code total = adder.add(total)} on an instance of a user class. */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.N)
    public long methodCall() {
        return call("method_call", CompiledCodeBaseline.N, CompiledCodeBaseline.N);
    }

    /** One {@code total = await plus_one(total)}, a coroutine that returns without suspending. */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.N)
    public long awaitNoSuspend() {
        return call("await_no_suspend", CompiledCodeBaseline.N, CompiledCodeBaseline.N);
    }

    /** One item of {@code for i, (a, b) in enumerate(zip(SHORT, OTHER))}, a new enumerate and zip every 4. */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.N)
    public long enumerateZip() {
        return call("enumerate_zip", CompiledCodeBaseline.N, CompiledCodeBaseline.ENUMERATE_ZIP_RESULT);
    }

    /** One item of {@code for x in filter(None, map(double, SHORT))}, a new map and filter every 4. */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.N)
    public long mapFilter() {
        return call("map_filter", CompiledCodeBaseline.N, CompiledCodeBaseline.MAP_FILTER_RESULT);
    }

    /** One item of {@code for x in reversed((1, 2, 3, 4))}, a new reversed every 4. */
    @Benchmark
    @OperationsPerInvocation(CompiledCodeBaseline.N)
    public long reversedTuple() {
        return call("reversed_tuple", CompiledCodeBaseline.N, CompiledCodeBaseline.REVERSED_TUPLE_RESULT);
    }
}
