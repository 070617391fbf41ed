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
@Command(name = "test", mixinStandardHelpOptions = true, description = {"Run golden-output tests: every NAME.aio or NAME.py with a NAME.out next to it,",
                "under the virtual clock. Optional NAME.err (stderr), NAME.status (exit status), NAME.flags",
                "(extra 'aio run' options), NAME.args (script arguments) and NAME.svg (expected --timeline picture)."}, exitCodeListHeading = "%nExit status:%n",
                exitCodeList = {"0:every test passed", "1:a test failed", "2:usage error, or no tests found"})
public final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "Test files or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--update", description = "Write each program's current output as its expected files (review them first!).")
    boolean update;

    PrintStream out;

    @Override
    public Integer call() throws IOException {
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        List<Path> programs = GoldenTests.discover(roots);
        if (programs.isEmpty()) {
            out.println("aio test: no tests found (a test is NAME.aio or NAME.py with NAME.out next to it)");
            return 2;
        }
        int passed = 0;
        int failed = 0;
        for (Path program : programs) {
            GoldenTests.Outcome outcome = GoldenTests.run(program, Path.of("."), update);
            if (update) {
                out.println("updated " + program.normalize());
                passed++;
            } else if (outcome.passed()) {
                out.println("PASS " + program.normalize());
                passed++;
            } else {
                out.println("FAIL " + program.normalize());
                out.print(outcome.report().indent(4));
                failed++;
            }
        }
        out.println(update ? passed + " updated" : passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
