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

/** {@code aio run -c}, {@code aio run -}, {@code aio check}, and the usage errors around them. */
class RunAndCheckCommandTest {
    @TempDir Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result aio(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runCodeFromTheCommandLine() {
        Result r = aio("", "run", "-c", "import sys\nprint(sys.argv)", "x");
        assertEquals(0, r.status());
        assertEquals("['-c', 'x']\n", r.out());
    }

    @Test
    void runCodeFromStandardInput() {
        Result r = aio("print(6 * 7)\n", "run", "-");
        assertEquals(0, r.status());
        assertEquals("42\n", r.out());
    }

    @Test
    void uncaughtErrorInCommandLineCodeHasNoSourceLine() {
        Result r = aio("", "run", "-c", "1/0");
        assertEquals(1, r.status());
        assertEquals("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nZeroDivisionError: division by zero\n", r.err());
    }

    @Test
    void missingFileAndMissingArgument() {
        assertEquals(2, aio("", "run", dir.resolve("nope.aio").toString()).status());
        assertEquals(2, aio("", "run").status());
    }

    @Test
    void checkReportsSyntaxErrorsWithoutRunning() throws IOException {
        Path good = dir.resolve("good.aio");
        Path bad = dir.resolve("bad.aio");
        Files.writeString(good, "print('must not run')\n");
        Files.writeString(bad, "x = 1\nif x\n    pass\n");
        Result r = aio("", "check", good.toString(), bad.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("good.aio: ok") && !r.out().contains("must not run"), r.out());
        assertTrue(r.err().contains("line 2") && r.err().contains("SyntaxError: expected ':'"), r.err());
        assertEquals(0, aio("", "check", good.toString()).status());
    }

    @Test
    void checkReportsNamesNothingBinds() throws IOException {
        Path file = dir.resolve("names.aio");
        Files.writeString(file, String.join("\n",
                        "import asyncio",
                        "counter = 0",
                        "async def main(items):",
                        "    global total",
                        "    total = sum(x for x in items)",
                        "    print([lambda: i for i in items], counter, total)",
                        "    await asyncio.sleep(0)",
                        "    prnt(missing_value)",
                        "class C:",
                        "    size = 3",
                        "    doubled = size * 2",
                        "asyncio.run(main([1]))",
                        ""));
        Result r = aio("", "check", file.toString());
        assertEquals(1, r.status());
        String where = file.toString();
        assertEquals("  File \"" + where + "\", line 8\n    prnt(missing_value)\n    ^^^^\nNameError: name 'prnt' is not defined\n"
                        + "  File \"" + where + "\", line 8\n    prnt(missing_value)\n         ^^^^^^^^^^^^^\nNameError: name 'missing_value' is not defined\n", r.err());
    }

    @Test
    void checkSkipsAnnotationsKeptAsStrings() throws IOException {
        Path file = dir.resolve("future.aio");
        Files.writeString(file, String.join("\n",
                        "from __future__ import annotations",
                        "class Node:",
                        "    next: Node | None = None",
                        "    handler: Handler",
                        ""));
        assertEquals(0, aio("", "check", file.toString()).status());
        Files.writeString(file, "class Node:\n    handler: Handler\n");
        Result r = aio("", "check", file.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("NameError: name 'Handler' is not defined"), r.err());
    }
}
