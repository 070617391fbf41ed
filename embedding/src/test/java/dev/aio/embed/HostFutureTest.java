package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 7, bullet 2: a script awaits Java futures. */
@Timeout(60)
class HostFutureTest {
    private Context context;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        context = Context.newBuilder("aio").allowHostAccess(HostAccess.ALL).option("engine.WarnInterpreterOnly", "false").build();
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void close() throws InterruptedException {
        context.close();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** The service a script awaits: each call completes its future on a thread of the pool. */
    public final class Service {
        public CompletableFuture<Integer> square(int n) {
            return CompletableFuture.supplyAsync(() -> n * n, pool);
        }

        public CompletableFuture<String> fail(String message) {
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException(message);
            }, pool);
        }
    }

    private Value run(String script) {
        context.getBindings("aio").putMember("service", new Service());
        context.eval("aio", script);
        return context.getBindings("aio").getMember("result");
    }

    @Test
    void tenThousandFuturesCompletedOnAThreadPoolLoseNothing() {
        Value result = run("""
                        import asyncio
                        async def main():
                            values = await asyncio.gather(*[service.square(i) for i in range(10_000)])
                            return values
                        values = asyncio.run(main())
                        result = [len(values), values == [i * i for i in range(10_000)], sum(values)]
                        """);
        long expectedSum = 0;
        for (long i = 0; i < 10_000; i++) {
            expectedSum += i * i;
        }
        assertEquals("[10000, True, " + expectedSum + "]", result.toString());
    }

    @Test
    void awaitingEachInTasksAndAQueue() {
        Value result = run("""
                        import asyncio
                        async def producer(q):
                            for i in range(1000):
                                await q.put(await service.square(i))
                            await q.put(None)
                        async def main():
                            q = asyncio.Queue()
                            asyncio.create_task(producer(q))
                            total = 0
                            while (v := await q.get()) is not None:
                                total += v
                            return total
                        result = asyncio.run(main())
                        """);
        assertEquals(332_833_500L, result.asLong());
    }

    @Test
    void exceptionalCompletionRaisesInTheScript() {
        Value result = run("""
                        import asyncio
                        async def main():
                            try:
                                await service.fail('out of stock')
                            except RuntimeError as e:
                                return 'caught: ' + str(e)
                        result = asyncio.run(main())
                        """);
        assertEquals("caught: java.lang.IllegalStateException: out of stock", result.asString());
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheJavaFuture() {
        CompletableFuture<String> pending = new CompletableFuture<>();
        context.getBindings("aio").putMember("pending", pending);
        context.eval("aio", """
                        import asyncio
                        async def main():
                            try:
                                await asyncio.wait_for(pending, 0.05)
                            except TimeoutError:
                                return 'timed out'
                        result = asyncio.run(main())
                        """);
        assertEquals("timed out", context.getBindings("aio").getMember("result").asString());
        assertTrue(pending.isCancelled());
    }

    @Test
    void javaCancellationIsCancelledError() {
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        context.getBindings("aio").putMember("cancelled", cancelled);
        context.eval("aio", """
                        import asyncio
                        async def main():
                            try:
                                await cancelled
                            except asyncio.CancelledError:
                                return 'cancelled'
                        result = asyncio.run(main())
                        """);
        assertEquals("cancelled", context.getBindings("aio").getMember("result").asString());
    }

    @Test
    void underTheVirtualClockAJavaCallTakesNoVirtualTime() {
        context.close();
        context = Context.newBuilder("aio").allowHostAccess(HostAccess.ALL).option("engine.WarnInterpreterOnly", "false").option("aio.VirtualTime", "true").build();
        context.getBindings("aio").putMember("slow", (Supplier<CompletableFuture<String>>) () -> CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "answer";
        }, pool));
        context.eval("aio", """
                        import asyncio
                        log = []
                        async def sleeper():
                            await asyncio.sleep(1)
                            log.append(('slept', asyncio.get_running_loop().time()))
                        async def main():
                            asyncio.create_task(sleeper())
                            answer = await asyncio.wait_for(slow.get(), 5)
                            log.append((answer, asyncio.get_running_loop().time()))
                            await asyncio.sleep(2)
                        asyncio.run(main())
                        result = log
                        """);
        assertEquals("[('answer', 0.0), ('slept', 1.0)]", context.getBindings("aio").getMember("result").toString());
    }
}
