package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.HostAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 7, bullet 4: safe by default, limits, stopping runaway scripts. */
@Timeout(60)
class SafetyTest {
    /** What the runs report on stderr (the time limit, slow steps) stays out of the test's output. */
    private static AioBuilder quiet() {
        return Aio.builder().option("engine.WarnInterpreterOnly", "false").err(new ByteArrayOutputStream());
    }

    private static String result(Aio aio) {
        return aio.bindings().getMember("result").toString();
    }

    /** A Java object an embedder hands a script, with one method exported to scripts. */
    public static final class Greeter {
        @HostAccess.Export
        public String greet(String who) {
            return "hello " + who;
        }

        public File secretFile() {
            return new File("/etc/passwd");
        }
    }

    /** re runs on TRegex, an internal language: a context safe by default can still use it. */
    @Test
    void aSafeContextHasTheReModule() {
        try (Aio aio = quiet().build()) {
            aio.eval("""
                            import re
                            m = re.search(r"(?P<key>\\w+)=(?P<value>\\d+)", "retries=3")
                            result = [m.groupdict(), re.sub(r"\\d", lambda d: str(int(d[0]) * 2), "a1b2")]
                            """);
            assertEquals("[{'key': 'retries', 'value': '3'}, 'a2b4']", result(aio));
        }
    }

    @Test
    void aScriptCannotReachJavaIoFileNorFilesNorThreads() {
        try (Aio aio = quiet().build()) {
            aio.bindings().putMember("greeter", new Greeter());
            aio.eval("""
                            import asyncio
                            import java
                            result = [greeter.greet('aio')]
                            try:
                                java.type('java.io.File')
                            except PermissionError as e:
                                result.append(str(e))
                            for attempt in (lambda: greeter.secretFile(), lambda: greeter.getClass()):
                                try:
                                    attempt()
                                except AttributeError as e:
                                    result.append('AttributeError')
                            try:
                                open('/etc/passwd')
                            except PermissionError as e:
                                result.append('PermissionError: open')
                            async def main():
                                try:
                                    await asyncio.to_thread(print, 'never')
                                except RuntimeError as e:
                                    result.append('RuntimeError: to_thread')
                            asyncio.run(main())
                            """);
            assertEquals("['hello aio', 'this aio context may not look up Java classes (embedders allow it with Context.Builder.allowHostClassLookup)', "
                            + "'AttributeError', 'AttributeError', 'PermissionError: open', 'RuntimeError: to_thread']", result(aio));
        }
    }

    @Test
    void grantedClassLookupReachesOnlyTheAllowedClasses() {
        try (Aio aio = quiet().allowHostAccess(HostAccess.ALL).allowHostClassLookup(name -> name.equals("java.util.ArrayList")).build()) {
            aio.eval("""
                            import java
                            names = java.type('java.util.ArrayList')()
                            names.add('x')
                            result = [names.size()]
                            try:
                                java.type('java.io.File')
                            except PermissionError as e:
                                result.append(str(e))
                            """);
            assertEquals("[1, \"no Java class 'java.io.File' that this aio context may use\"]", result(aio));
        }
    }

    @Test
    void statementLimit() {
        try (Aio aio = quiet().statementLimit(10_000).build()) {
            aio.eval("n = 0\nfor i in range(100):\n    n += i");
            AioLimitException e = assertThrows(AioLimitException.class, () -> aio.eval("while True:\n    n += 1"));
            assertTrue(e.getMessage().startsWith("Statement count limit of 10000 exceeded"), e.getMessage());
        }
    }

    @Test
    void wallTimeLimitStopsSleepersAndRunaways() {
        try (Aio aio = quiet().timeLimit(Duration.ofMillis(300)).build()) {
            AioLimitException e = assertThrows(AioLimitException.class, () -> aio.eval("import asyncio\nasyncio.run(asyncio.sleep(60))"));
            assertEquals("time limit of 0.3 s reached (aio.TimeLimit)", e.getMessage());
        }
        try (Aio aio = quiet().timeLimit(Duration.ofMillis(300)).build()) {
            AioLimitException e = assertThrows(AioLimitException.class, () -> aio.eval("n = 0\nwhile True:\n    n += 1"));
            assertEquals("time limit of 0.3 s reached (aio.TimeLimit)", e.getMessage());
        }
    }

    @Test
    void taskAndQueueLimitsRaiseInTheScript() {
        try (Aio aio = quiet().clock(AioClock.VIRTUAL).maxTasks(10).maxQueueSize(5).build()) {
            aio.eval("""
                            import asyncio
                            result = []
                            async def main():
                                tasks = []
                                try:
                                    for i in range(20):
                                        tasks.append(asyncio.create_task(asyncio.sleep(1)))
                                except RuntimeError as e:
                                    result.append((len(tasks), str(e)))
                                await asyncio.gather(*tasks)
                                tasks = [asyncio.create_task(asyncio.sleep(1)) for i in range(9)]
                                result.append(len(tasks))
                                await asyncio.gather(*tasks)
                                q = asyncio.Queue()
                                try:
                                    for i in range(20):
                                        await q.put(i)
                                except RuntimeError as e:
                                    result.append((q.qsize(), str(e)))
                            asyncio.run(main())
                            """);
            // asyncio.run's main task is one of the ten.
            assertEquals("[(9, 'task limit reached: at most 10 tasks may be pending at once (aio.MaxTasks)'), 9, "
                            + "(5, 'queue size limit reached: a queue may hold at most 5 items (aio.MaxQueueSize)')]", result(aio));
        }
    }

    @Test
    void cancelStopsARunawayScriptFromAnotherThread() throws Exception {
        Aio aio = quiet().build();
        CompletableFuture<Void> started = new CompletableFuture<>();
        aio.register("started", args -> started.complete(null));
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> aio.eval("n = 0\nstarted()\nwhile True:\n    n += 1"));
        started.get(10, TimeUnit.SECONDS);
        aio.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CancellationException, String.valueOf(e.getCause()));
    }

    @Test
    void anInterruptStopsARunawayScriptAndTheContextGoesOn() throws Exception {
        try (Aio aio = quiet().build()) {
            CompletableFuture<Void> started = new CompletableFuture<>();
            aio.register("started", args -> started.complete(null));
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> aio.eval("n = 0\nstarted()\nwhile True:\n    n += 1"));
            started.get(10, TimeUnit.SECONDS);
            aio.context().interrupt(Duration.ofSeconds(10));
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof CancellationException, String.valueOf(e.getCause()));
            aio.eval("n = 7");
            assertEquals(7, aio.bindings().getMember("n").asInt());
        }
    }
}
