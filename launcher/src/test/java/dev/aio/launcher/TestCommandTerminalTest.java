package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aio.launcher.repl.PseudoTerminal;

/** {@code aio test} on a terminal: each test's name shows while it runs. */
class TestCommandTerminalTest {
    @Test
    void theRunningTestIsNamed(@TempDir Path dir) throws Exception {
        assumeTrue(PseudoTerminal.available(), "script(1) from util-linux is needed to make a pseudo-terminal");
        Files.writeString(dir.resolve("spin.py"), "while True:\n    pass\n");
        Files.writeString(dir.resolve("spin.out"), "");
        try (PseudoTerminal t = PseudoTerminal.start(PseudoTerminal.aio("test", "--timeout", "8", dir.toString()), Map.of("TERM", "xterm"))) {
            t.expect("RUN  " + dir.resolve("spin.py"), Duration.ofSeconds(120));
            long shown = System.nanoTime();
            t.expect("FAIL " + dir.resolve("spin.py") + "\n    timed out", Duration.ofSeconds(60));
            assertTrue(System.nanoTime() - shown > Duration.ofSeconds(1).toNanos(), "the name was not shown while the test ran");
            t.expect("0 passed, 1 failed", Duration.ofSeconds(30));
            assertEquals(1, t.waitFor(Duration.ofSeconds(30)));
        }
    }
}
