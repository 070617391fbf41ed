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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An embedder's cancel ({@code Context.close(true)}) stops a run whose other threads wait on a
 * threading lock that is never released: before, close(true) waited for them forever (the fuzz
 * test found it with a to_thread worker blocked in {@code Lock.acquire}).
 */
@Timeout(60)
class CancelBlockedThreadsTest {
    @ParameterizedTest
    @ValueSource(strings = {"await asyncio.to_thread(held.acquire)",
                    "threading.Thread(target=held.acquire).start()\n    await asyncio.sleep(3600)"})
    void closeWithCancelEndsThreadsBlockedOnALock(String wait) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context context = Context.newBuilder("aio").allowCreateThread(true).out(out).option("engine.WarnInterpreterOnly", "false").build();
        String script = "import asyncio, threading\nheld = threading.Lock()\nheld.acquire()\n\nasync def main():\n    print('blocking', flush=True)\n    " + wait
                        + "\n\nasyncio.run(main())\n";
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
