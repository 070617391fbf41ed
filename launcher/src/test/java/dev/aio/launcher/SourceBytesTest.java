package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source files whose bytes are not plain UTF-8 text: the reports are CPython 3.11's, checked
 * against {@code python3} on the same bytes (text files of these are in {@code examples/errors}).
 */
class SourceBytesTest {
    @TempDir Path dir;

    private record Result(int status, String out, String err) {
    }

    private Result run(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(new String[]{"run", file.toString()}, new ByteArrayInputStream(new byte[0]), o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).replace(dir.toAbsolutePath() + "/", ""));
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void invalidUtf8IsCPythonsSyntaxError() throws IOException {
        Result r = run("bad.py", latin1("x = 1\nprint('a\u00ff')\n"));
        assertEquals(new Result(1, "", "SyntaxError: Non-UTF-8 code starting with '\\xff' in file bad.py on line 2, but no encoding declared; "
                        + "see https://peps.python.org/pep-0263/ for details\n"), r);
    }

    @Test
    void declaredEncodingIsUsed() throws IOException {
        assertEquals(new Result(0, "\u00e9\n", ""), run("latin.py", latin1("# -*- coding: latin-1 -*-\nprint('\u00e9')\n")));
        assertEquals(new Result(1, "", "SyntaxError: encoding problem: foo\n"), run("foo.py", latin1("# coding: foo\nprint(1)\n")));
        assertEquals(new Result(1, "", "SyntaxError: encoding problem: iso-8859-1 with BOM\n"), run("bom.py", latin1("\u00ef\u00bb\u00bf# coding: latin-1\nprint(1)\n")));
    }

    @Test
    void nullByteIsASyntaxErrorShowingTheLineUpToIt() throws IOException {
        Result r = run("nul.py", latin1("print(1)\nx = \"a\u0000b\"\n"));
        assertEquals(new Result(1, "", "  File \"nul.py\", line 2\n    x = \"a\nSyntaxError: source code cannot contain null bytes\n"), r);
    }
}
