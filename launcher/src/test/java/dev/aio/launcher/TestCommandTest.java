package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aio test}: discovery, pass, fail with a diff, --update. */
class TestCommandTest {
    @TempDir Path dir;

    private record Result(int status, String out) {
    }

    private static Result aio(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(args, new ByteArrayInputStream(new byte[0]), o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void updateThenPassThenFailWithDiff() throws IOException {
        Path program = dir.resolve("ticks.aio");
        Files.writeString(program, "import asyncio\n\nasync def main():\n    for i in range(2):\n        await asyncio.sleep(10)\n        print('tick', i)\n\nasyncio.run(main())\n");
        assertEquals(2, aio("test", dir.toString()).status(), "no .out yet: nothing to test");

        Result updated = aio("test", "--update", program.toString());
        assertEquals(0, updated.status());
        assertEquals("tick 0\ntick 1\n", Files.readString(dir.resolve("ticks.out")));

        Result passed = aio("test", dir.toString());
        assertEquals(0, passed.status());
        assertTrue(passed.out().contains("1 passed, 0 failed"), passed.out());

        Files.writeString(dir.resolve("ticks.out"), "tick 0\ntick 2\n");
        Result failed = aio("test", dir.toString());
        assertEquals(1, failed.status());
        assertTrue(failed.out().contains("- tick 2") && failed.out().contains("+ tick 1"), failed.out());
        assertTrue(failed.out().contains("0 passed, 1 failed"), failed.out());
    }

    @Test
    void exitStatusAndStderrAreCompared() throws IOException {
        Path program = dir.resolve("fails.py");
        Files.writeString(program, "print('before')\nraise SystemExit(3)\n");
        Files.writeString(dir.resolve("fails.out"), "before\n");
        Result result = aio("test", program.toString());
        assertEquals(1, result.status());
        assertTrue(result.out().contains("exit status: expected 0, got 3"), result.out());
        Files.writeString(dir.resolve("fails.status"), "3\n");
        assertEquals(0, aio("test", program.toString()).status());
    }
}
