package dev.aio.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.aio.launcher.GoldenTests;
import dev.aio.launcher.Invocation;

/**
 * Every program under {@code examples/} with an expected {@code .out}, run through the launcher the
 * way {@code aio test} runs it (see {@link GoldenTests} for the conventions).
 */
class GoldenExamplesTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("aio.examples.dir", "."));

    @TempDir static Path bin;

    /**
     * The programs' {@code sys.executable}, as {@code aio test} gives them its own command: here an
     * aio command over this test's class path (without the JIT, as quiet as {@code ./aio}), so a
     * program starting {@code sys.executable -c CODE} runs the aio under test.
     */
    @BeforeAll
    static void anAioCommandForChildProcesses() throws IOException {
        if (System.getProperty(Invocation.EXECUTABLE_PROPERTY) != null) {
            return;
        }
        Path aio = bin.resolve("aio");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(aio, "#!/bin/sh\nexec '" + java + "' -Daio.jit=off -Dpolyglot.engine.WarnInterpreterOnly=false --enable-native-access=ALL-UNNAMED"
                        + (Runtime.version().feature() >= 24 ? " --sun-misc-unsafe-memory-access=allow" : "") + " -cp '" + System.getProperty("java.class.path")
                        + "' -D" + Invocation.EXECUTABLE_PROPERTY + "='" + aio + "' dev.aio.launcher.AioMain \"$@\"\n");
        Files.setPosixFilePermissions(aio, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty(Invocation.EXECUTABLE_PROPERTY, aio.toString());
    }

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        List<Path> programs = GoldenTests.discover(List.of(EXAMPLES));
        assertFalse(programs.isEmpty(), "no examples found under " + EXAMPLES.toAbsolutePath());
        return programs.stream().map(p -> DynamicTest.dynamicTest(EXAMPLES.relativize(p).toString(), () -> {
            GoldenTests.Outcome outcome = GoldenTests.run(p, false, GoldenTests.DEFAULT_TIMEOUT_SECONDS);
            assertTrue(outcome.passed(), outcome.report());
        }));
    }
}
