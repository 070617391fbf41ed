package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 19, item 22: closing an Aio whose loop was handed to another thread. The loop's thread
 * entered the context while close() was closing it when the executor started the loop late.
 */
@Timeout(20)
class CloseRaceTest {
    private static Aio aio() {
        return Aio.builder().option("engine.WarnInterpreterOnly", "false").build();
    }

    @Test
    void closeBeforeTheExecutorStartsTheLoop() throws Exception {
        CountDownLatch closing = new CountDownLatch(1);
        // An executor whose thread starts the loop only once close() has begun.
        Executor late = command -> new Thread(() -> {
            try {
                closing.await();
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            command.run();
        }).start();
        Aio aio = aio();
        aio.eval("async def work():\n    return 1\n");
        CompletableFuture<Void> loop = aio.startLoop(late);
        CompletableFuture<Value> call = aio.runAsync("work");
        closing.countDown();
        aio.close();
        loop.get(5, TimeUnit.SECONDS);
        assertTrue(loop.isDone() && !loop.isCompletedExceptionally());
        assertThrows(CancellationException.class, call::join);
    }

    @Test
    void closeWhileTheLoopRuns() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 5; i++) {
                Aio aio = aio();
                aio.eval("async def work(n):\n    return n + 1\n");
                CompletableFuture<Void> loop = aio.startLoop(pool);
                assertEquals(i + 1, aio.runAsync("work", i).get(5, TimeUnit.SECONDS).asInt());
                aio.close();
                assertTrue(loop.isDone() && !loop.isCompletedExceptionally());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
