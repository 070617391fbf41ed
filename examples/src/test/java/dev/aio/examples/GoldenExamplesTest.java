package dev.aio.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.aio.launcher.AioMain;

/**
 * Runs every {@code examples/**}{@code /NAME.aio} through the launcher, under the virtual clock, and
 * compares with the expected files next to it: {@code NAME.out} (stdout), {@code NAME.err} (stderr,
 * empty when absent), {@code NAME.status} (exit status, 0 when absent), plus optional
 * {@code NAME.flags} (extra {@code aio run} options) and {@code NAME.args} (script arguments).
 * Object addresses ({@code 0x...}) are not compared, and the absolute path of {@code examples/} is
 * removed from the output (CPython and aio name scripts by absolute path).
 */
class GoldenExamplesTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("aio.examples.dir", "."));

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            programs = files.filter(p -> p.toString().endsWith(".aio")).filter(p -> !EXAMPLES.relativize(p).startsWith("src"))
                            .filter(p -> !EXAMPLES.relativize(p).startsWith("target")).sorted().toList();
        }
        assertFalse(programs.isEmpty(), "no examples found under " + EXAMPLES.toAbsolutePath());
        return programs.stream().map(p -> DynamicTest.dynamicTest(EXAMPLES.relativize(p).toString(), () -> check(p)));
    }

    private static void check(Path program) throws IOException {
        String base = program.toString().substring(0, program.toString().length() - ".aio".length());
        String expectedOut = read(Path.of(base + ".out"), "");
        String expectedErr = read(Path.of(base + ".err"), "");
        int expectedStatus = Integer.parseInt(read(Path.of(base + ".status"), "0").strip());
        List<String> args = new ArrayList<>(List.of("run", "--virtual-time"));
        args.addAll(words(read(Path.of(base + ".flags"), "")));
        args.add(EXAMPLES.relativize(program).toString());
        args.addAll(words(read(Path.of(base + ".args"), "")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(args.toArray(new String[0]), new ByteArrayInputStream(new byte[0]), o, e);
        }
        // Scripts are named by absolute path in tracebacks, as CPython does; expected files are relative to examples/.
        String root = EXAMPLES.toAbsolutePath().normalize() + "/";
        String actualOut = out.toString(StandardCharsets.UTF_8).replace(root, "");
        String actualErr = err.toString(StandardCharsets.UTF_8).replace(root, "");
        assertEquals(normalize(expectedOut), normalize(actualOut), "stdout of " + program + "; stderr:\n" + actualErr);
        assertEquals(normalize(expectedErr), normalize(actualErr), "stderr of " + program);
        assertEquals(expectedStatus, status, "exit status of " + program + "; stderr:\n" + actualErr);
    }

    private static String read(Path p, String fallback) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : fallback;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
    }

    private static String normalize(String s) {
        return s.replaceAll("0x[0-9a-f]+", "0x…");
    }
}
