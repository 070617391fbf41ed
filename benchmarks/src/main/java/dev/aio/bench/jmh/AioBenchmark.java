package dev.aio.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A kernel benchmark measured through the public polyglot API: each invocation evaluates one aio
 * program (a resource next to this class) that runs {@code asyncio.run(main(n))} over
 * {@code n = }{@link #operations()} operations and raises unless their result is right; the
 * subclass declares the same count in {@code @OperationsPerInvocation}, so scores are per
 * operation. The program's {@code Source} is built once, so Truffle parses it once and its call
 * targets stay warm (and compiled) across invocations; the start and end of {@code asyncio.run}
 * are included, spread over the n operations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public abstract class AioBenchmark {
    private Context context;
    private Source program;

    /** The resource name of the aio program, e.g. {@code task_step.aio}. */
    protected abstract String programName();

    /** n, the operations one run of the program performs (its first argument). */
    protected abstract int operations();

    /** Timer benchmarks run on the virtual clock, so that their sleeps do not wait. */
    protected boolean virtualTime() {
        return false;
    }

    @Setup(Level.Trial)
    public final void openContext() {
        context = Context.newBuilder("aio").out(OutputStream.nullOutputStream()).arguments("aio", new String[]{programName(), String.valueOf(operations())})
                        .allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false").option("aio.VirtualTime", String.valueOf(virtualTime()))
                        .build();
        program = Source.newBuilder("aio", readProgram(programName()), programName()).buildLiteral();
    }

    @TearDown(Level.Trial)
    public final void closeContext() {
        context.close();
    }

    /** One invocation: the whole program, so n operations. */
    protected final void runProgram() {
        context.eval(program);
    }

    /** A context, output discarded, that has run the benchmark program {@code name}, whose functions the benchmark calls. */
    static Context contextWithProgram(String name) {
        Context context = Context.newBuilder("aio").out(OutputStream.nullOutputStream()).allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false").build();
        context.eval(Source.newBuilder("aio", readProgram(name), name).buildLiteral());
        return context;
    }

    static String readProgram(String name) {
        try (InputStream in = AioBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark program " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
