package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import sun.misc.Signal;

/** {@code aio run --dump-tasks-on USR1}: the signal prints every task with its await stack and the run goes on. */
class TaskDumpTest {
    private static final String PROGRAM = String.join("\n",
                    "import asyncio",
                    "async def fetch(q):",
                    "    return await q.get()",
                    "async def worker(q):",
                    "    await fetch(q)",
                    "async def main():",
                    "    q = asyncio.Queue()",
                    "    w = asyncio.create_task(worker(q), name='worker-0')",
                    "    await asyncio.sleep(0)",
                    "    print('ready', flush=True)",
                    "    await asyncio.sleep(4)",
                    "    q.put_nowait(1)",
                    "    await w",
                    "    print('done')",
                    "asyncio.run(main())",
                    "");

    @Test
    void signalPrintsTheTasksAndTheRunGoesOn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                        () -> AioMain.run(new String[]{"run", "--dump-tasks-on", "USR1", "-c", PROGRAM}, new ByteArrayInputStream(new byte[0]), o, e));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString(StandardCharsets.UTF_8).contains("ready") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("ready\n", out.toString(StandardCharsets.UTF_8), () -> "the run did not get going: " + err.toString(StandardCharsets.UTF_8) + run);
        // Let main's step end (a dump during it shows main running at its line): the loop then sleeps.
        Thread.sleep(500);
        Signal.raise(new Signal("USR1"));
        assertEquals(0, run.get(60, TimeUnit.SECONDS));
        assertEquals("ready\ndone\n", out.toString(StandardCharsets.UTF_8));
        String report = err.toString(StandardCharsets.UTF_8).replaceFirst("loop time [0-9.]+ s", "loop time T s");
        assertEquals(String.join("\n",
                        "aio: tasks at loop time T s:",
                        "  task 'Task-1' (main) is waiting for asyncio.sleep(4) at <string>:11",
                        "  task 'worker-0' (worker) is waiting for queue.get() at <string>:3",
                        "      await stack: worker() at <string>:5 -> fetch() at <string>:3",
                        ""), report);
    }

    /**
     * A task spinning in a loop whose body calls nothing stops only at the loop's safepoints: the
     * dump still names the line it runs (it said "its line is not known" before).
     */
    @Test
    void aBusyLoopIsShownAtItsLine() throws Exception {
        String program = String.join("\n",
                        "import asyncio, time",
                        "async def spin():",
                        "    print('ready', flush=True)",
                        "    x = 0",
                        "    end = time.monotonic() + 3",
                        "    while time.monotonic() < end:",
                        "        for i in range(100_000):",
                        "            x += i",
                        "async def main():",
                        "    await asyncio.create_task(spin(), name='spinner')",
                        "asyncio.run(main())",
                        "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                        () -> AioMain.run(new String[]{"run", "--slow-step", "0", "--dump-tasks-on", "USR1", "-c", program}, new ByteArrayInputStream(new byte[0]), o, e));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString(StandardCharsets.UTF_8).contains("ready") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("ready\n", out.toString(StandardCharsets.UTF_8), () -> "the run did not get going: " + err.toString(StandardCharsets.UTF_8) + run);
        Thread.sleep(200);
        Signal.raise(new Signal("USR1"));
        assertEquals(0, run.get(60, TimeUnit.SECONDS));
        String running = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("is running at")).findFirst().orElse("no running task in: " + err);
        // The loop's safepoint stands at the inner loop nearly always; at the clock's call now and then.
        assertTrue(running.matches("  task 'spinner' \\(spin\\) is running at <string>:(7: for i in range\\(100_000\\):|6: while time.monotonic\\(\\) < end:)"), running);
    }
}
