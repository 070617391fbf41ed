package dev.aio.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aio test [PATH...]}: golden-output tests of aio scripts, deterministic under the virtual clock. */
@Command(name = "test", mixinStandardHelpOptions = true, description = {"Run golden-output tests under the virtual clock.",
                "A test is NAME.aio or NAME.py with NAME.out (its expected stdout) next to it, and optionally NAME.err (stderr),",
                "NAME.status (exit status), NAME.flags (extra 'aio run' options), NAME.args (script arguments), NAME.svg",
                "(expected --timeline picture) and NAME.timeout (its time limit in seconds). Each test runs from its own folder,",
                "as 'cd FOLDER && aio run --virtual-time NAME.py' would."}, exitCodeListHeading = "%nExit status:%n",
                exitCodeList = {"0:every test passed", "1:a test failed or timed out", "2:usage error, or no tests found"})
public final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "Test files or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--update", description = {"Write each program's current output as its expected files (review them first!).",
                    "In a folder where no program has a NAME.out yet, every program is recorded."})
    boolean update;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit of a test without a NAME.timeout, in seconds of real time (default: ${DEFAULT-VALUE}).")
    double timeout = GoldenTests.DEFAULT_TIMEOUT_SECONDS;

    PrintStream out;
    PrintStream err;
    /** Whether the output is a terminal: then each test's name shows while it runs. */
    boolean showProgress;

    @Override
    public Integer call() throws IOException {
        if (!(timeout > 0) || Double.isInfinite(timeout)) {
            err.println("aio test: --timeout must be a number of seconds greater than 0, got " + timeout);
            return 2;
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        List<Path> programs = GoldenTests.discover(roots, update);
        if (programs.isEmpty()) {
            out.println("aio test: no tests found (a test is NAME.aio or NAME.py with NAME.out next to it)");
            return 2;
        }
        int passed = 0;
        int failed = 0;
        for (Path program : programs) {
            String name = program.normalize().toString();
            if (showProgress) {
                out.print("RUN  " + name);
                out.flush();
            }
            GoldenTests.Outcome outcome = GoldenTests.run(program, update, timeout);
            if (showProgress) {
                // Back to the start of the line, which is cleared.
                out.print("\r\u001b[K");
            }
            if (outcome.passed()) {
                out.println((update ? "updated " : "PASS ") + name);
                passed++;
            } else {
                out.println("FAIL " + name);
                out.print(outcome.report().indent(4));
                failed++;
            }
        }
        out.println(update ? passed + " updated, " + failed + " failed" : passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
