package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An embedder's cancel ({@code Context.close(true)}) stops a run whose other threads wait on a
 * threading lock that is never released, or in a blocking socket call: before, close(true) waited for them forever (the fuzz
 * test found it with a to_thread worker blocked in {@code Lock.acquire}).
 */
@Timeout(60)
class CancelBlockedThreadsTest {
    @ParameterizedTest
    @ValueSource(strings = {"await asyncio.to_thread(held.acquire)",
                    "threading.Thread(target=held.acquire).start()\n    await asyncio.sleep(3600)"})
    void closeWithCancelEndsThreadsBlockedOnALock(String wait) throws Exception {
        String script = "import asyncio, threading\nheld = threading.Lock()\nheld.acquire()\n\nasync def main():\n    print('blocking', flush=True)\n    " + wait
                        + "\n\nasyncio.run(main())\n";
        assertCancelEnds(script, Context.newBuilder("aio"));
    }

    /**
     * Worker threads that finished their calls wait idle for the next: the cancel ends them too
     * (it waited for them forever, which hung aio test at a test's time limit).
     */
    @Test
    void closeWithCancelEndsIdleWorkerThreads() throws Exception {
        String script = "import asyncio\n\nasync def main():\n    await asyncio.gather(*(asyncio.to_thread(sum, [n, 1]) for n in range(4)))\n"
                        + "    print('blocking', flush=True)\n    await asyncio.sleep(3600)\n\nasyncio.run(main())\n";
        assertCancelEnds(script, Context.newBuilder("aio"));
    }

    /**
     * A blocking socket call, or a wait of {@code select.select}/{@code poll}, waits in a selector
     * of its own, in a Truffle blocked section: the cancel reaches it, under either clock (the
     * virtual one makes a to_thread worker wait for its turn afterwards).
     */
    @ParameterizedTest
    @ValueSource(strings = {"real: await asyncio.to_thread(udp.recv, 10)", "virtual: await asyncio.to_thread(udp.recv, 10)",
                    "real: threading.Thread(target=udp.recv, args=(10,)).start()\n    await asyncio.sleep(3600)", "real: udp.recv(10)",
                    "real: select.select([udp], [], [])", "virtual: await asyncio.to_thread(select.select, [udp], [], [])",
                    "real: threading.Thread(target=select.poll().poll).start()\n    await asyncio.sleep(3600)"})
    void closeWithCancelEndsThreadsBlockedInASocketCall(String clockAndWait) throws Exception {
        String[] parts = clockAndWait.split(": ", 2);
        String script = "import asyncio, select, socket, threading\nudp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nudp.bind(('127.0.0.1', 0))\n\n"
                        + "async def main():\n    print('blocking', flush=True)\n    " + parts[1] + "\n\nasyncio.run(main())\n";
        assertCancelEnds(script, Context.newBuilder("aio").allowIO(IOAccess.ALL).option("aio.VirtualTime", String.valueOf(parts[0].equals("virtual"))));
    }

    private static void assertCancelEnds(String script, Context.Builder builder) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context context = builder.allowCreateThread(true).out(out).option("engine.WarnInterpreterOnly", "false").build();
        // Threads of their own: the common pool may have a single thread on a small machine.
        ExecutorService threads = Executors.newCachedThreadPool();
        CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(() -> {
            try {
                context.eval("aio", script);
                return false;
            } catch (PolyglotException e) {
                return e.isCancelled();
            }
        }, threads);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString(StandardCharsets.UTF_8).contains("blocking") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        try {
            CompletableFuture.runAsync(() -> context.close(true), threads).get(20, TimeUnit.SECONDS);
            assertTrue(run.get(5, TimeUnit.SECONDS), "the run ended cancelled");
        } finally {
            threads.shutdownNow();
        }
    }
}
