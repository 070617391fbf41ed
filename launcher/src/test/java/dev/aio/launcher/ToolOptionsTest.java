package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code aio run --inspect[=[HOST:]PORT]} and {@code --cpusampler[=FORMAT]}: Truffle's tools. */
class ToolOptionsTest {
    private static RunCommand parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).setStopAtPositional(true).parseArgs(args);
        return run;
    }

    @Test
    void theValueIsOptionalAndOnlyAttached() {
        RunCommand r = parse("--inspect", "x.aio", "arg");
        assertEquals("9229", r.inspect);
        assertEquals(List.of("x.aio", "arg"), r.positional);
        assertEquals("127.0.0.1:9333", parse("--inspect=127.0.0.1:9333", "x.aio").inspect);
        assertEquals("histogram", parse("--cpusampler", "x.aio").cpuSampler);
        assertEquals("calltree", parse("--cpusampler=calltree", "x.aio").cpuSampler);
        assertEquals(null, parse("x.aio").inspect);
    }

    @Test
    void cpuSamplerChargesTheTimeOfTaskStepsToTheirCoroutines() {
        String code = """
                        import asyncio, time
                        async def busy():
                            t = time.perf_counter()
                            n = 0
                            while time.perf_counter() - t < 0.4:
                                n += 1
                            return n
                        async def main():
                            await asyncio.gather(busy(), asyncio.sleep(0))
                        asyncio.run(main())
                        """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
            status = AioMain.run(new String[]{"run", "--cpusampler", "-c", code}, new ByteArrayInputStream(new byte[0]), o, e);
        }
        String profile = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, profile);
        assertTrue(profile.contains("Sampling Histogram"), profile);
        // busy() runs as a resumed coroutine, called by the event loop: its samples are its own, not
        // the module's (which called asyncio.run).
        String busy = profile.lines().filter(l -> l.startsWith(" busy ")).findFirst().orElse("");
        String module = profile.lines().filter(l -> l.startsWith(" <module> ") && l.contains("<string>")).findFirst().orElse("");
        assertTrue(selfPercent(busy) > selfPercent(module), profile);
    }

    /** The self-time percentage in a histogram line ({@code name || total || self || location}), 0 if none. */
    private static double selfPercent(String line) {
        String[] columns = line.split("\\|\\|");
        if (columns.length < 3) {
            return 0;
        }
        String self = columns[2].trim();
        return Double.parseDouble(self.substring(self.lastIndexOf(' ') + 1, self.length() - 1));
    }
}
