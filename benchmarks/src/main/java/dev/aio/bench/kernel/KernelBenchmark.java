package dev.aio.bench.kernel;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
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

import dev.aio.AioContext;
import dev.aio.asyncio.EventLoop;

/**
 * A benchmark of asyncio's Java classes with no aio code: the event loop, tasks, futures and
 * timers driven by Java callbacks and Java coroutines. An aio context is made and entered on the
 * benchmark thread because futures and tasks are aio objects ({@link SchedulerBenchmark} measures
 * the kernel's scheduler with no context at all); the difference to the
 * {@code dev.aio.bench.jmh} benchmark of the same operation is what interpreting aio code costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public abstract class KernelBenchmark {
    private Context context;
    private AioContext aio;

    /** Timer benchmarks run on the virtual clock, so that their timers do not wait. */
    protected boolean virtualTime() {
        return false;
    }

    @Setup(Level.Trial)
    public final void enterContext() {
        context = Context.newBuilder("aio").out(OutputStream.nullOutputStream()).allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                        .option("aio.VirtualTime", String.valueOf(virtualTime())).build();
        context.initialize("aio");
        context.enter();
        aio = AioContext.get(null);
    }

    @TearDown(Level.Trial)
    public final void leaveContext() {
        context.leave();
        context.close();
    }

    /** A new loop on the context's clock, as {@code asyncio.run} makes one. */
    protected final EventLoop newLoop() {
        return aio.newEventLoop();
    }
}
