package dev.aio.launcher.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aio repl} on a terminal, driven through a pseudo-terminal as a user would: JLine reads
 * the lines, Ctrl-C arrives as SIGINT from the terminal, Ctrl-D ends the input. One session
 * covers the whole story, since starting the JVM is the slow part.
 */
class ReplTerminalTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void aSessionOnATerminal(@TempDir Path dir) throws Exception {
        assumeTrue(PseudoTerminal.available(), "script(1) from util-linux is needed to make a pseudo-terminal");
        Path history = dir.resolve("history");
        try (PseudoTerminal t = PseudoTerminal.start(PseudoTerminal.aio("repl"), Map.of("TERM", "xterm", "AIO_HISTORY", history.toString()))) {
            t.expect(">>> import asyncio\n", START);
            t.expect(">>> ", START);

            t.type("await asyncio.sleep(0.1, result=6 * 7)\r");
            t.expect("\n42\n>>> ", STEP);

            t.type("async def tick(n):\r");
            t.expect("... ", STEP);
            t.type("    for i in range(n):\r");
            t.expect("... ", STEP);
            t.type("        await asyncio.sleep(0.2)\r");
            t.expect("... ", STEP);
            t.type("        print('tick', i)\r");
            t.expect("... ", STEP);
            t.type("\r");
            t.expect(">>> ", STEP);

            // Nothing is typed while the task runs: it prints above the prompt, which is drawn again.
            t.type("t = asyncio.create_task(tick(3))\r");
            t.expect("tick 0\n", STEP);
            t.expect("tick 1\n", STEP);
            t.expect("tick 2\n", STEP);
            t.expect(">>> ", STEP);

            t.type("1/0\r");
            assertTrue(t.expect("ZeroDivisionError: division by zero\n>>> ", STEP).contains("File \"<stdin>\", line 1, in <module>"));
            t.type("print('still', 6 * 7)\r");
            t.expect("still 42\n>>> ", STEP);

            t.type("await asyncio.sleep(30)\r");
            t.expect("asyncio.sleep(30)\n", STEP);
            Thread.sleep(500);
            long interrupted = System.nanoTime();
            t.type("\u0003");
            t.expect("KeyboardInterrupt\n>>> ", STEP);
            assertTrue(System.nanoTime() - interrupted < Duration.ofSeconds(20).toNanos(), "Ctrl-C did not cancel the await");
            t.type("t.done(), t.cancelled()\r");
            t.expect("(True, False)\n>>> ", STEP);

            // Ctrl-C at the prompt drops the line being typed.
            t.type("abc");
            t.expect("abc", STEP);
            t.type("\u0003");
            t.expect("KeyboardInterrupt\n>>> ", STEP);
            t.type("print('ok')\r");
            assertFalse(t.expect("ok\n>>> ", STEP).contains("NameError"));

            t.type("\u0004");
            t.expect("exiting aio REPL...\n", STEP);
            assertEquals(0, t.waitFor(STEP));
        }
        List<String> saved = Files.readAllLines(history);
        assertTrue(saved.contains("await asyncio.sleep(30)") && saved.contains("print('ok')"), saved.toString());
        // The body of a block is kept, indented, so that the block can be recalled.
        assertTrue(saved.contains("    for i in range(n):") && saved.contains("        print('tick', i)"), saved.toString());
    }

    /** exit and help are CPython's; a SystemExit from a task ends the session while the prompt waits, as in CPython. */
    @Test
    void exitHelpAndAnExitFromATask(@TempDir Path dir) throws Exception {
        assumeTrue(PseudoTerminal.available(), "script(1) from util-linux is needed to make a pseudo-terminal");
        try (PseudoTerminal t = PseudoTerminal.start(PseudoTerminal.aio("repl"), Map.of("TERM", "xterm", "AIO_HISTORY", dir.resolve("history").toString()))) {
            t.expect(">>> import asyncio\n", START);
            t.expect(">>> ", START);
            t.type("exit\r");
            t.expect("Use exit() or Ctrl-D (i.e. EOF) to exit\n>>> ", STEP);
            t.type("help\r");
            t.expect("Type help() for interactive help, or help(object) for help about object.\n>>> ", STEP);
            t.type("import sys\r");
            t.expect(">>> ", STEP);
            t.type("asyncio.get_running_loop().call_later(0.3, sys.exit, 5)\r");
            t.expect(">>> ", STEP);
            // Nothing more is typed.
            assertEquals(5, t.waitFor(STEP));
        }
    }
}
