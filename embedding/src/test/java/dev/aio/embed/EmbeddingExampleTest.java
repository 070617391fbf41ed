package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7: the complete example of examples/embedding compiles against this module and prints what it should. */
@Timeout(60)
class EmbeddingExampleTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("aio.examples.dir", "../examples")).resolve("embedding");

    @Test
    void orderDemoCompilesAndRuns(@TempDir Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                        EXAMPLE.resolve("OrderDemo.java").toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("OrderDemo").getMethod("main", String[].class).invoke(null, (Object) new String[]{EXAMPLE.resolve("orders.py").toString()});
        } finally {
            System.setOut(systemOut);
        }
        String expected = Files.readString(EXAMPLE.resolve("OrderDemo.expected"));
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }
}
