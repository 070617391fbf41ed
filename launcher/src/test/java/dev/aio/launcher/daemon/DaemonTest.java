package dev.aio.launcher.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aio.launcher.Invocation;
import dev.aio.launcher.repl.PseudoTerminal;

/**
 * aio's daemon, started in this JVM in a private folder of the test's: runs isolated from each
 * other, their streams, status, input, environment, working directory and Ctrl-C relayed as for a
 * process of their own; the daemon leaving when rebuilt or idle; the client running aio itself
 * when no daemon answers.
 */
class DaemonTest {
    @TempDir static Path shared;
    @TempDir Path dir;

    private static DaemonPlace place;
    private static AioDaemon served;
    private static Thread daemon;

    @BeforeAll
    static void startDaemon() throws Exception {
        place = new DaemonPlace(DaemonPlace.ensurePrivate(shared.resolve("private")), "test");
        Path lib = Files.createDirectories(shared.resolve("lib"));
        // Any heap is worth collecting when idle (a JVM's initial heap is not, but a test's may stay below it).
        served = new AioDaemon(place, lib, 600_000, 0);
        daemon = serve(served);
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        Files.deleteIfExists(place.socket());
        daemon.join(30_000);
    }

    private static Thread serve(AioDaemon d) throws InterruptedException {
        Thread t = new Thread(() -> {
            try {
                d.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "test daemon");
        t.start();
        for (int i = 0; i < 500 && !Files.exists(d.place().socket()); i++) {
            Thread.sleep(10);
        }
        return t;
    }

    private record Outcome(int status, String out, String err) {
    }

    /** What the client relays: a run of {@code program} in {@code cwd} with {@code env} and standard input {@code stdin}. */
    private Outcome run(Path cwd, Map<String, String> env, String stdin, String program, String... args) throws Exception {
        return run(cwd, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new Sink(), null, program, args);
    }

    private Outcome run(Path cwd, Map<String, String> env, InputStream stdin, Sink out, CompletableFuture<IntConsumer> signals, String program, String... args) throws Exception {
        return run(cwd, env, stdin, out, new Sink(), PIPED, signals, program, args);
    }

    /** Started by an aio command at this path, its output a pipe. */
    private static final Invocation PIPED = new Invocation("/opt/aio/bin/aio", false);

    private Outcome run(Path cwd, Map<String, String> env, InputStream stdin, Sink out, Sink err, Invocation invocation, CompletableFuture<IntConsumer> signals, String program,
                    String... args) throws Exception {
        Path file = cwd.resolve("main.py");
        Files.writeString(file, program);
        List<String> argv = new ArrayList<>(List.of("run", "--slow-step", "0", "main.py"));
        argv.addAll(List.of(args));
        SocketChannel channel = DaemonClient.tryConnect(place.socket());
        assertTrue(channel != null, "the daemon listens");
        int status = DaemonClient.relay(channel, new RunRequest(argv, cwd.toString(), env, invocation), stdin, out, err, sender -> {
            if (signals != null) {
                signals.complete(sender);
            }
        });
        return new Outcome(status, out.text(), err.text());
    }

    /** Output received, readable while the run goes on. */
    private static final class Sink extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized void await(String text) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!text().contains(text) && System.currentTimeMillis() < deadline) {
                wait(100);
            }
        }
    }

    @Test
    void runsSeeNothingOfEachOther() throws Exception {
        Outcome first = run(dir, Map.of(), "", """
                        import sys, builtins, json
                        json.leak = 1
                        builtins.leak = 2
                        sys.modules['leak'] = sys
                        sys.argv.append('leak')
                        counter = 1
                        print('first')
                        """);
        assertEquals(new Outcome(0, "first\n", ""), first);
        Outcome second = run(dir, Map.of(), "", """
                        import sys, builtins, json
                        print(hasattr(json, 'leak'), hasattr(builtins, 'leak'), 'leak' in sys.modules, sys.argv, 'counter' in globals())
                        """);
        assertEquals(new Outcome(0, "False False False ['main.py'] False\n", ""), second);
    }

    @Test
    void statusAndStreamsAsInAProcess() throws Exception {
        Outcome o = run(dir, Map.of(), "", """
                        import sys
                        print('one')
                        print('two', file=sys.stderr)
                        print('three')
                        sys.exit(3)
                        """);
        assertEquals(new Outcome(3, "one\nthree\n", "two\n"), o);
        Outcome failed = run(dir, Map.of(), "", "1 / 0\n");
        assertEquals(1, failed.status());
        assertTrue(failed.err().endsWith("ZeroDivisionError: division by zero\n"), failed.err());
    }

    /** The client's: sys.executable is the aio command that started it; standard output to a pipe is block-buffered, as CPython's, to a terminal line-buffered. */
    @Test
    void executableAndBufferingAreTheClients() throws Exception {
        String program = """
                        import sys
                        print(sys.executable, sys._base_executable == sys.executable, sys.stdout.isatty(), sys.stdout.line_buffering)
                        print('err', file=sys.stderr)
                        print('out')
                        """;
        Sink both = new Sink();
        assertEquals(0, run(dir, Map.of(), new ByteArrayInputStream(new byte[0]), both, both, PIPED, null, program).status());
        assertEquals("err\n/opt/aio/bin/aio True False False\nout\n", both.text());
        Sink screen = new Sink();
        assertEquals(0, run(dir, Map.of(), new ByteArrayInputStream(new byte[0]), screen, screen, new Invocation("/opt/aio/bin/aio", true), null, program).status());
        assertEquals("/opt/aio/bin/aio True True True\nerr\nout\n", screen.text());
        Sink unbuffered = new Sink();
        assertEquals(0, run(dir, Map.of("PYTHONUNBUFFERED", "1"), new ByteArrayInputStream(new byte[0]), unbuffered, unbuffered, PIPED, null, program).status());
        assertEquals("/opt/aio/bin/aio True False False\nerr\nout\n", unbuffered.text());
    }

    @Test
    void inputIsReadWhenAskedFor() throws Exception {
        Outcome o = run(dir, Map.of(), "bob\nalice\n", """
                        name = input('name? ')
                        print('hello', name)
                        import sys
                        print(sys.stdin.read().split())
                        """);
        assertEquals(new Outcome(0, "name? hello bob\n['alice']\n", ""), o);
    }

    /**
     * Writes are gathered into fewer messages (one per write made 200,000 printed lines take 10 s):
     * the two streams still keep their order on a terminal (standard output is line-buffered
     * there), and a prompt is on the screen before input is read.
     */
    @Test
    void gatheredOutputKeepsItsOrderAndPromptsComeBeforeReads() throws Exception {
        Files.writeString(dir.resolve("main.py"), """
                        import sys
                        for i in range(3000):
                            print('out', i)
                            if i % 7 == 0:
                                print('err', i, file=sys.stderr)
                        name = input('name? ')
                        print('hello', name)
                        """);
        Sink both = new Sink();
        List<String> seenWhenAsked = new ArrayList<>();
        InputStream stdin = new InputStream() {
            private final InputStream typed = new ByteArrayInputStream("bob\n".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws IOException {
                return typed.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                String screen = both.text();
                seenWhenAsked.add(screen.substring(Math.max(0, screen.length() - 6)));
                return typed.read(b, off, len);
            }
        };
        SocketChannel channel = DaemonClient.tryConnect(place.socket());
        assertTrue(channel != null, "the daemon listens");
        int status = DaemonClient.relay(channel, new RunRequest(List.of("run", "--slow-step", "0", "main.py"), dir.toString(), Map.of(), new Invocation("", true)), stdin, both, both, sender -> {
        });
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            expected.append("out ").append(i).append('\n');
            if (i % 7 == 0) {
                expected.append("err ").append(i).append('\n');
            }
        }
        expected.append("name? hello bob\n");
        assertEquals(0, status);
        assertEquals(expected.toString(), both.text());
        assertEquals("name? ", seenWhenAsked.get(0));
    }

    @Test
    void environmentArgumentsAndWorkingDirectoryAreTheClients() throws Exception {
        Files.writeString(dir.resolve("data.txt"), "from the client's folder");
        Outcome o = run(dir, Map.of("AIO_DAEMON_TEST", "yes"), "", """
                        import os, sys
                        print(os.getcwd() == %s, os.environ.get('AIO_DAEMON_TEST'), sys.argv[1:])
                        print(open('data.txt').read())
                        """.formatted("'" + dir.toRealPath() + "'"), "a", "b c");
        assertEquals(new Outcome(0, "True yes ['a', 'b c']\nfrom the client's folder\n", ""), o);
    }

    @Test
    void childProcessesWriteThroughTheRun() throws Exception {
        Outcome o = run(dir, Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "CHILD_VAR", "v"), "typed\n", """
                        import asyncio
                        async def main():
                            p = await asyncio.create_subprocess_exec('sh', '-c', 'read x; echo "out $x $CHILD_VAR"; echo err >&2')
                            await p.wait()
                            print('after', p.returncode)
                        asyncio.run(main())
                        """);
        assertEquals(new Outcome(0, "out typed v\nafter 0\n", "err\n"), o);
    }

    @Test
    void ctrlCCancelsTheMainTask() throws Exception {
        CompletableFuture<IntConsumer> signals = new CompletableFuture<>();
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Path cwd = dir;
        Sink out = new Sink();
        Thread client = new Thread(() -> {
            try {
                outcome.set(run(cwd, Map.of(), InputStream.nullInputStream(), out, signals, """
                                import asyncio, sys
                                async def main():
                                    try:
                                        print('started', flush=True)
                                        await asyncio.sleep(30)
                                    finally:
                                        print('main: finally')
                                asyncio.run(main())
                                """));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        client.start();
        IntConsumer send = signals.get(60, TimeUnit.SECONDS);
        out.await("started\n");
        // The program waits in the loop by now.
        Thread.sleep(300);
        send.accept(2);
        client.join(60_000);
        Outcome o = outcome.get();
        assertEquals(130, o.status(), () -> o.toString());
        assertEquals("started\nmain: finally\n", o.out());
        assertTrue(o.err().endsWith("KeyboardInterrupt\n"), o.err());
    }

    /** CPython: the process ends as killed by the signal (the shell's status 128 + 15); in the daemon, only the run does. */
    @Test
    void aSignalTheProgramRaisesWithoutAHandlerEndsOnlyItsRun() throws Exception {
        Outcome o = run(dir, Map.of(), "", """
                        import signal
                        print('before', flush=True)
                        signal.raise_signal(signal.SIGTERM)
                        print('not reached')
                        """);
        assertEquals(new Outcome(143, "before\n", ""), o);
        assertEquals(new Outcome(0, "still here\n", ""), run(dir, Map.of(), "", "print('still here')\n"));
    }

    @Test
    void aRebuiltAioHasANewDaemonAndTheOldOneLeaves() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("aio.jar"), "one");
        String key = DaemonPlace.key("/jdk", List.of("-Xmx1g"), lib);
        DaemonPlace old = new DaemonPlace(DaemonPlace.ensurePrivate(dir.resolve("private")), key);
        Thread t = serve(new AioDaemon(old, lib, 600_000));
        assertTrue(Files.exists(old.socket()));
        Files.writeString(lib.resolve("aio.jar"), "two, longer");
        assertNotEquals(key, DaemonPlace.key("/jdk", List.of("-Xmx1g"), lib), "a rebuilt aio's daemon has another socket");
        assertNotEquals(key, DaemonPlace.key("/jdk", List.of("-Xmx2g"), lib), "so have other JVM options");
        t.join(30_000);
        assertFalse(t.isAlive(), "the old daemon left");
        assertFalse(Files.exists(old.socket()));
        assertNull(DaemonClient.tryConnect(old.socket()));
    }

    @Test
    void daemonStatusShowsEachDaemonAndItsRuns() throws Exception {
        run(dir, Map.of(), "", "print('counted')\n");
        String status = printed(out -> DaemonControl.status(place.folder(), out));
        assertTrue(status.matches("pid " + ProcessHandle.current().pid() + ", (JIT|interpreter only \\(AIO_JIT=off\\)), up \\d+ s, [1-9]\\d* runs?, idle \\d+ s of 10 min 0 s, heap \\d+ MB, aio in .*\n"), status);
    }

    /** The heap a run grew is collected once the daemon is idle (so the JVM can give it back), once per idle period. */
    @Test
    void anIdleDaemonCollectsItsHeapOnce() throws Exception {
        Outcome o = run(dir, Map.of(), "", "grown = [list(range(100)) for _ in range(20000)]\nprint(len(grown))\n");
        // Read once the run is over: an earlier run's collection, if still due, is this one's.
        int before = served.idleCollections();
        assertEquals("20000\n", o.out(), o::toString);
        for (int i = 0; i < 600 && served.idleCollections() == before; i++) {
            Thread.sleep(100);
        }
        assertEquals(before + 1, served.idleCollections(), "collected once idle");
        // More of the watchman's rounds: still idle since that run, so no second collection.
        Thread.sleep(7_000);
        assertEquals(before + 1, served.idleCollections(), "once per idle period");
    }

    @Test
    void daemonStopEndsTheDaemonsAndRemovesWhatAKilledOneLeft() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path folder = DaemonPlace.ensurePrivate(dir.resolve("private"));
        Thread live = serve(new AioDaemon(new DaemonPlace(folder, "live"), lib, 600_000));
        // A daemon killed with -9 leaves its socket (nothing listens on it), lock and log.
        DaemonPlace killed = new DaemonPlace(folder, "killed");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(killed.socket()));
        }
        Files.writeString(killed.lock(), "");
        Files.writeString(killed.log(), "its last words\n");

        String status = printed(out -> DaemonControl.status(folder, out));
        assertTrue(status.contains("daemon killed: not answering"), status);
        assertTrue(status.contains(", 0 runs, idle "), status);

        String stopped = printed(out -> DaemonControl.stop(folder, out));
        assertTrue(stopped.contains("daemon killed: removed the files of a daemon that was killed\n"), stopped);
        assertTrue(stopped.contains("stopped: pid " + ProcessHandle.current().pid()), stopped);
        live.join(30_000);
        assertFalse(live.isAlive(), "the daemon left");
        assertFalse(Files.exists(killed.socket()));
        assertFalse(Files.exists(killed.log()));
        assertEquals("no aio daemon is running (" + folder + ")\n", printed(out -> DaemonControl.status(folder, out)));
    }

    /** What {@code action} prints. */
    private static String printed(Consumer<PrintStream> action) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        action.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIdleDaemonLeaves() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        DaemonPlace idle = new DaemonPlace(DaemonPlace.ensurePrivate(dir.resolve("private")), "idle");
        Thread t = serve(new AioDaemon(idle, lib, 100));
        t.join(30_000);
        assertFalse(t.isAlive());
        assertFalse(Files.exists(idle.socket()));
    }

    @Test
    void aFolderOthersMayEnterIsNotUsed() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            DaemonPlace.ensurePrivate(open);
            throw new AssertionError("accepted " + open);
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("not a folder private"), e.getMessage());
        }
    }

    @Test
    void withoutADaemonTheClientRunsAioItself() throws Exception {
        DaemonPlace dead = new DaemonPlace(DaemonPlace.ensurePrivate(dir.resolve("private")), "dead");
        // A socket no one listens on (a daemon killed), and a daemon that cannot start (its lock is a folder).
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(dead.socket()));
        }
        assertNull(DaemonClient.tryConnect(dead.socket()));
        Files.createDirectory(dead.lock());
        Path result = dir.resolve("result.txt");
        Files.writeString(dir.resolve("main.py"), "open(%s, 'w').write('ran')\n".formatted("'" + result + "'"));
        List<String> command = PseudoTerminal.aio();
        // The JVM options: all but the java binary and the main class.
        List<String> options = command.subList(1, command.size() - 1);
        int status = DaemonClient.run(command.get(0), options, dir.resolve("lib"), dead, List.of("run", "--slow-step", "0", dir.resolve("main.py").toString()), false);
        assertEquals(0, status);
        assertEquals("ran", Files.readString(result));
    }

    /**
     * A -Dpolyglot.* property the engine does not know (AIO_JAVA_OPTS) fails the daemon it starts,
     * then the run aio does itself: the client says why on its standard error, with no Java stack
     * trace, and fails.
     */
    @Test
    void anOptionTheEngineRejectsIsReportedOnTheClientsStderr() throws Exception {
        Files.writeString(dir.resolve("main.py"), "print('ran')\n");
        List<String> aio = PseudoTerminal.aio();
        List<String> options = new ArrayList<>(aio.subList(1, aio.size() - 1));
        options.add("-Dpolyglot.engine.NoSuchOption=true");
        List<String> client = new ArrayList<>(List.of(aio.get(0), "-cp", System.getProperty("java.class.path"), DaemonClient.class.getName(), dir.resolve("lib").toString(),
                        Integer.toString(options.size())));
        client.addAll(options);
        client.addAll(List.of("run", dir.resolve("main.py").toString()));
        ProcessBuilder pb = new ProcessBuilder(client).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // The daemon's private folder: this test's own.
        pb.environment().put("XDG_RUNTIME_DIR", Files.createDirectories(dir.resolve("runtime")).toString());
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        String err = readAll(p.getErrorStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals("", out.get());
        // Its last line; before it, without the JIT (as in this test), the engine's own warning that it runs interpreted.
        assertEquals("aio: invalid option: Could not find option with name engine.NoSuchOption.", err.strip().lines().reduce((a, b) -> b).orElse(""), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void optionsTheDaemonCannotHonourRunInAProcessOfTheirOwn() {
        assertTrue(DaemonClient.needsOwnProcess(List.of("run", "--no-daemon", "x.py")));
        assertTrue(DaemonClient.needsOwnProcess(List.of("run", "--cpusampler", "x.py")));
        assertTrue(DaemonClient.needsOwnProcess(List.of("run", "--time-limit", "3", "--inspect=9230", "x.py")));
        assertTrue(DaemonClient.needsOwnProcess(List.of("run", "--dump-tasks-on", "USR1", "x.py")));
        assertTrue(DaemonClient.needsOwnProcess(List.of("test", "examples")));
        assertFalse(DaemonClient.needsOwnProcess(List.of("run", "--time-limit", "3", "--virtual-time", "x.py", "--inspect")));
        assertFalse(DaemonClient.needsOwnProcess(List.of("run", "-c", "--cpusampler")));
    }
}
