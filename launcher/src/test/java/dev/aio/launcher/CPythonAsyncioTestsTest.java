package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * CPython 3.11's own asyncio test files ({@code test_queues}, {@code test_locks},
 * {@code test_timeouts}, {@code test_taskgroups}, {@code test_waitfor}, {@code test_protocols}, {@code test_threads}), unchanged, run under aio
 * with CPython's {@code unittest} by {@code cpython-asyncio-tests/run_cpython_tests.py}: every test
 * passes except those its skip list names with a reason (docs/testing.md, "CPython's own asyncio
 * tests"). The test files are test data in {@code src/test/resources/cpython-asyncio-tests/cpython/}.
 */
class CPythonAsyncioTestsTest {
    /** How many tests each file has under python3 (CPython 3.11.7): the loader must find every one. */
    private static final List<String> RAN = List.of("test_queues: ran 44,", "test_locks: ran 70,", "test_timeouts: ran 32,", "test_taskgroups: ran 35,",
                    "test_waitfor: ran 15,", "test_protocols: ran 5,", "test_threads: ran 6,");

    @Test
    void cpythonsAsyncioTestsPassExceptTheListedSkips() throws URISyntaxException {
        Path runner = Path.of(CPythonAsyncioTestsTest.class.getResource("/cpython-asyncio-tests/run_cpython_tests.py").toURI());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(new String[]{"run", runner.toString()}, new ByteArrayInputStream(new byte[0]), o, e, runner.getParent(), null);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        // Checked first: a run that stopped early has no summary, and its stderr says why.
        assertEquals(0, status, () -> report + err.toString(StandardCharsets.UTF_8));
        String summary = report.substring(report.lastIndexOf("\n\n") + 2);
        System.out.print("CPython's asyncio tests under aio:\n" + summary);
        for (String ran : RAN) {
            assertTrue(summary.contains(ran), () -> "expected '" + ran + "' in\n" + summary);
        }
        assertTrue(summary.endsWith(" passed, 0 failed, 17 skipped\n"), summary);
    }
}
