package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs mutants of {@code examples/**.aio}, random token streams and random programs (see
 * {@link FuzzInputs}) through {@code aio run} in-process, and checks that each one runs, or fails
 * the way aio fails: a located {@code SyntaxError} or a traceback (status 1), a deadlock (3), the
 * time limit (124). A Java stack trace, an "internal error", an exception escaping the launcher or
 * a run that cannot be stopped fails the test, printing the seed, the input's number and the input.
 *
 * <p>Properties: {@code aio.fuzz.count} (inputs, default 2000), {@code aio.fuzz.seed},
 * {@code aio.fuzz.first} (the first input's number: {@code -Daio.fuzz.first=N -Daio.fuzz.count=1}
 * reruns input N), {@code aio.fuzz.threads}, {@code aio.fuzz.wall-ms} (real time after which a run
 * is cancelled: a program may loop forever without awaiting, which the virtual clock cannot stop).
 */
class FuzzTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("aio.examples.dir", "../examples"));
    private static final int COUNT = Integer.getInteger("aio.fuzz.count", 2000);
    private static final long SEED = Long.getLong("aio.fuzz.seed", 20240601L);
    private static final int FIRST = Integer.getInteger("aio.fuzz.first", 0);
    private static final int THREADS = Integer.getInteger("aio.fuzz.threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
    private static final long WALL_MS = Long.getLong("aio.fuzz.wall-ms", 5000);
    /** How long a cancelled run may take to stop before it counts as a hang. */
    private static final long GRACE_MS = 20000;
    private static final int MAX_FAILURES = 10;

    private static final Pattern JAVA_TRACE = Pattern.compile(
                    "(?m)^\\s*at [\\w$.]+\\.[\\w$<>]+\\([^)]*\\)\\s*$|Exception in thread \"|aio: internal error|\\b(java|jdk|sun|com\\.oracle|org\\.graalvm|org\\.antlr|dev\\.aio)\\.[\\w$.]*(Exception|Error)\\b");
    private static final Pattern JAVA_OBJECT = Pattern.compile("\\b(dev\\.aio|com\\.oracle|org\\.graalvm|org\\.antlr|java\\.lang|java\\.util)\\.\\w|\\bPy[A-Z]\\w*@[0-9a-f]{4,}|\\$\\$Lambda");
    private static final Pattern LOCATED = Pattern.compile("(?m)^[ |+]*File \"[^\"]*\", line \\d+");
    /** What CPython prints, alone, for a program nested deeper than its parser or compiler goes. */
    private static final Pattern COMPILE_LIMIT = Pattern.compile("MemoryError\n|RecursionError: maximum recursion depth exceeded during compilation\n");
    private static final Pattern SYNTAX_ERROR = Pattern.compile("(?m)^(SyntaxError|IndentationError|TabError)(: .*)?$");

    @TempDir Path dir;

    private record Failure(int index, String why, String input, int status, String out, String err) {
    }

    /** The run in progress on a worker thread. */
    private static final class Run {
        final int index;
        final long start = System.nanoTime();
        volatile boolean cancelled;
        volatile boolean done;

        Run(int index) {
            this.index = index;
        }
    }

    /** Cancels each run of the current thread's {@link Run} that is still going after {@code wallMs}. */
    private static final class Watchdog implements AutoCloseable {
        /** Inherited: aio runs the command on a thread of its own, started by the worker. */
        final ThreadLocal<Run> current = new InheritableThreadLocal<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("aio-fuzz-watchdog"));

        Watchdog(long wallMs) {
            RunCommand.contextWatcher = context -> {
                Run run = current.get();
                if (run != null) {
                    timer.schedule(() -> cancel(run, context), wallMs, TimeUnit.MILLISECONDS);
                }
            };
        }

        private static void cancel(Run run, Context context) {
            if (run.done) {
                return;
            }
            run.cancelled = true;
            // close(true) waits until the run stops: not on the timer's only thread.
            daemon("aio-fuzz-cancel").newThread(() -> {
                try {
                    context.close(true);
                } catch (RuntimeException endedMeanwhile) {
                    // the run ended on its own
                }
            }).start();
        }

        @Override
        public void close() {
            RunCommand.contextWatcher = null;
            timer.shutdownNow();
        }
    }

    @Test
    void mutantsAndRandomTokensRunOrFailWithAioErrors() throws Exception {
        FuzzInputs inputs = new FuzzInputs(corpus());
        AtomicInteger next = new AtomicInteger(FIRST);
        AtomicReferenceArray<Run> running = new AtomicReferenceArray<>(THREADS);
        Map<String, Integer> outcomes = new TreeMap<>();
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        try (Watchdog watchdog = new Watchdog(WALL_MS)) {
            for (int w = 0; w < THREADS; w++) {
                int worker = w;
                Path file = dir.resolve("w" + w).resolve("fuzz.aio");
                Files.createDirectories(file.getParent());
                Thread t = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < FIRST + COUNT && failures.size() < MAX_FAILURES; i = next.getAndIncrement()) {
                        FuzzInputs.Input input = inputs.input(SEED, i);
                        Run run = new Run(i);
                        running.set(worker, run);
                        watchdog.current.set(run);
                        String outcome = input.kind() + " " + runOne(i, input.text(), file, run, failures);
                        run.done = true;
                        running.set(worker, null);
                        synchronized (outcomes) {
                            outcomes.merge(outcome, 1, Integer::sum);
                        }
                    }
                }, "aio-fuzz-" + w);
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                while (t.isAlive()) {
                    t.join(1000);
                    for (int w = 0; w < THREADS; w++) {
                        Run run = running.get(w);
                        if (run != null && System.nanoTime() - run.start > (WALL_MS + GRACE_MS) * 1_000_000L) {
                            failures.add(new Failure(run.index, "hang: still running " + (WALL_MS + GRACE_MS) / 1000 + " s after it started, and cancelling did not stop it",
                                            inputs.input(SEED, run.index).text(), -1, "", ""));
                            report(outcomes, failures, started);
                            return;
                        }
                    }
                }
            }
        }
        report(outcomes, failures, started);
    }

    /** What the fuzz test relies on to stop a program that never awaits: cancelling reaches aio loops and builtins' loops alike. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void runsThatNeverEndCanBeCancelled() throws IOException {
        try (Watchdog watchdog = new Watchdog(300)) {
            String spawner = "import asyncio\nasync def spawn():\n    asyncio.create_task(spawn())\n    raise ValueError\nasync def main():\n    asyncio.create_task(spawn())\n    await asyncio.sleep(1)\nasyncio.run(main())\n";
            String recursion = "def f():\n    try:\n        f()\n    except RecursionError:\n        f()\nf()\n";
            for (String program : List.of("while True:\n    pass\n", "print(sum(range(10**15)))\n", spawner, recursion)) {
                Path file = dir.resolve("forever.aio");
                Files.writeString(file, program);
                Run run = new Run(0);
                watchdog.current.set(run);
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status = AioMain.run(new String[]{"run", "--virtual-time", file.toString()}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                                new PrintStream(err, true, StandardCharsets.UTF_8));
                run.done = true;
                assertEquals(130, status, program);
                assertEquals("aio: interrupted\n", err.toString(StandardCharsets.UTF_8), program);
            }
        }
    }

    private String runOne(int index, String input, Path file, Run run, ConcurrentLinkedQueue<Failure> failures) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            Files.write(file, input.getBytes(StandardCharsets.UTF_8));
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                status = AioMain.run(new String[]{"run", "--virtual-time", "--time-limit", "10", file.toString()}, new ByteArrayInputStream(new byte[0]), o, e);
            }
        } catch (Throwable t) {
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            t.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
            failures.add(new Failure(index, "exception escaped aio run: " + t, input, -1, out.toString(StandardCharsets.UTF_8), trace.toString(StandardCharsets.UTF_8)));
            return "FAILURE";
        }
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        String outcome = classify(status, o, e, input, run.cancelled);
        if (outcome.startsWith("FAILURE")) {
            failures.add(new Failure(index, outcome, input, status, o, e));
            return "FAILURE";
        }
        return outcome;
    }

    /** What happened, or {@code FAILURE: why}. */
    static String classify(int status, String out, String err, String input, boolean cancelled) {
        String trace = notFrom(input, JAVA_TRACE.matcher(err));
        if (trace != null) {
            return "FAILURE: internal error or Java stack trace on stderr: " + trace;
        }
        String leak = notFrom(input, JAVA_OBJECT.matcher(out + err));
        if (leak != null) {
            return "FAILURE: a Java object or class name in the output: " + leak;
        }
        boolean exits = input.contains("exit") || input.contains("SystemExit");
        if (cancelled && status == 130) {
            return "cancelled after " + WALL_MS + " ms (no await in a long loop)";
        }
        return switch (status) {
            case 0 -> "ok";
            case 1 -> {
                if (LOCATED.matcher(err).find() && SYNTAX_ERROR.matcher(err).find()) {
                    yield "syntax error";
                }
                if (err.contains("Traceback (most recent call last):") && LOCATED.matcher(err).find()) {
                    yield "uncaught exception";
                }
                if (COMPILE_LIMIT.matcher(err).matches()) {
                    yield "nested beyond CPython's limits";
                }
                yield exits ? "sys.exit" : "FAILURE: exit status 1 without a located SyntaxError or traceback";
            }
            case 3 -> err.contains("aio: deadlock") ? "deadlock" : exits ? "sys.exit" : "FAILURE: exit status 3 without a deadlock report";
            case 124 -> err.contains("time limit") ? "time limit" : exits ? "sys.exit" : "FAILURE: exit status 124 without the time-limit message";
            // An uncaught KeyboardInterrupt ends with CPython's status for SIGINT.
            case 130 -> err.contains("Traceback (most recent call last):") && err.contains("KeyboardInterrupt") ? "uncaught KeyboardInterrupt"
                            : exits ? "sys.exit" : "FAILURE: exit status 130 without a KeyboardInterrupt traceback";
            default -> exits ? "sys.exit" : "FAILURE: exit status " + status;
        };
    }

    /** The first match that is not just text of the input (a traceback quotes source lines). */
    private static String notFrom(String input, Matcher m) {
        while (m.find()) {
            if (!input.contains(m.group().strip())) {
                return m.group().strip();
            }
        }
        return null;
    }

    private static void report(Map<String, Integer> outcomes, ConcurrentLinkedQueue<Failure> failures, long started) throws IOException {
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("fuzz: %d inputs from #%d (seed %d) in %.1f s%n", total, FIRST, SEED, (System.nanoTime() - started) / 1e9);
        outcomes.forEach((outcome, n) -> System.out.printf("%8d %s%n", n, outcome));
        if (failures.isEmpty()) {
            return;
        }
        Path saved = Path.of(System.getProperty("aio.fuzz.failures", "target/fuzz-failures"));
        Files.createDirectories(saved);
        StringBuilder message = new StringBuilder(failures.size() + " fuzz failure(s), seed " + SEED + "; the inputs are in " + saved.toAbsolutePath() + "\n");
        for (Failure f : failures) {
            Path p = saved.resolve("seed" + SEED + "-input" + f.index() + ".aio");
            Files.write(p, f.input().getBytes(StandardCharsets.UTF_8));
            message.append("\n== input #").append(f.index()).append(" (rerun: -Daio.fuzz.seed=").append(SEED).append(" -Daio.fuzz.first=").append(f.index())
                            .append(" -Daio.fuzz.count=1, or ./aio run --virtual-time ").append(p.toAbsolutePath()).append(")\n").append(f.why()).append(", exit status ").append(f.status())
                            .append("\n-- input:\n").append(f.input()).append("\n-- stderr:\n").append(tail(f.err())).append("-- stdout:\n").append(tail(f.out())).append('\n');
        }
        System.out.println(message);
        fail(message.toString());
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "...\n" + s.substring(s.length() - 4000);
    }

    /** The example programs, sorted; the stress test is left out, its mutants would only run into the watchdog. */
    private static List<String> corpus() throws IOException {
        List<String> programs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".aio")).sorted().toList()) {
                Path relative = EXAMPLES.relativize(p);
                if (!relative.startsWith("target") && !relative.startsWith("src") && !p.getFileName().toString().startsWith("stress_")) {
                    programs.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        assertFalse(programs.isEmpty(), "no examples under " + EXAMPLES.toAbsolutePath());
        return programs;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
