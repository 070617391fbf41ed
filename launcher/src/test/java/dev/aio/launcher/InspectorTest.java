package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aio run --inspect=PORT FILE} as Chrome DevTools drives it, over the Chrome DevTools
 * Protocol on loopback: a breakpoint in a coroutine, a step over an {@code await}.
 */
class InspectorTest {
    @TempDir Path dir;

    private static final Pattern WS_URL = Pattern.compile("ws://\\S+");
    private static final Pattern TOP_FRAME = Pattern.compile("\"callFrames\":\\[\\{.*?\"functionName\":\"([^\"]*)\".*?\"location\":\\{[^}]*?\"lineNumber\":(\\d+)");

    /** Collects the protocol's messages (a text message may come in parts). */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        /** The next {@code Debugger.paused}: {@code function:line} of its top frame (1-based). */
        String nextPause() throws InterruptedException {
            while (true) {
                String m = messages.poll(30, TimeUnit.SECONDS);
                assertNotNull(m, "no Debugger.paused within 30 s");
                if (m.contains("\"method\":\"Debugger.paused\"")) {
                    Matcher top = TOP_FRAME.matcher(m);
                    return top.find() ? top.group(1) + ":" + (Integer.parseInt(top.group(2)) + 1) : m;
                }
            }
        }
    }

    /** Passes what aio prints on stderr through, and hands over the DevTools URL once it is printed. */
    private static final class UrlWatcher extends OutputStream {
        final CompletableFuture<String> url = new CompletableFuture<>();
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            seen.write(b);
            if (b == '\n' && !url.isDone()) {
                Matcher m = WS_URL.matcher(seen.toString(StandardCharsets.UTF_8));
                if (m.find()) {
                    url.complete(m.group());
                }
            }
        }
    }

    @Test
    void breakpointAndStepOverAnAwaitThroughTheChromeDevToolsProtocol() throws Exception {
        Path program = dir.resolve("inspected.aio");
        Files.writeString(program, """
                        import asyncio
                        async def main():
                            a = 1
                            await asyncio.sleep(0.05)
                            b = a + 1
                            print(b)
                        asyncio.run(main())
                        """);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        UrlWatcher err = new UrlWatcher();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread run = new Thread(() -> {
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                status.complete(AioMain.run(new String[]{"run", "--inspect=127.0.0.1:" + port, program.toString()}, new ByteArrayInputStream(new byte[0]), o, e));
            } catch (Throwable t) {
                status.completeExceptionally(t);
            }
        }, "inspected");
        run.setDaemon(true);
        run.start();

        Client client = new Client();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(err.url.get(30, TimeUnit.SECONDS)), client).get(30, TimeUnit.SECONDS);
        int[] id = {0};
        List<String> stops = new ArrayList<>();
        try {
            Consumer<String> send = json -> ws.sendText("{\"id\":" + (++id[0]) + "," + json + "}", true).join();
            send.accept("\"method\":\"Runtime.enable\"");
            send.accept("\"method\":\"Debugger.enable\"");
            send.accept("\"method\":\"Debugger.setBreakpointByUrl\",\"params\":{\"lineNumber\":2,\"url\":\"" + program.toUri() + "\"}");
            send.accept("\"method\":\"Runtime.runIfWaitingForDebugger\"");
            stops.add(client.nextPause()); // --inspect stops at the first line
            send.accept("\"method\":\"Debugger.resume\"");
            stops.add(client.nextPause()); // the breakpoint
            send.accept("\"method\":\"Debugger.stepOver\"");
            stops.add(client.nextPause());
            send.accept("\"method\":\"Debugger.stepOver\"");
            stops.add(client.nextPause()); // after the await, 50 ms later
            send.accept("\"method\":\"Debugger.resume\"");
            assertEquals(0, status.get(30, TimeUnit.SECONDS));
        } finally {
            ws.abort();
        }
        assertEquals(List.of("<module>:1", "main:3", "main:4", "main:5"), stops);
        assertEquals("2\n", out.toString(StandardCharsets.UTF_8));
    }
}
