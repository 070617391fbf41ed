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

    @Test
    void aScriptWithoutRunSuggestsRun() {
        assertUsageError(aio("script.py", "a", "b"), "aio: 'script.py' is not a command; did you mean: aio run script.py a b\n");
        assertTrue(aio("--bogus").err().contains("Unknown option: '--bogus'"));
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
