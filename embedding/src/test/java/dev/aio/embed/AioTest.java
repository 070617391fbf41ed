package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7, bullet 3: the embedding API. */
@Timeout(60)
class AioTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    private Aio aio(AioClock clock) {
        return Aio.builder().clock(clock).out(out).option("engine.WarnInterpreterOnly", "false").build();
    }

    private CompletableFuture<Integer> priceLater(int sku) {
        return CompletableFuture.supplyAsync(() -> sku * 10, pool);
    }

    @Test
    void registeredJavaFunctionsAndRunAsyncOnALoopDrivenByAnExecutor() {
        try (Aio aio = aio(AioClock.REAL)) {
            aio.register("price", args -> priceLater(args[0].asInt()));
            aio.register("tax_rate", args -> 0.5);
            aio.eval("""
                            import asyncio
                            async def total(*skus):
                                prices = await asyncio.gather(*[price(s) for s in skus])
                                return sum(prices) * (1 + tax_rate())
                            def plain(a, b):
                                return a * b
                            async def task_name():
                                return asyncio.current_task().get_name()
                            """);
            CompletableFuture<Void> loop = aio.startLoop(pool);
            CompletableFuture<Value> total = aio.runAsync("total", 1, 2, 3);
            CompletableFuture<Value> plain = aio.runAsync("plain", 6, 7);
            assertEquals(90.0, total.join().asDouble());
            assertEquals(42, plain.join().asInt());
            assertEquals("runAsync: task_name", aio.runAsync("task_name").join().asString());
            aio.close();
            assertTrue(loop.isDone() && !loop.isCompletedExceptionally());
        }
    }

    @Test
    void javaFailuresOfRegisteredFunctionsAreAioExceptions() {
        try (Aio aio = aio(AioClock.VIRTUAL)) {
            aio.register("reserve", args -> {
                if (args[0].asInt() > 3) {
                    throw new IllegalStateException("only 3 left");
                }
                return CompletableFuture.failedFuture(new TimeoutException("warehouse did not answer"));
            });
            aio.eval("""
                            import asyncio
                            result = []
                            async def main():
                                for n in (5, 1):
                                    try:
                                        await reserve(n)
                                    except (RuntimeError, TimeoutError) as e:
                                        result.append(f'{type(e).__name__}: {e}')
                                fut = asyncio.wrap_future(reserve(2))
                                result.append(type(fut).__name__)
                                try:
                                    await fut
                                except TimeoutError:
                                    result.append('TimeoutError again')
                            asyncio.run(main())
                            """);
            assertEquals("['RuntimeError: java.lang.IllegalStateException: only 3 left', 'TimeoutError: java.util.concurrent.TimeoutException: warehouse did not answer', "
                            + "'Future', 'TimeoutError again']", aio.bindings().getMember("result").toString());
        }
    }

    @Test
    void callsSubmittedBeforeTheLoopRunsOnTheEmbeddersThread() throws Exception {
        Aio aio = aio(AioClock.VIRTUAL);
        aio.eval("""
                        import asyncio
                        async def later(x):
                            await asyncio.sleep(3600)
                            print('done', x)
                            return x
                        """);
        CompletableFuture<Value> first = aio.runAsync("later", "a");
        CompletableFuture<Value> second = first.thenCompose(v -> aio.runAsync("later", v.asString() + "b"));
        second.whenComplete((v, e) -> aio.close());
        Thread embedder = Thread.currentThread();
        aio.runLoop(); // returns once close() ends the loop, from the callback on the loop's thread
        assertEquals("ab", second.get().asString());
        assertEquals("done a\ndone ab\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(embedder, Thread.currentThread());
    }

    @Test
    void anAioErrorCompletesTheFutureWithTheAioTraceback() {
        try (Aio aio = aio(AioClock.VIRTUAL)) {
            aio.eval("""
                            async def check(n):
                                if n < 0:
                                    raise ValueError(f'negative: {n}')
                                return n
                            """);
            aio.startLoop(pool);
            CompletionException e = assertThrows(CompletionException.class, () -> aio.runAsync("check", -1).join());
            AioScriptException aioError = (AioScriptException) e.getCause();
            assertEquals("ValueError", aioError.aioType());
            assertEquals("ValueError: negative: -1", aioError.getMessage());
            assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 3, in check\nValueError: negative: -1\n", aioError.aioTraceback());
        }
    }

    /** A Java object whose method fails, for a script that does not catch it. */
    public static final class Shelf {
        @HostAccess.Export
        public void restock(int n) {
            throw new IllegalArgumentException("cannot restock " + n);
        }
    }

    @Test
    void anUncaughtJavaExceptionComesBackWithTheAioTraceback() {
        try (Aio aio = aio(AioClock.VIRTUAL)) {
            aio.bindings().putMember("shelf", new Shelf());
            IllegalArgumentException original = assertThrows(IllegalArgumentException.class, () -> aio.eval("def fill():\n    shelf.restock(-1)\nfill()\n"));
            assertEquals("cannot restock -1", original.getMessage());
            AioScriptException e = (AioScriptException) Arrays.stream(original.getSuppressed()).filter(AioScriptException.class::isInstance).findFirst().orElseThrow();
            assertEquals("RuntimeError: java.lang.IllegalArgumentException: cannot restock -1", e.getMessage());
            assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n  File \"<string>\", line 2, in fill\n"
                            + "RuntimeError: java.lang.IllegalArgumentException: cannot restock -1\n", e.aioTraceback());
        }
    }

    @Test
    void cancellingTheJavaFutureCancelsTheTask() throws Exception {
        try (Aio aio = aio(AioClock.REAL)) {
            CompletableFuture<Void> started = new CompletableFuture<>();
            aio.register("started", args -> started.complete(null));
            aio.eval("""
                            import asyncio
                            log = []
                            async def forever():
                                try:
                                    started()
                                    await asyncio.sleep(3600)
                                except asyncio.CancelledError:
                                    log.append('cancelled')
                                    raise
                            async def wait_log():
                                while not log:
                                    await asyncio.sleep(0.01)
                                return log[0]
                            """);
            aio.startLoop(pool);
            CompletableFuture<Value> f = aio.runAsync("forever");
            started.get(10, TimeUnit.SECONDS);
            assertTrue(f.cancel(true));
            assertEquals("cancelled", aio.runAsync("wait_log").get(10, TimeUnit.SECONDS).asString());
        }
    }

    @Test
    void aTaskMadeInAioAsAJavaFuture() {
        try (Aio aio = aio(AioClock.VIRTUAL)) {
            aio.eval("""
                            import asyncio
                            async def answer():
                                await asyncio.sleep(1)
                                return 42
                            async def start():
                                return asyncio.create_task(answer())
                            """);
            aio.startLoop(pool);
            Value task = aio.runAsync("start").join();
            assertEquals("Task", task.getMetaObject().getMetaSimpleName());
            assertEquals(42, aio.toFuture(task).join().asInt());
            Value coroutine = aio.bindings().getMember("answer").execute();
            assertEquals(42, aio.toFuture(coroutine).join().asInt());
        }
    }

    @Test
    void runScriptAndScriptErrorsWithAioTracebacks(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("job.aio");
        Files.writeString(script, "def helper():\n    return 1 / 0\nresult = 'set'\nhelper()\n");
        try (Aio aio = aio(AioClock.VIRTUAL)) {
            AioScriptException e = assertThrows(AioScriptException.class, () -> aio.runScript(script));
            assertEquals("ZeroDivisionError: division by zero", e.getMessage());
            assertEquals("Traceback (most recent call last):\n  File \"" + script + "\", line 4, in <module>\n    helper()\n  File \"" + script
                            + "\", line 2, in helper\n    return 1 / 0\n           ~~^~~\nZeroDivisionError: division by zero\n", e.aioTraceback());
            assertEquals("set", aio.bindings().getMember("result").asString());
        }
    }

    @Test
    void closingBeforeTheLoopRanCancelsWhatWasSubmitted() {
        Aio aio = aio(AioClock.VIRTUAL);
        aio.eval("async def f():\n    return 1\n");
        CompletableFuture<Value> f = aio.runAsync("f");
        aio.close();
        assertThrows(CancellationException.class, f::join);
    }
}
