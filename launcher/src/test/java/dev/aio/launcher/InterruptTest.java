package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aio.launcher.repl.PseudoTerminal;

/**
 * Ctrl-C (SIGINT sent to a real {@code aio run} process) as CPython 3.11 handles it: during
 * {@code asyncio.run} the main task is cancelled, its {@code finally} blocks run, then
 * KeyboardInterrupt comes out of {@code asyncio.run} with its traceback and the status is 130.
 */
class InterruptTest {
    @TempDir Path dir;

    /** A process whose SIGINT is ignored passes that on to its children, whose JVM then never sees one. */
    private static boolean sigintIgnoredHere() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    private record Outcome(int status, String out, String err) {
    }

    /** Runs {@code program}, sends SIGINT once it printed its first line, and waits for the end. */
    private Outcome interrupt(String program) throws Exception {
        assumeFalse(sigintIgnoredHere(), "SIGINT is ignored in this process and so in its children");
        Path file = dir.resolve("main.py");
        Files.writeString(file, program);
        List<String> command = PseudoTerminal.aio("run", "--slow-step", "0", file.toString());
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertEquals("started", first, () -> "stderr: " + err.join());
            // The program waits in the loop (or computes) by now.
            Thread.sleep(300);
            assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
            StringBuilder rest = new StringBuilder(first).append('\n');
            String line;
            while ((line = out.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return new Outcome(p.exitValue(), rest.toString(), err.get(10, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void ctrlCDuringAsyncioRunCancelsTheMainTaskRunsItsFinallyAndRaisesKeyboardInterrupt() throws Exception {
        Outcome o = interrupt("""
                        import asyncio


                        async def main():
                            try:
                                print("started", flush=True)
                                await asyncio.sleep(30)
                            finally:
                                print("finally ran", flush=True)


                        asyncio.run(main())
                        """);
        assertEquals("started\nfinally ran\n", o.out());
        String file = dir.resolve("main.py").toString();
        assertEquals(String.join("\n",
                        "Traceback (most recent call last):",
                        "  File \"" + file + "\", line 7, in main",
                        "    await asyncio.sleep(30)",
                        "asyncio.exceptions.CancelledError",
                        "",
                        "During handling of the above exception, another exception occurred:",
                        "",
                        "Traceback (most recent call last):",
                        "  File \"" + file + "\", line 12, in <module>",
                        "    asyncio.run(main())",
                        "KeyboardInterrupt",
                        ""), o.err());
        assertEquals(130, o.status());
    }

    /** CPython's blocking recv is interrupted by the signal and raises KeyboardInterrupt; the socket stays usable. */
    @Test
    void ctrlCInterruptsABlockingSocketCall() throws Exception {
        Outcome o = interrupt("""
                        import socket
                        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                        s.bind(('127.0.0.1', 0))
                        try:
                            print("started", flush=True)
                            s.recv(10)
                        finally:
                            s.sendto(b"still open", s.getsockname())
                            print("finally ran", s.recv(10), flush=True)
                        """);
        assertEquals("started\nfinally ran b'still open'\n", o.out());
        assertTrue(o.err().endsWith("    s.recv(10)\nKeyboardInterrupt\n"), o.err());
        assertEquals(130, o.status());
    }

    @Test
    void ctrlCRaisesKeyboardInterruptInCodeThatComputesWithoutWaiting() throws Exception {
        Outcome o = interrupt("""
                        n = 0
                        try:
                            print("started", flush=True)
                            while True:
                                n += 1
                        finally:
                            print("finally ran", n > 0, flush=True)
                        """);
        assertEquals("started\nfinally ran True\n", o.out());
        assertTrue(o.err().startsWith("Traceback (most recent call last):\n  File \"" + dir.resolve("main.py") + "\", line "), o.err());
        assertTrue(o.err().endsWith("\nKeyboardInterrupt\n"), o.err());
        assertEquals(130, o.status());
    }
}
