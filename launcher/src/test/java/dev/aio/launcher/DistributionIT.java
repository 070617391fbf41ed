package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code mvn package} makes, {@code target/aio-VERSION.tar.gz}, as a user installs
 * it: unpacked anywhere, {@code bin/aio} linked into a directory on the PATH, run from elsewhere
 * with no JAVA_HOME set (bin/aio finds a Java itself).
 */
class DistributionIT {
    @TempDir Path dir;

    // The runs below pass --slow-step 0: on a loaded machine a cold first step can take over the
    // 100 ms threshold, and the warning would make the exact output comparison fail.
    private static String run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }

    @Test
    void unpackedAndLinkedOnThePathItRunsAProgram() throws Exception {
        Path home = unpack();
        assertTrue(Files.isExecutable(home.resolve("bin/aio")));
        assertTrue(names(home.resolve("lib")).stream().anyMatch(n -> n.startsWith("aio-launcher-")));
        assertTrue(names(home.resolve("lib/truffle")).stream().anyMatch(n -> n.startsWith("chromeinspector-tool-")));
        assertTrue(names(home.resolve("lib/truffle")).stream().anyMatch(n -> n.startsWith("regex-")), "TRegex, the re module's engine");
        assertTrue(names(home.resolve("lib/jvmci")).stream().anyMatch(n -> n.startsWith("compiler-")));

        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("aio"), home.resolve("bin/aio"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("hello.aio"), """
                        import asyncio
                        import re
                        # At module level: the first match (TRegex's start-up) would be a slow step in a task.
                        name = re.sub(r"_+(\\w+?)_+", r"\\1", __name__)
                        async def main():
                            await asyncio.sleep(0.01)
                            print("Hello from", name)
                        asyncio.run(main())
                        """);
        // env(1) looks aio up on the PATH the command gets, as a shell would.
        String path = bin + ":" + System.getenv("PATH");
        assertEquals("Hello from main\n", run(work, Map.of("PATH", path), "/usr/bin/env", "aio", "run", "--slow-step", "0", "hello.aio"));
        // This JDK has JVMCI: the distribution runs aio on the Graal JIT compiler.
        String version = run(work, Map.of("PATH", path), "/usr/bin/env", "aio", "--version");
        assertTrue(version.contains("with the Graal JIT compiler"), version);
        assertTrue(run(work, Map.of("PATH", path, "AIO_JIT", "off"), "/usr/bin/env", "aio", "--version").contains("no JIT compiler (AIO_JIT=off)"));
    }

    /**
     * CPython's command lines ({@code aio FILE}, {@code aio -c CODE}), and {@code sys.executable}
     * the installed {@code bin/aio} (the link on the PATH followed), through the daemon and
     * without it: a child started with it runs the same aio.
     */
    @Test
    void pythonCommandLinesAndSysExecutable() throws Exception {
        Path home = unpack();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("aio"), home.resolve("bin/aio"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("parent.py"), """
                        import subprocess, sys
                        print(sys.executable, sys.argv)
                        child = subprocess.run([sys.executable, "-c", "import sys; print('child', sys.executable, sys.argv)", "x"], capture_output=True, text=True)
                        print(child.stdout, end="")
                        """);
        String executable = home.toRealPath().resolve("bin/aio").toString();
        String expected = executable + " ['parent.py', 'a']\nchild " + executable + " ['-c', 'x']\n";
        String path = bin + ":" + System.getenv("PATH");
        assertEquals(expected, run(work, Map.of("PATH", path), "/usr/bin/env", "aio", "parent.py", "a"));
        assertEquals(expected, run(work, Map.of("PATH", path, "AIO_DAEMON", "off"), "/usr/bin/env", "aio", "parent.py", "a"));
        assertEquals("['-c', '--flag']\n", run(work, Map.of("PATH", path), "/usr/bin/env", "aio", "-c", "import sys; print(sys.argv)", "--flag"));
    }

    /** The build wrote the class cache into lib/ (issue 16): unpacked elsewhere, the first run already starts from it. */
    @Test
    void withoutTheJitTheFirstRunStartsFromTheShippedClassCache() throws Exception {
        Path home = unpack();
        assertTrue(Files.size(home.resolve("lib/aio.aot")) > 0);
        Path cache = dir.resolve("cache");
        Files.writeString(dir.resolve("hello.aio"), "print('hello')\n");
        // The JVM logs where each class came from: the cache is "shared objects file".
        // Without the daemon: the log is the run's JVM's.
        Map<String, String> env = Map.of("AIO_JIT", "off", "XDG_CACHE_HOME", cache.toString(), "AIO_JAVA_OPTS", "-Xlog:class+load", "AIO_DAEMON", "off");
        String out = run(dir, env, home.resolve("bin/aio").toString(), "run", "--slow-step", "0", "hello.aio");
        assertTrue(out.contains("\nhello\n"), out);
        assertTrue(out.contains(" dev.aio.launcher.AioMain source: shared objects file"), out.lines().filter(l -> l.contains("AioMain")).toList().toString());
        // No background job writes a cache of its own: it would have made its folder first.
        assertFalse(Files.exists(cache.resolve("aio")), cache.toString());
    }

    /**
     * On the JIT, a queue pipeline's coroutine bodies (their continuations) and the queue's
     * builtins are compiled, and no root goes back and forth between compiled and interpreted
     * code. Low thresholds and compilation on the running thread make that happen within the run.
     */
    @Test
    void onTheJitCoroutinesAndQueueOperationsAreCompiledAndStayCompiled() throws Exception {
        Path home = unpack();
        Files.writeString(dir.resolve("pipeline.aio"), """
                        import asyncio

                        async def producer(queue, n):
                            for i in range(n):
                                await queue.put(i)
                            await queue.put(None)

                        async def consumer(queue):
                            total = 0
                            while True:
                                item = await queue.get()
                                queue.task_done()
                                if item is None:
                                    return total
                                total += item

                        async def main():
                            queue = asyncio.Queue(maxsize=10)
                            consumer_task = asyncio.create_task(consumer(queue))
                            await producer(queue, 20000)
                            await queue.join()
                            print("total", await consumer_task)

                        asyncio.run(main())
                        """);
        String trace = compilationTrace(home, "pipeline.aio");
        assertTrue(trace.contains("\ntotal 199990000\n"), trace);
        assertCompiledAndStable(trace, "aio:producer(resume_bci=", "aio:consumer(resume_bci=", "builtin:put ", "builtin:get ");
    }

    /**
     * On the JIT, coroutines that take asyncio's Lock (by {@code async with} and by {@code acquire()}),
     * a Semaphore and a Condition in a loop have their bodies compiled: the acquire's step, which
     * the await inlines, compiles (a stream in Lock's and Semaphore's acquire made Graal give up on
     * every such loop, "too deep inlining", and a daemon then ran it interpreted for good).
     */
    @Test
    void onTheJitLockSemaphoreAndConditionLoopsAreCompiled() throws Exception {
        Path home = unpack();
        Files.writeString(dir.resolve("locks.aio"), """
                        import asyncio

                        async def locked(lock, state, n):
                            for _ in range(n):
                                async with lock:
                                    value = state["count"]
                                    await asyncio.sleep(0)
                                    state["count"] = value + 1

                        async def acquired(lock, state, n):
                            for _ in range(n):
                                await lock.acquire()
                                try:
                                    state["count"] += 1
                                    await asyncio.sleep(0)
                                finally:
                                    lock.release()

                        async def limited(semaphore, state, n):
                            for _ in range(n):
                                async with semaphore:
                                    await asyncio.sleep(0)
                                    state["limited"] += 1

                        async def consumer(condition, items, n):
                            for _ in range(n):
                                async with condition:
                                    await condition.wait_for(lambda: items)
                                    items.pop()

                        async def producer(condition, items, n):
                            for _ in range(n):
                                async with condition:
                                    items.append(1)
                                    condition.notify()
                                await asyncio.sleep(0)

                        async def main():
                            n = 500
                            state = {"count": 0, "limited": 0}
                            lock, semaphore, condition, items = asyncio.Lock(), asyncio.Semaphore(2), asyncio.Condition(), []
                            await asyncio.gather(locked(lock, state, n), locked(lock, state, n), acquired(lock, state, n),
                                                 limited(semaphore, state, n), limited(semaphore, state, n), limited(semaphore, state, n),
                                                 consumer(condition, items, n), producer(condition, items, n))
                            print(state, items)

                        asyncio.run(main())
                        """);
        String trace = compilationTrace(home, "locks.aio");
        assertTrue(trace.contains("\n{'count': 1500, 'limited': 1500} []\n"), trace);
        assertCompiledAndStable(trace, "aio:locked(resume_bci=", "aio:acquired(resume_bci=", "aio:limited(resume_bci=", "aio:consumer(resume_bci=",
                        "aio:producer(resume_bci=");
    }

    /**
     * The run's output with Truffle's compilation trace, without the daemon (the trace is the run's
     * JVM's): low thresholds and compilation on the running thread compile what loops within the run.
     */
    private String compilationTrace(Path home, String program) throws IOException, InterruptedException {
        return run(dir, Map.of("AIO_DAEMON", "off", "AIO_JAVA_OPTS", "-Dpolyglot.engine.TraceCompilation=true -Dpolyglot.engine.BackgroundCompilation=false"
                        + " -Dpolyglot.engine.FirstTierCompilationThreshold=100 -Dpolyglot.engine.LastTierCompilationThreshold=1000000"),
                        home.resolve("bin/aio").toString(), "run", "--slow-step", "0", program);
    }

    /** Each root was compiled and went back to the interpreter at most three times, and no compilation failed. */
    private static void assertCompiledAndStable(String trace, String... roots) {
        for (String root : roots) {
            assertTrue(trace.lines().anyMatch(l -> l.startsWith("[engine] opt done") && l.contains(root)), root + " compiled:\n" + trace);
            assertTrue(trace.lines().filter(l -> l.matches("\\[engine\\] opt (deopt|inval).*") && l.contains(root)).count() <= 3, root + " deoptimized again and again:\n" + trace);
        }
        assertFalse(trace.contains("opt failed"), trace);
    }

    /**
     * Running out of heap in a task is Python's MemoryError: the program's finally blocks run, it
     * can catch it, the traceback names the line once, and the run recovers (hardening 13).
     */
    @Test
    void runningOutOfMemoryIsACatchableMemoryError() throws Exception {
        Path home = unpack();
        Files.writeString(dir.resolve("hog.aio"), """
                        import asyncio, traceback

                        async def hog():
                            data = []
                            try:
                                while True:
                                    data.append([0] * 100000)
                            finally:
                                data.clear()
                                print("finally ran")

                        async def main():
                            try:
                                await hog()
                            except MemoryError:
                                print(traceback.format_exc().count("data.append"), "frame")
                                print("caught MemoryError")

                        asyncio.run(main())
                        print("recovered")
                        """);
        assertEquals("finally ran\n1 frame\ncaught MemoryError\nrecovered\n",
                        run(dir, Map.of("AIO_JAVA_OPTS", "-Xmx256m", "AIO_DAEMON", "off"), home.resolve("bin/aio").toString(), "run", "--slow-step", "0", "hog.aio"));
    }

    /**
     * Under the JIT, task dumps taken while a task runs an on-stack-replaced loop never end the run
     * (they did, with an internal FrameSlotTypeException, once in three runs) and never name an
     * outer frame's line as the task's (they named asyncio.run(main()) in most dumps), and name the
     * line of the loop it runs, also once the loop is compiled on stack (hardening 7; they said "its
     * line is not known in compiled code" then). Signals after the run are ignored.
     */
    @Test
    void onTheJitTaskDumpsOfABusyTaskNameItsLine() throws Exception {
        Path home = unpack();
        Files.writeString(dir.resolve("busy.aio"), """
                        import asyncio, time

                        async def main():
                            print("ready", flush=True)
                            end = time.monotonic() + 6
                            n = 0
                            while time.monotonic() < end:
                                n += 1
                            print("done")

                        asyncio.run(main())
                        """);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/aio").toString(), "run", "--slow-step", "0", "--dump-tasks-on", "USR1", "busy.aio")
                        .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("AIO_JAVA_OPTS", "-Dpolyglot.engine.BackgroundCompilation=false -Dpolyglot.engine.OSRCompilationThreshold=1000");
        Process p = pb.start();
        var reader = p.inputReader(StandardCharsets.UTF_8);
        assertEquals("ready", reader.readLine());
        StringBuilder out = new StringBuilder("ready\n");
        Thread collector = new Thread(() -> reader.lines().forEach(l -> out.append(l).append('\n')));
        collector.start();
        Thread.sleep(1000);
        for (int i = 0; i < 12; i++) {
            new ProcessBuilder("kill", "-USR1", String.valueOf(p.pid())).start().waitFor();
            Thread.sleep(600);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out.toString());
        collector.join();
        assertEquals(0, p.exitValue(), out.toString());
        // On a busy machine a dump may wait for the loop's end: it then comes after "done", and
        // may find the task at that print.
        assertTrue(out.toString().contains("\ndone\n"), out.toString());
        for (String line : out.toString().lines().filter(l -> l.contains("is running at")).toList()) {
            assertTrue(line.matches(".*busy\\.aio:(7: while time.monotonic\\(\\) < end:|8: n \\+= 1|9: print\\(\"done\"\\))"), out.toString());
        }
    }

    /** The distribution, unpacked in a fresh folder: its home. */
    private Path unpack() throws IOException, InterruptedException {
        Path tarball = Path.of(System.getProperty("aio.dist"));
        assertTrue(Files.isRegularFile(tarball), tarball + " (made by mvn package)");
        Path install = Files.createDirectories(dir.resolve("opt"));
        run(install, Map.of(), "tar", "xzf", tarball.toString());
        return install.resolve(tarball.getFileName().toString().replace(".tar.gz", ""));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
