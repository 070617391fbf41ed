package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Issue 19, item 28: reading the standard input needs the embedder's permission (AioBuilder.in). */
class StdinTest {
    private static final String READ = """
                    try:
                        line = 'read ' + input()
                    except PermissionError as e:
                        line = 'denied ' + e.filename
                    line
                    """;

    @Test
    void aSandboxedScriptReadsNoStandardInput() {
        InputStream hostIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream("host secret\n".getBytes(StandardCharsets.UTF_8)));
            try (Aio aio = Aio.builder().option("engine.WarnInterpreterOnly", "false").build()) {
                assertEquals("denied <stdin>", aio.eval(READ).asString());
                assertEquals("denied <stdin>", aio.eval("import sys\ntry:\n    line = sys.stdin.readline()\nexcept PermissionError as e:\n    line = 'denied ' + e.filename\nline").asString());
            }
        } finally {
            System.setIn(hostIn);
        }
    }

    @Test
    void theBuildersInputIsTheScriptsStandardInput() {
        try (Aio aio = Aio.builder().in(new ByteArrayInputStream("first\nsecond\n".getBytes(StandardCharsets.UTF_8))).option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals("read first", aio.eval(READ).asString());
            assertEquals("second\n", aio.eval("import sys\nsys.stdin.readline()").asString());
        }
    }
}
