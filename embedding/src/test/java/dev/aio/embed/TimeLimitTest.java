package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 19, item 26: the time limit holds whichever thread runs the script, for every Aio; long
 * builtins stop too; a Java future the script awaits is cancelled; the message names no CLI flag.
 */
@Timeout(30)
class TimeLimitTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The limits count from each context's start: a cold JVM's first asyncio run must not use them up. */
    @BeforeAll
    static void warmUp() {
        try (Aio aio = Aio.builder().option("engine.WarnInterpreterOnly", "false").build()) {
            aio.eval("import asyncio\nasync def main():\n    await asyncio.sleep(0)\nasyncio.run(main())\nsum(range(1000))");
        }
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private Aio limited() {
        return Aio.builder().timeLimit(Duration.ofMillis(1000)).err(err).option("engine.WarnInterpreterOnly", "false").build();
    }

    @Test
    void aSpinningTaskOnALoopDrivenByAnExecutorIsStopped() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (Aio aio = limited()) {
                aio.eval("async def spin():\n    n = 0\n    while True:\n        n += 1\n");
                CompletableFuture<Void> loop = aio.startLoop(pool);
                ExecutionException e = assertThrows(ExecutionException.class, () -> aio.runAsync("spin").get(10, TimeUnit.SECONDS));
                assertInstanceOf(AioLimitException.class, e.getCause());
                ExecutionException loopFailure = assertThrows(ExecutionException.class, () -> loop.get(5, TimeUnit.SECONDS));
                assertInstanceOf(AioLimitException.class, loopFailure.getCause());
            }
        }
    }

    @Test
    void anEvalOnAPoolThreadIsStopped() throws Exception {
        try (Aio aio = limited()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> pool.submit(() -> aio.eval("while True:\n    pass\n")).get(10, TimeUnit.SECONDS));
            assertInstanceOf(AioLimitException.class, e.getCause());
        }
    }

    @Test
    void aLongBuiltinIsStopped() {
        try (Aio aio = limited()) {
            AioLimitException e = assertThrows(AioLimitException.class, () -> aio.eval("sum(range(10 ** 12))"));
            assertEquals("time limit of 1.0 s reached (aio.TimeLimit)", e.getMessage());
        }
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("--time-limit"), err.toString(StandardCharsets.UTF_8));
    }

    /** A blocking socket call waits in a selector of its own: the limit still reaches it (and a worker blocked alike), on the thread that runs the script. */
    @Test
    void aBlockingSocketCallIsStopped() throws Exception {
        try (Aio aio = Aio.builder().timeLimit(Duration.ofMillis(1000)).allowIO(true).allowThreads(true).err(err).option("engine.WarnInterpreterOnly", "false").build()) {
            String program = String.join("\n",
                            "import socket, threading",
                            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
                            "s.bind(('127.0.0.1', 0))",
                            "threading.Thread(target=s.recvfrom, args=(10,), daemon=True).start()",
                            "s.recv(10)");
            ExecutionException e = assertThrows(ExecutionException.class, () -> pool.submit(() -> aio.eval(program)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(AioLimitException.class, e.getCause());
        }
    }

    @Test
    void anAwaitedJavaFutureIsCancelled() throws Exception {
        CompletableFuture<Object> never = new CompletableFuture<>();
        CompletableFuture<Void> asked = new CompletableFuture<>();
        // A limit the script surely reaches its await within, however slowly a cold JVM starts.
        try (Aio aio = Aio.builder().timeLimit(Duration.ofSeconds(3)).err(err).option("engine.WarnInterpreterOnly", "false").build()) {
            aio.register("answer", args -> {
                asked.complete(null);
                return never;
            });
            ExecutionException e = assertThrows(ExecutionException.class,
                            () -> pool.submit(() -> aio.eval("import asyncio\nasync def main():\n    return await answer()\nasyncio.run(main())")).get(10, TimeUnit.SECONDS));
            assertInstanceOf(AioLimitException.class, e.getCause());
        }
        assertTrue(asked.isDone());
        assertTrue(never.isCancelled(), err.toString(StandardCharsets.UTF_8));
    }
}
