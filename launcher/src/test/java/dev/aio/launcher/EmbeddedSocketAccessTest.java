package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;

/** Sockets and signals are the embedder's to grant: a context without socket access gets a PermissionError, one with it serves and connects. */
class EmbeddedSocketAccessTest {
    private static String run(Context.Builder builder, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).err(out).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String ECHO = String.join("\n",
                    "import asyncio",
                    "async def echo(reader, writer):",
                    "    writer.write(await reader.readline())",
                    "    writer.close()",
                    "async def main():",
                    "    try:",
                    "        server = await asyncio.start_server(echo, '127.0.0.1', 0)",
                    "    except PermissionError as e:",
                    "        print(type(e).__name__, e.errno)",
                    "        return",
                    "    async with server:",
                    "        reader, writer = await asyncio.open_connection('127.0.0.1', server.sockets[0].getsockname()[1])",
                    "        writer.write(b'ping\\n')",
                    "        print(await reader.readline())",
                    "        writer.close()",
                    "asyncio.run(main())",
                    "import signal",
                    "try:",
                    "    signal.signal(signal.SIGUSR1, print)",
                    "except ValueError as e:",
                    "    print(e)",
                    "");

    @Test
    void withoutSocketAccessASocketIsAPermissionError() {
        assertEquals("PermissionError 13\nsignal only works in main thread of the main interpreter\n", run(Context.newBuilder("aio"), ECHO));
    }

    @Test
    void withSocketAccessAServerAndItsClientTalk() {
        assertEquals("b'ping\\n'\nsignal only works in main thread of the main interpreter\n",
                        run(Context.newBuilder("aio").allowIO(IOAccess.newBuilder().allowHostSocketAccess(true).build()), ECHO));
    }

    private static final String UDP = String.join("\n",
                    "import asyncio",
                    "class Echo(asyncio.DatagramProtocol):",
                    "    def connection_made(self, transport):",
                    "        self.transport = transport",
                    "    def datagram_received(self, data, addr):",
                    "        self.transport.sendto(data, addr)",
                    "async def main():",
                    "    loop = asyncio.get_running_loop()",
                    "    try:",
                    "        server, _ = await loop.create_datagram_endpoint(Echo, local_addr=('127.0.0.1', 0))",
                    "    except PermissionError as e:",
                    "        print(type(e).__name__, e.errno)",
                    "        return",
                    "    import socket",
                    "    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
                    "    s.setblocking(False)",
                    "    await loop.sock_sendto(s, b'ping', server.get_extra_info('sockname'))",
                    "    print((await loop.sock_recvfrom(s, 100))[0])",
                    "    s.close()",
                    "    server.close()",
                    "asyncio.run(main())",
                    "");

    @Test
    void withoutSocketAccessAUdpEndpointIsAPermissionError() {
        assertEquals("PermissionError 13\n", run(Context.newBuilder("aio"), UDP));
    }

    @Test
    void withSocketAccessAUdpEndpointEchoes() {
        assertEquals("b'ping'\n", run(Context.newBuilder("aio").allowIO(IOAccess.newBuilder().allowHostSocketAccess(true).build()), UDP));
    }

    private static final String UNIX = String.join("\n",
                    "import asyncio",
                    "async def main():",
                    "    try:",
                    "        await asyncio.open_unix_connection('/nonexistent/aio.sock')",
                    "    except OSError as e:",
                    "        print(type(e).__name__, e.errno)",
                    "asyncio.run(main())",
                    "");

    @Test
    void withoutSocketAccessAUnixSocketIsAPermissionError() {
        assertEquals("PermissionError 13\n", run(Context.newBuilder("aio"), UNIX));
    }

    @Test
    void withSocketAccessAUnixSocketReachesTheFileSystem() {
        assertEquals("FileNotFoundError 2\n", run(Context.newBuilder("aio").allowIO(IOAccess.newBuilder().allowHostSocketAccess(true).build()), UNIX));
    }

    private static Context.Builder withSockets() {
        return Context.newBuilder("aio").allowIO(IOAccess.newBuilder().allowHostSocketAccess(true).build()).option("engine.WarnInterpreterOnly", "false");
    }

    private static void assertRefused(int port) {
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "port " + port + " still listens");
    }

    /** A context closed while the program's listening socket is still open closes it, as a process's exit would: the JVM lives on. */
    @Test
    void closingTheContextClosesTheSocketsTheProgramLeftOpen() {
        int port;
        try (Context context = withSockets().build()) {
            port = context.eval("aio", "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\ns.getsockname()[1]\n").asInt();
        }
        assertRefused(port);
    }

    /** So does a cancel (aio's daemon cancels the run of a client that is gone): a server awaiting connections stops listening. */
    @Test
    void cancellingTheContextClosesItsServer() throws Exception {
        assertCancelCloses(String.join("\n",
                        "import asyncio",
                        "async def main():",
                        "    server = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)",
                        "    print('port', server.sockets[0].getsockname()[1], flush=True)",
                        "    await server.serve_forever()",
                        "asyncio.run(main())",
                        ""));
    }

    /** Also when the loop runs forever at the module's level, never closed: its selector would hold the socket's close back. */
    @Test
    void cancellingTheContextClosesTheServerOfALoopRunningForever() throws Exception {
        assertCancelCloses(String.join("\n",
                        "import asyncio",
                        "loop = asyncio.new_event_loop()",
                        "server = loop.run_until_complete(asyncio.start_server(lambda r, w: None, '127.0.0.1', 0))",
                        "print('port', server.sockets[0].getsockname()[1], flush=True)",
                        "loop.run_forever()",
                        ""));
    }

    private static void assertCancelCloses(String program) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context context = withSockets().out(out).build();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                context.eval("aio", program);
            } catch (PolyglotException e) {
                assertTrue(e.isCancelled(), e.toString());
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString(StandardCharsets.UTF_8).endsWith("\n") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(printed.startsWith("port "), printed);
        context.close(true);
        run.get(60, TimeUnit.SECONDS);
        assertRefused(Integer.parseInt(printed.substring(5)));
    }
}
