package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** open() and file imports go through Truffle's file system, so an embedder's IO policy applies. */
class EmbeddedFileAccessTest {
    @TempDir Path dir;

    private String run(Context.Builder builder, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).err(out).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aContextWithoutIoGetsAPermissionError() throws Exception {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "secret\n");
        String code = "try:\n    open(" + "'" + file + "'" + ")\nexcept PermissionError as e:\n    print(type(e).__name__, e.errno, e.filename == " + "'" + file + "'" + ")\n"
                        + "try:\n    import nosuchmodule\nexcept ImportError as e:\n    print(type(e).__name__, e)\n";
        assertEquals("PermissionError 13 True\nModuleNotFoundError No module named 'nosuchmodule'\n", run(Context.newBuilder("aio"), code));
    }

    @Test
    void aContextWithIoReadsAndWritesFiles() throws Exception {
        Path file = dir.resolve("out.txt");
        String code = "with open('" + file + "', 'w') as f:\n    f.write('a\\nb\\n')\nwith open('" + file + "') as f:\n    print(f.readlines())\n";
        assertEquals("['a\\n', 'b\\n']\n", run(Context.newBuilder("aio").allowIO(IOAccess.ALL), code));
        assertEquals("a\nb\n", Files.readString(file));
    }
}
