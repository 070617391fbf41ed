package dev.aio.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.aio.launcher.GoldenTests;

/**
 * Every program under {@code examples/} with an expected {@code .out}, run through the launcher the
 * way {@code aio test} runs it (see {@link GoldenTests} for the conventions).
 */
class GoldenExamplesTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("aio.examples.dir", "."));

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
