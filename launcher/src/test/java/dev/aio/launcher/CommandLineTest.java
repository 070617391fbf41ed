package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The command line's usage errors and help texts: what a mistyped or wrong option gets. */
class CommandLineTest {
    @TempDir Path dir;

    private record Result(int status, String out, String err) {
    }

    /** {@code aio ARGS} with {@link #dir} as the working directory of {@code aio run}. */
    private Result aio(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(args, new ByteArrayInputStream(new byte[0]), o, e, dir, null);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertUsageError(Result r, String message) {
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    /** CPython's shapes: {@code aio FILE}, {@code aio -c CODE}, {@code aio -u ...}, {@code aio -}; a word that can be no file is still a mistyped command. */
    @Test
    void pythonCommandLinesRunAsAioRun() throws IOException {
        Files.writeString(dir.resolve("script.py"), "import sys\nprint(sys.argv)\n");
        Files.writeString(dir.resolve("noext"), "print('no extension')\n");
        Files.writeString(dir.resolve("test"), "print('a file named test')\n");
        assertEquals(new Result(0, "['script.py', 'a', '--virtual-time']\n", ""), aio("script.py", "a", "--virtual-time"));
        assertEquals(new Result(0, "['./script.py']\n", ""), aio("./script.py"));
        assertEquals(new Result(0, "no extension\n", ""), aio("noext"));
        assertEquals(new Result(0, "['-c', 'x', '-y']\n", ""), aio("-c", "import sys; print(sys.argv)", "x", "-y"));
        assertEquals(new Result(0, "a file named test\n", ""), aio("./test"));
        // aio's commands are never taken for files.
        assertTrue(aio("test", "--help").out().contains("Usage: aio test"));
        Result missing = aio("missing.py", "x");
        assertEquals(2, missing.status());
        assertEquals("aio: can't open file '" + dir.resolve("missing.py").toAbsolutePath() + "': [Errno 2] No such file or directory\n", missing.err());
        assertUsageError(aio("scrpit", "a"), "aio: 'scrpit' is not a command; did you mean: aio run scrpit a\n");
        assertTrue(aio("--bogus").err().contains("Unknown option: '--bogus'"));
    }

    /** {@code -u} makes both streams write through: neither is line-buffered. */
    @Test
    void unbufferedOption() {
        String program = "import sys; print(sys.stdout.line_buffering, sys.stderr.line_buffering, sys.stdout.isatty())";
        assertEquals(new Result(0, "False False False\n", ""), aio("-u", "-c", program));
        assertEquals(new Result(0, "False False False\n", ""), aio("run", "-u", "-c", program));
    }

    @Test
    void helpListsEachCommandInAWholeSentence() {
        String help = aio("--help").out();
        assertTrue(help.contains("  test    Run golden-output tests under the virtual clock.\n"), help);
        assertTrue(help.contains("  daemon  Show or stop aio's daemons, the warm JVMs of \"aio run\".\n"), help);
        String runHelp = aio("run", "--help").out();
        assertFalse(runHelp.contains("QUIT is"), runHelp);
        assertTrue(runHelp.contains("USR1"), runHelp);
    }

    @Test
    void signalsTheJvmKeepsAreRefused() {
        assertUsageError(aio("run", "--dump-tasks-on", "QUIT", "-c", "pass"), "the JVM keeps SIGQUIT for itself; use USR1");
        assertUsageError(aio("run", "--dump-tasks-on", "SIGUSR2", "-c", "pass"), "the JVM keeps SIGUSR2 for itself; use USR1");
    }

    @Test
    void numbersOutOfRangeAreUsageErrors() {
        assertUsageError(aio("run", "--time-limit", "-1", "-c", "pass"), "--time-limit must be a number of seconds greater than 0, got -1");
        assertUsageError(aio("run", "--time-limit", "0", "-c", "pass"), "--time-limit must be");
        assertUsageError(aio("run", "--slow-step", "-5", "-c", "pass"), "--slow-step must be");
        assertEquals(0, aio("run", "--time-limit", "2.5", "-c", "pass").status());
    }

    @Test
    void cpuSamplerFormatsAndOptions() throws IOException {
        assertUsageError(aio("run", "--cpusampler=bogus", "-c", "pass"), "--cpusampler: unknown FORMAT 'bogus' (one of: histogram, calltree, json, flamegraph)");

        Result flamegraph = aio("run", "--cpusampler=flamegraph", "-c", "print('program output')");
        assertEquals(0, flamegraph.status(), flamegraph.err());
        assertTrue(flamegraph.out().startsWith("program output\n") && !flamegraph.out().contains("<svg"), flamegraph.out());
        assertTrue(Files.readString(dir.resolve("flamegraph.svg")).contains("<svg"));

        // The sampler's warnings name its own options; aio accepts them.
        String deep = "def down(n):\n    return 0 if n == 0 else down(n - 1) + 1\nfor i in range(3000):\n    down(60)\n";
        Result limited = aio("run", "--cpusampler", "--cpusampler.StackLimit=5", "--cpusampler.Period=1", "-c", deep);
        assertEquals(0, limited.status(), limited.err());
        assertTrue(limited.out().contains("--cpusampler.StackLimit="), limited.out());
        assertUsageError(aio("run", "--cpusampler.Period=5", "-c", "pass"), "go with --cpusampler");
    }

    @Test
    void aTimelineThatCannotBeWrittenIsSaidBeforeTheRun() throws IOException {
        Result missingFolder = aio("run", "--timeline", "no/such/folder/t.svg", "-c", "print('ran')");
        assertUsageError(missingFolder, "aio run: cannot write the timeline to no/such/folder/t.svg: [Errno 2] No such file or directory");
        assertEquals("", missingFolder.out());
        Files.createDirectory(dir.resolve("folder.svg"));
        assertUsageError(aio("run", "--timeline", "folder.svg", "-c", "pass"), "[Errno 21] Is a directory");
        assertEquals(0, aio("run", "--timeline", "t.svg", "-c", "pass").status());
        assertTrue(Files.readString(dir.resolve("t.svg")).contains("<svg"));
    }
}
