package dev.aio.launcher.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.aio.launcher.AioMain;

/**
 * {@code aio repl} with standard input that is not a terminal: what each input prints, checked
 * against what CPython 3.11's {@code python -m asyncio} prints for the same lines (its library
 * frames aside). Prompts go to standard output, the banner and errors to standard error.
 */
class ReplTest {
    private static final String BANNER_END = ">>> import asyncio\n";

    private record Session(int status, String out, String err) {
    }

    private static Session session(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AioMain.run(args.length == 0 ? new String[]{"repl"} : args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("aio REPL ") && e.contains(BANNER_END), e);
        return new Session(status, out.toString(StandardCharsets.UTF_8), e.substring(e.indexOf(BANNER_END) + BANNER_END.length()));
    }

    private static Session session(String input, String... args) {
        return session(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
    }

    @Test
    void valuesAreEchoedAndNamesPersist() {
        Session s = session("x = 6 * 7\nx\nNone\n'a' + 'b'\n_\nfor i in range(2): i\n\nprint(x)\n");
        assertEquals(">>> >>> 42\n>>> >>> 'ab'\n>>> 'ab'\n>>> ... 0\n1\n>>> 42\n>>> ", s.out());
        assertEquals("\nexiting aio REPL...\n", s.err());
        assertEquals(0, s.status());
    }

    @Test
    void awaitWorksAtThePromptAndRunsTheInputAsATask() {
        Session s = session(String.join("\n",
                        "await asyncio.sleep(0.01, result='done')",
                        "asyncio.current_task()",
                        "async def name():",
                        "    return asyncio.current_task().get_name()",
                        "",
                        "await name()",
                        "async def agen():",
                        "    yield 1",
                        "    yield 2",
                        "",
                        "[x async for x in agen()]",
                        ""));
        assertEquals(">>> 'done'\n>>> >>> ... ... >>> 'Task-2'\n>>> ... ... ... >>> [1, 2]\n>>> ", s.out());
    }

    @Test
    void multiLineInputs() {
        Session s = session(String.join("\n",
                        "def double(a):",
                        "    return a * 2",
                        "",
                        "d = {'k': [1,",
                        "  2]}",
                        "double(d['k'])",
                        "if True: 'one-line block'",
                        "",
                        "s = '''a",
                        "b'''",
                        "s",
                        ""));
        assertEquals(">>> ... ... >>> ... >>> [1, 2, 1, 2]\n>>> ... 'one-line block'\n>>> ... >>> 'a\\nb'\n>>> ", s.out());
    }

    @Test
    void errorsAreReportedAndTheSessionGoesOn() {
        Session s = session(String.join("\n",
                        "1/0",
                        "async def boom():",
                        "    await asyncio.sleep(0)",
                        "    raise ValueError('bad')",
                        "",
                        "await boom()",
                        "abc def",
                        "print('still here')",
                        ""));
        assertEquals(">>> >>> ... ... ... >>> >>> >>> still here\n>>> ", s.out());
        assertEquals(String.join("\n",
                        "Traceback (most recent call last):",
                        "  File \"<stdin>\", line 1, in <module>",
                        "ZeroDivisionError: division by zero",
                        "Traceback (most recent call last):",
                        "  File \"<stdin>\", line 1, in <module>",
                        "  File \"<stdin>\", line 3, in boom",
                        "ValueError: bad",
                        "  File \"<stdin>\", line 1",
                        "    abc def",
                        "        ^^^",
                        "SyntaxError: invalid syntax",
                        "",
                        "exiting aio REPL...",
                        ""), s.err());
        assertEquals(0, s.status());
    }

    @Test
    void sysExitEndsTheSessionWithItsStatus() {
        Session s = session("import sys\nsys.exit(3)\nprint('not run')\n");
        assertEquals(3, s.status());
        assertEquals(">>> >>> ", s.out());
        assertEquals("", s.err());
    }

    @Test
    void aioWithoutArgumentsStartsTheRepl() {
        Session s = session("print(1)\n", new String[0]);
        assertEquals(">>> 1\n>>> ", s.out());
    }

    /** The REPL waits for the next line while a task started at the prompt goes on printing. */
    @Test
    void tasksKeepRunningWhileTheReplWaitsForInput() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> AioMain.run(new String[]{"repl"}, in, o, e));
        typing.write(String.join("\n",
                        "async def tick(n):",
                        "    for i in range(n):",
                        "        await asyncio.sleep(0.01)",
                        "        print('tick', i)",
                        "",
                        "t = asyncio.create_task(tick(3))",
                        "").getBytes(StandardCharsets.UTF_8));
        typing.flush();
        // No more input until the task is done: only the loop running between inputs can finish it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString(StandardCharsets.UTF_8).contains("tick 2\n") && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        typing.write("t.done()\n".getBytes(StandardCharsets.UTF_8));
        typing.close();
        assertEquals(0, run.get(60, TimeUnit.SECONDS));
        assertEquals(">>> ... ... ... ... >>> >>> tick 0\ntick 1\ntick 2\nTrue\n>>> ", out.toString(StandardCharsets.UTF_8));
    }
}
