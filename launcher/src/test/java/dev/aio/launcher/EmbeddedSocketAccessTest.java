package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
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
}
