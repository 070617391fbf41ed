package dev.aio.bench.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The baselines print what the Python programs print for the same N. */
class PlainBaselinesTest {
    private static String output(Consumer<String[]> main, String n) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.accept(new String[]{n});
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void switchCountsEveryYield() {
        String out = output(Switch::main, "1000");
        assertTrue(out.matches("switches=1000\nelapsed_s=\\d+\\.\\d{3}\n"), out);
    }

    @Test
    void queuePipelineSumsEveryItem() {
        String out = output(QueuePipeline::main, "1000");
        assertTrue(out.matches("checksum=499500\nelapsed_s=\\d+\\.\\d{3}\n"), out);
    }

    @Test
    void compiledCodeBaselinesComputeTheirResults() {
        CompiledCodeBaseline b = new CompiledCodeBaseline();
        assertEquals(CompiledCodeBaseline.FIB_RESULT, b.fibCall());
        assertEquals(CompiledCodeBaseline.LIST_LOOP_RESULT, b.listLoopElement());
        assertEquals(CompiledCodeBaseline.N, b.attributeWrite());
        assertEquals(CompiledCodeBaseline.N, b.attributeRead());
        assertEquals(CompiledCodeBaseline.N, b.methodCall());
        assertEquals(CompiledCodeBaseline.N, b.awaitNoSuspend());
    }
}
