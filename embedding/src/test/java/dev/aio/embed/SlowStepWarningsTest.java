package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/** Issue 19, item 27: an embedding's slow-step warnings are off by default and go where the embedder says. */
class SlowStepWarningsTest {
    private static final String BLOCKING = """
                    import asyncio, time
                    async def main():
                        time.sleep(0.15)
                    asyncio.run(main())
                    """;

    @Test
    void offByDefault() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Aio aio = Aio.builder().err(err).option("engine.WarnInterpreterOnly", "false").build()) {
            aio.eval(BLOCKING);
        }
        try (Context context = Context.newBuilder("aio").err(err).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", BLOCKING);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sentToTheEmbeddersSink() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Aio aio = Aio.builder().err(err).slowStepWarnings(Duration.ofMillis(50), warnings::add).option("engine.WarnInterpreterOnly", "false").build()) {
            aio.eval(BLOCKING);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("aio: slow step: task 'Task-1' (main()) blocked the event loop for 0.1"), warnings.get(0));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
