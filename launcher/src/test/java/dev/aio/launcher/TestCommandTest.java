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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aio test}: discovery, pass, fail with a diff, --update, where tests run, time limits. */
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

    /** Each test runs from its folder, named by its file name: the same expected files pass however the test is named. */
    @Test
    void pathsAndArgv0DoNotDependOnWhereTestsStart() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("group/sub"));
        Path program = folder.resolve("prog.py");
        Files.writeString(program, "import sys\nprint(sys.argv[0])\nprint(open(\"data.txt\").read(), end=\"\")\nraise ValueError(\"from \" + sys.argv[0])\n");
        Files.writeString(folder.resolve("data.txt"), "hello\n");
        // What CPython prints for `cd sub && python3 prog.py`, the folder's absolute path removed.
        Files.writeString(folder.resolve("prog.out"), "prog.py\nhello\n");
        Files.writeString(folder.resolve("prog.err"), """
                        Traceback (most recent call last):
                          File "prog.py", line 4, in <module>
                            raise ValueError("from " + sys.argv[0])
                        ValueError: from prog.py
                        """);
        Files.writeString(folder.resolve("prog.status"), "1\n");
        for (String path : new String[]{dir.toString(), folder.toString(), program.toString(), dir.resolve("group/../group/sub/prog.py").toString()}) {
            Result result = aio("test", path);
            assertEquals(0, result.status(), path + ":\n" + result.out());
        }
    }

    @Test
    void aTestThatNeverEndsFailsAtItsTimeLimit() throws IOException {
        Files.writeString(dir.resolve("spin.py"), "while True:\n    pass\n");
        Files.writeString(dir.resolve("spin.out"), "");
        Files.writeString(dir.resolve("ticks.py"), "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n");
        Files.writeString(dir.resolve("ticks.out"), "");
        Files.writeString(dir.resolve("quick.py"), "print('ok')\n");
        Files.writeString(dir.resolve("quick.out"), "ok\n");
        long start = System.nanoTime();
        Result result = aio("test", "--timeout", "1.5", dir.toString());
        assertEquals(1, result.status(), result.out());
        assertTrue(result.out().contains("FAIL " + dir.resolve("spin.py") + "\n    timed out: still running after 1.5 s"), result.out());
        assertTrue(result.out().contains("FAIL " + dir.resolve("ticks.py") + "\n    timed out"), result.out());
        assertTrue(result.out().contains("PASS " + dir.resolve("quick.py")), result.out());
        assertTrue(result.out().contains("1 passed, 2 failed"), result.out());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "the runs were not stopped");

        // NAME.timeout is the test's own limit.
        Files.writeString(dir.resolve("spin.timeout"), "1\n");
        Result own = aio("test", dir.resolve("spin.py").toString());
        assertTrue(own.out().contains("timed out: still running after 1 s"), own.out());

        assertEquals(2, aio("test", "--timeout", "-1", dir.toString()).status());
    }

    @Test
    void updateRecordsAFolderWithoutExpectedFiles() throws IOException {
        Files.writeString(dir.resolve("one.py"), "print('one')\n");
        Files.writeString(dir.resolve("two.aio"), "import sys\nprint('two', file=sys.stderr)\nsys.exit(4)\n");
        Result updated = aio("test", "--update", dir.toString());
        assertEquals(0, updated.status(), updated.out());
        assertEquals("one\n", Files.readString(dir.resolve("one.out")));
        assertEquals("", Files.readString(dir.resolve("two.out")));
        assertEquals("two\n", Files.readString(dir.resolve("two.err")));
        assertEquals("4\n", Files.readString(dir.resolve("two.status")));
        assertTrue(aio("test", dir.toString()).out().contains("2 passed, 0 failed"));
    }
}
