package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aio run -m MODULE}: as {@code python3 -m MODULE} run in the same folder (expected outputs are CPython 3.11's). */
class RunModuleTest {
    @TempDir Path dir;

    private record Result(int status, String out, String err) {
    }

    private Result aio(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(args, new ByteArrayInputStream(new byte[0]), o, e, dir, null);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void writeModules() throws IOException {
        Files.createDirectories(dir.resolve("tools"));
        Files.writeString(dir.resolve("tools/__init__.py"), "print('tools package', __name__)\n");
        Files.writeString(dir.resolve("tools/__main__.py"), "import sys\nprint('main of', __package__, __name__, sys.argv[1:])\n");
        Files.writeString(dir.resolve("tools/report.py"), "import sys\nfrom . import shared\nprint(__name__, __package__, sys.argv[0].endswith('/tools/report.py'), sys.argv[1:])\n");
        Files.writeString(dir.resolve("tools/shared.py"), "print('imported', __name__)\n");
        Files.writeString(dir.resolve("hello.py"), "import sys\nprint('hello from', __name__, sys.argv[0] == __file__, sys.argv[1:])\nif __name__ == '__main__':\n    sys.exit(4)\n");
        Files.writeString(dir.resolve("broken.py"), "1/0\n");
    }

    @Test
    void runsAModuleAsMain() {
        Result r = aio("run", "-m", "hello", "a", "--flag");
        assertEquals(new Result(4, "hello from __main__ True ['a', '--flag']\n", ""), r);
    }

    @Test
    void runsASubmoduleAfterItsPackage() {
        Result r = aio("run", "-m", "tools.report", "x");
        assertEquals(new Result(0, "tools package tools\nimported tools.shared\n__main__ tools True ['x']\n", ""), r);
    }

    @Test
    void aPackageRunsItsMainModule() {
        Result r = aio("run", "-m", "tools", "y");
        assertEquals(new Result(0, "tools package tools\nmain of tools __main__ ['y']\n", ""), r);
    }

    @Test
    void missingModulesAreReportedAsCPythonDoes() {
        assertEquals(new Result(1, "", "aio: No module named nosuch\n"), aio("run", "-m", "nosuch"));
        assertEquals(new Result(1, "tools package tools\n", "aio: No module named tools.nosuch\n"), aio("run", "-m", "tools.nosuch"));
        assertEquals(new Result(1, "", "aio: Error while finding module specification for 'nopkg.x' (ModuleNotFoundError: No module named 'nopkg')\n"),
                        aio("run", "-m", "nopkg.x"));
        assertEquals(new Result(1, "hello from hello False []\n",
                        "aio: Error while finding module specification for 'hello.x' (ModuleNotFoundError: __path__ attribute not found on 'hello' while trying to find 'hello.x')\n"),
                        aio("run", "-m", "hello.x"));
    }

    /** CPython's traceback also shows two frames of its frozen runpy module; aio's, as its library's, are left out. */
    @Test
    void anUncaughtExceptionIsATraceback() {
        Result r = aio("run", "-m", "broken");
        assertEquals(new Result(1, "", "Traceback (most recent call last):\n  File \"" + dir.toAbsolutePath().normalize().resolve("broken.py")
                        + "\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n"), r);
    }
}
