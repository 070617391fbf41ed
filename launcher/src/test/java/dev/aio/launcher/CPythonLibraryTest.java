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

/**
 * The modules aio runs from CPython's own library (the python-resources jar on the class path):
 * what they are found after, and what an import of a standard module aio lacks says.
 */
class CPythonLibraryTest {
    @TempDir Path dir;

    private String run(Context.Builder builder, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).err(out).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cpythonModulesComeFromTheClassPathEvenWithoutFileAccess() {
        String code = "import heapq, bisect\nprint(heapq.nsmallest(2, [5, 1, 3]), bisect.bisect([1, 2, 4], 3), heapq.__file__)\n";
        assertEquals("[1, 3] 2 <aio>/libpython/heapq.py\n", run(Context.newBuilder("aio"), code));
    }

    @Test
    void aStandardModuleAioLacksIsNamedAsSuchNotAsATypo() {
        String imports = "try:\n    import tarfile\nexcept ImportError as e:\n    print(type(e).__name__, e)\n"
                        + "try:\n    import cmath\nexcept ModuleNotFoundError as e:\n    print(e)\n"
                        + "try:\n    import no_such_module\nexcept ModuleNotFoundError as e:\n    print(e)\n";
        assertEquals("ModuleNotFoundError aio does not provide module 'tarfile' (yet)\naio does not provide module 'cmath' (yet)\nNo module named 'no_such_module'\n",
                        run(Context.newBuilder("aio"), imports));
    }

    @Test
    void aStandardSubmoduleAioLacksIsNamedAsSuch() {
        String imports = "try:\n    import asyncio.sslproto\nexcept ModuleNotFoundError as e:\n    print(e)\n"
                        + "try:\n    import asyncio.no_such_module\nexcept ModuleNotFoundError as e:\n    print(e)\n";
        assertEquals("aio does not provide module 'asyncio.sslproto' (yet)\nNo module named 'asyncio.no_such_module'\n", run(Context.newBuilder("aio"), imports));
    }

    @Test
    void aiosOwnModulesWinOverCPythons() {
        // The jar has CPython's json, functools and enum too; aio's are the ones imported.
        String code = "import json, functools, enum\nprint([m.__name__ for m in (json, functools, enum) if 'libpython' in str(getattr(m, '__file__', ''))])\n";
        assertEquals("[]\n", run(Context.newBuilder("aio"), code));
    }

    @Test
    void theProgramsOwnModuleWinsOverCPythons() throws Exception {
        Files.writeString(dir.resolve("heapq.py"), "def nsmallest(n, xs):\n    return 'mine'\n");
        String code = "import sys\nsys.path.insert(0, " + "'" + dir + "'" + ")\nimport heapq\nprint(heapq.nsmallest(1, [2, 1]))\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("aio").allowIO(IOAccess.ALL).out(out).err(out).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", code);
        }
        assertEquals("mine\n", out.toString(StandardCharsets.UTF_8));
    }
}
