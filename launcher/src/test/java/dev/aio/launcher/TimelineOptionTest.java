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

/** {@code aio run --timeline FILE}: the picture is written however the run ends. */
class TimelineOptionTest {
    @TempDir Path dir;

    private int run(String code, String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "run";
        args[1] = "--timeline";
        args[2] = dir.resolve("t.svg").toString();
        System.arraycopy(options, 0, args, 3, options.length);
        args[options.length + 3] = "-c";
        args[options.length + 4] = code;
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                        PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
            return AioMain.run(args, new ByteArrayInputStream(new byte[0]), o, e);
        }
    }

    private String timeline() throws IOException {
        return Files.readString(dir.resolve("t.svg"), StandardCharsets.UTF_8);
    }

    @Test
    void writtenWhenTheRunEndsNormally() throws IOException {
        assertEquals(0, run("import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    return 7\nasyncio.run(main())", "--virtual-time"));
        String svg = timeline();
        assertTrue(svg.startsWith("<?xml") && svg.endsWith("</svg>\n"), svg);
        assertTrue(svg.contains("(virtual time)") && svg.contains("Task-1 (main()) done at 1.000 s, result 7"), svg);
        assertTrue(!svg.contains("shutdown"), "asyncio.run's own shutdown tasks are left out");
    }

    @Test
    void writtenOnAnUncaughtException() throws IOException {
        assertEquals(1, run("import asyncio\nasync def main():\n    raise KeyError('k')\nasyncio.run(main())", "--virtual-time"));
        assertTrue(timeline().contains("Task-1 (main()) failed at 0.000 s: KeyError"), timeline());
    }

    @Test
    void writtenOnADeadlock() throws IOException {
        assertEquals(3, run("import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())", "--virtual-time"));
        assertTrue(timeline().contains("waiting for event.wait() from 0.000 s to 0.000 s (still waiting when the run ended)"), timeline());
    }

    @Test
    void writtenWhenTheTimeLimitIsReached() throws IOException {
        assertEquals(124, run("import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(1)\nasyncio.run(main())", "--virtual-time", "--time-limit", "2.5"));
        assertTrue(timeline().contains("sleeping (asyncio.sleep) from 2.000 s to 2.500 s (still waiting when the run ended)"), timeline());
    }

    @Test
    void realClockRunsUseRealLoopTime() throws IOException {
        assertEquals(0, run("import asyncio\nasync def main():\n    await asyncio.sleep(0.05)\nasyncio.run(main())"));
        assertTrue(timeline().contains("(real time)") && timeline().contains("sleeping (asyncio.sleep)"), timeline());
    }
}
