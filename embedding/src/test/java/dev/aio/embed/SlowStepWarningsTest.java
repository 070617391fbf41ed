package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 27: an embedding's slow-step warnings are off by default and go where the embedder
 * says. Issue 16, item 5: on the real clock a step is blamed only for time its own code spent.
 */
class SlowStepWarningsTest {
    private static final String BLOCKING = """
                    import asyncio, time
                    async def main():
                        time.sleep(0.15)
                    asyncio.run(main())
                    """;

    @Test
    void offByDefault() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Aio aio = Aio.builder().err(err).option("engine.WarnInterpreterOnly", "false").build()) {
            aio.eval(BLOCKING);
        }
        try (Context context = Context.newBuilder("aio").err(err).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", BLOCKING);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sentToTheEmbeddersSink() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Aio aio = Aio.builder().err(err).slowStepWarnings(Duration.ofMillis(50), warnings::add).option("engine.WarnInterpreterOnly", "false").build()) {
            aio.eval(BLOCKING);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("aio: slow step: task 'Task-1' (main()) blocked the event loop for 0.1"), warnings.get(0));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The threshold is the loop's {@code slow_callback_duration} as the program sets it, step by
     * step: raised, the step is not blamed; deleted, the embedder's threshold again; set anew, the
     * new value (the loop reads it through its dict entry, which must follow each change).
     */
    @Test
    void followsTheLoopsSlowCallbackDuration() {
        List<String> warnings = warningsOf("""
                        import asyncio, time
                        async def step(name):
                            time.sleep(0.15)
                        async def main():
                            loop = asyncio.get_running_loop()
                            loop.slow_callback_duration = 10
                            await asyncio.create_task(step("raised"), name="raised")
                            del loop.slow_callback_duration
                            await asyncio.create_task(step("deleted"), name="deleted")
                            loop.slow_callback_duration = 10
                            await asyncio.create_task(step("raised again"), name="raised again")
                            loop.slow_callback_duration = 0.05
                            await asyncio.create_task(step("lowered"), name="lowered")
                        asyncio.run(main())
                        """, Duration.ofMillis(100));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("aio: slow step: task 'deleted' (step()) blocked the event loop for 0.1"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("aio: slow step: task 'lowered' (step()) blocked the event loop for 0.1"), warnings.get(1));
    }

    /** Tiny steps: each task awaits sleep(0) and returns; main gathers them, round after round. */
    private static final String NEVER_BLOCKS = """
                    import asyncio
                    async def work(i):
                        for _ in range(20):
                            await asyncio.sleep(0)
                        return i
                    async def main():
                        total = 0
                        for _ in range(15):
                            total += sum(await asyncio.gather(*(work(i) for i in range(50))))
                        print(total)
                    asyncio.run(main())
                    """;

    /**
     * Threads that keep every core busy and make garbage (so the collector pauses the run too), as
     * other programs on a loaded machine do, until closed.
     */
    private static final class BusyMachine implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        volatile Object sink;

        BusyMachine() {
            for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        sink = new long[1024];
                    }
                }, "busy-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    private static List<String> warningsOf(String program, Duration threshold) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Aio aio = Aio.builder().out(new ByteArrayOutputStream()).slowStepWarnings(threshold, warnings::add).option("engine.WarnInterpreterOnly", "false").build()) {
            aio.eval(program);
        }
        return warnings;
    }

    @Test
    void aProgramThatNeverBlocksIsNotBlamedOnABusyMachine() throws Exception {
        // Warm: the JVM's first run of aio loads and compiles its classes (the thread's own work).
        warningsOf(NEVER_BLOCKS, Duration.ZERO);
        try (BusyMachine busy = new BusyMachine()) {
            // Each step computes for microseconds; descheduled, the loop thread waits far longer than 20 ms.
            assertEquals(List.of(), warningsOf(NEVER_BLOCKS, Duration.ofMillis(20)));
        }
    }

    @Test
    void aRealSleepInACoroutineIsBlamedOnABusyMachineToo() throws Exception {
        try (BusyMachine busy = new BusyMachine()) {
            List<String> warnings = warningsOf("""
                            import asyncio, time
                            async def main():
                                time.sleep(1)
                            asyncio.run(main())
                            """, Duration.ofMillis(100));
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("aio: slow step: task 'Task-1' (main()) blocked the event loop for 1."), warnings.get(0));
            assertTrue(warnings.get(0).contains("time.sleep(1)"), warnings.get(0));
        }
    }
}
