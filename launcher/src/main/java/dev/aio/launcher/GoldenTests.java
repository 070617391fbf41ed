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
import java.util.stream.Stream;

/**
 * Golden-output tests of aio programs: {@code NAME.aio} (or {@code .py}) next to {@code NAME.out}
 * (expected stdout), and optionally {@code NAME.err} (expected stderr), {@code NAME.status} (exit
 * status), {@code NAME.flags} (extra {@code aio run} options), {@code NAME.args} (script
 * arguments) and {@code NAME.svg} (the expected {@code --timeline} picture: the program then runs
 * with {@code --timeline} to a temporary file). Programs run in-process under the virtual clock.
 * Object addresses ({@code 0x...}) and the absolute path of the working directory are not
 * compared: CPython and aio name scripts by absolute path.
 */
public final class GoldenTests {
    private GoldenTests() {
    }

    /** The result of one test: whether it passed, and if not, what differed. */
    public record Outcome(Path program, boolean passed, String report) {
    }

    /** Programs with an expected {@code .out} under the given files and folders, sorted. */
    public static List<Path> discover(List<Path> roots) throws IOException {
        List<Path> programs = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(GoldenTests::isProgram).filter(p -> Files.exists(expected(p, ".out"))).filter(p -> !isBuildOutput(root, p)).forEach(programs::add);
                }
            } else if (isProgram(root)) {
                programs.add(root);
            }
        }
        programs.sort(null);
        return programs;
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
     * files instead (for a human to review).
     */
    public static Outcome run(Path program, Path workDir, boolean update) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "--virtual-time"));
        args.addAll(words(read(expected(program, ".flags"), "")));
        Path expectedTimeline = expected(program, ".svg");
        Path timeline = null;
        if (Files.exists(expectedTimeline)) {
            timeline = Files.createTempFile("aio-timeline", ".svg");
            args.addAll(List.of("--timeline", timeline.toString()));
        }
        args.add(program.toString());
        args.addAll(words(read(expected(program, ".args"), "")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(args.toArray(new String[0]), new ByteArrayInputStream(new byte[0]), o, e);
        }
        String root = workDir.toAbsolutePath().normalize() + "/";
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
