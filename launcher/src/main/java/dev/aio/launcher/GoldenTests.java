package dev.aio.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;

/**
 * Golden-output tests of aio programs: {@code NAME.aio} (or {@code .py}) next to {@code NAME.out}
 * (expected stdout), and optionally {@code NAME.err} (expected stderr), {@code NAME.status} (exit
 * status), {@code NAME.flags} (extra {@code aio run} options), {@code NAME.args} (script
 * arguments) and {@code NAME.svg} (the expected {@code --timeline} picture: the program then runs
 * with {@code --timeline} to a temporary file) and {@code NAME.timeout} (the test's time limit in
 * seconds of real time). Programs run in-process under the virtual clock, each from its own
 * folder and named by its file name (as {@code cd DIR && python3 NAME.py} runs it), so what a test
 * sees does not depend on where {@code aio test} was started. Object addresses ({@code 0x...})
 * and the absolute path of the program's folder are not compared: CPython and aio name scripts by
 * absolute path.
 */
public final class GoldenTests {
    private GoldenTests() {
    }

    /** A test's time limit when neither {@code NAME.timeout} nor {@code aio test --timeout} gives one. */
    public static final double DEFAULT_TIMEOUT_SECONDS = 60;

    private static final ScheduledExecutorService ALARMS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aio-test-time-limit");
        t.setDaemon(true);
        return t;
    });

    /** The result of one test: whether it passed, and if not, what differed. */
    public record Outcome(Path program, boolean passed, String report) {
    }

    /** Programs with an expected {@code .out} under the given files and folders, sorted. */
    public static List<Path> discover(List<Path> roots) throws IOException {
        return discover(roots, false);
    }

    /**
     * Programs with an expected {@code .out} under the given files and folders, sorted. To record
     * ({@code forUpdate}), a folder where no program has one yet gives all its programs.
     */
    public static List<Path> discover(List<Path> roots, boolean forUpdate) throws IOException {
        List<Path> programs = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                List<Path> all;
                try (Stream<Path> files = Files.walk(root)) {
                    all = files.filter(GoldenTests::isProgram).filter(p -> !isBuildOutput(root, p)).toList();
                }
                List<Path> recorded = all.stream().filter(p -> Files.exists(expected(p, ".out"))).toList();
                programs.addAll(forUpdate && recorded.isEmpty() ? all.stream().filter(p -> !isPackageInit(p)).toList() : recorded);
            } else if (isProgram(root)) {
                programs.add(root);
            }
        }
        programs.sort(null);
        return programs;
    }

    private static boolean isPackageInit(Path p) {
        String name = p.getFileName().toString();
        return name.equals("__init__.aio") || name.equals("__init__.py");
    }

    private static boolean isProgram(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".aio") || name.endsWith(".py");
    }

    private static boolean isBuildOutput(Path root, Path p) {
        Path relative = root.relativize(p);
        return relative.startsWith("target") || relative.startsWith("src");
    }

    static Path expected(Path program, String extension) {
        String name = program.getFileName().toString();
        return program.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }

    /**
     * Runs one program and compares; with {@code update}, writes what it printed as the expected
     * files instead (for a human to review). A run still going after the test's time limit
     * ({@code NAME.timeout}, else {@code defaultTimeout} seconds) is stopped and fails.
     */
    public static Outcome run(Path program, boolean update, double defaultTimeout) throws IOException {
        double timeout;
        try {
            timeout = timeLimit(program, defaultTimeout);
        } catch (IllegalArgumentException e) {
            return new Outcome(program, false, e.getMessage() + "\n");
        }
        Path folder = program.toAbsolutePath().normalize().getParent();
        List<String> args = new ArrayList<>(List.of("run", "--virtual-time"));
        args.addAll(words(read(expected(program, ".flags"), "")));
        Path expectedTimeline = expected(program, ".svg");
        Path timeline = null;
        if (Files.exists(expectedTimeline)) {
            timeline = Files.createTempFile("aio-timeline", ".svg");
            args.addAll(List.of("--timeline", timeline.toString()));
        }
        args.add(program.getFileName().toString());
        args.addAll(words(read(expected(program, ".args"), "")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        AtomicReference<Context> running = new AtomicReference<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        // Repeats until the run has a context to cancel (it may still be starting).
        ScheduledFuture<?> alarm = ALARMS.scheduleWithFixedDelay(() -> {
            timedOut.set(true);
            Context context = running.getAndSet(null);
            if (context != null) {
                try {
                    context.close(true);
                } catch (RuntimeException e) {
                    // The run ended by itself meanwhile.
                }
            }
        }, (long) (timeout * 1000), 100, TimeUnit.MILLISECONDS);
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(args.toArray(new String[0]), new ByteArrayInputStream(new byte[0]), o, e, folder, running::set);
        } finally {
            alarm.cancel(false);
        }
        if (timeline != null && timedOut.get()) {
            Files.deleteIfExists(timeline);
        }
        if (timedOut.get()) {
            return new Outcome(program, false, "timed out: still running after " + seconds(timeout) + " s (the test's time limit: NAME.timeout, or aio test --timeout)\n");
        }
        String root = folder + "/";
        String actualOut = out.toString(StandardCharsets.UTF_8).replace(root, "");
        String actualErr = err.toString(StandardCharsets.UTF_8).replace(root, "");
        String actualTimeline = null;
        if (timeline != null) {
            actualTimeline = read(timeline, "");
            Files.delete(timeline);
        }
        if (update) {
            if (actualTimeline != null) {
                Files.writeString(expectedTimeline, actualTimeline, StandardCharsets.UTF_8);
            }
            Files.writeString(expected(program, ".out"), actualOut, StandardCharsets.UTF_8);
            writeOrDelete(expected(program, ".err"), actualErr);
            writeOrDelete(expected(program, ".status"), status == 0 ? "" : status + "\n");
            return new Outcome(program, true, "");
        }
        StringBuilder report = new StringBuilder();
        compare(report, "stdout", read(expected(program, ".out"), ""), actualOut);
        compare(report, "stderr", read(expected(program, ".err"), ""), actualErr);
        if (actualTimeline != null) {
            compare(report, "timeline (" + expectedTimeline.getFileName() + ")", read(expectedTimeline, ""), actualTimeline);
        }
        int expectedStatus = Integer.parseInt(read(expected(program, ".status"), "0").strip());
        if (status != expectedStatus) {
            report.append("exit status: expected ").append(expectedStatus).append(", got ").append(status).append('\n');
        }
        return new Outcome(program, report.length() == 0, report.toString());
    }

    /** {@code NAME.timeout}, else the default. */
    private static double timeLimit(Path program, double defaultTimeout) throws IOException {
        String text = read(expected(program, ".timeout"), "").strip();
        if (text.isEmpty()) {
            return defaultTimeout;
        }
        try {
            double seconds = Double.parseDouble(text);
            if (seconds > 0 && Double.isFinite(seconds)) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(expected(program, ".timeout") + ": expected a number of seconds greater than 0, got '" + text + "'");
    }

    static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    private static void compare(StringBuilder report, String what, String expected, String actual) {
        String e = normalize(expected);
        String a = normalize(actual);
        if (!e.equals(a)) {
            report.append(what).append(" differs (- expected, + actual):\n").append(LineDiff.diff(e, a));
        }
    }

    private static String normalize(String s) {
        return s.replaceAll("0x[0-9a-f]+", "0x…");
    }

    private static void writeOrDelete(Path p, String content) throws IOException {
        if (content.isEmpty()) {
            Files.deleteIfExists(p);
        } else {
            Files.writeString(p, content, StandardCharsets.UTF_8);
        }
    }

    private static String read(Path p, String fallback) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : fallback;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
    }
}
