package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;

/**
 * What aio knows it cannot do is an error where the program uses it, with a message that says so
 * (docs/language.md and docs/asyncio.md, "Not yet"); golden programs cannot show these, since
 * their expected output comes from CPython, which can.
 */
class NotYetErrorsTest {
    private static String run(String code) {
        return run(Context.newBuilder("aio"), code);
    }

    private static String run(Context.Builder builder, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = builder.out(out).err(out).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aProcessPoolExecutorIsAnErrorWhereItIsMadeNotAThreadPoolInDisguise() {
        String code = """
                        import concurrent.futures
                        from concurrent.futures import ProcessPoolExecutor
                        print(ProcessPoolExecutor.__module__, issubclass(ProcessPoolExecutor, concurrent.futures.Executor))
                        try:
                            ProcessPoolExecutor(max_workers=2)
                        except NotImplementedError as e:
                            print(str(e).split(':')[0])
                        """;
        assertEquals("concurrent.futures.process True\naio cannot run a ProcessPoolExecutor\n", run(code));
    }

    @Test
    void aSubclassOfATypeAioCannotInstantiateFailsWhenInstantiatedNotWhenDefined() {
        String code = """
                        import io
                        class Counting(io.FileIO):
                            pass
                        print(Counting.__mro__[1].__name__)
                        try:
                            Counting("/dev/null")
                        except TypeError as e:
                            print(e)
                        """;
        assertEquals("FileIO\naio cannot subclass the builtin type 'FileIO' yet\n", run(code));
    }

    /** The JDK's channels take no MSG_* flags: passing any is refused where it is passed, never ignored. */
    @Test
    void socketFlagsAreAnErrorWhereTheyArePassed() {
        String code = """
                        import socket
                        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                            s.bind(('127.0.0.1', 0))
                            here = s.getsockname()
                            s.sendto(b'plain', 0, here)
                            print(s.recv(16, 0))
                            for call in (lambda: s.recv(16, 2), lambda: s.recvfrom(16, 2), lambda: s.send(b'x', 64),
                                         lambda: s.sendall(b'x', 64), lambda: s.sendto(b'x', 64, here)):
                                try:
                                    call()
                                except NotImplementedError as e:
                                    print(e)
                        """;
        assertEquals(String.join("\n", "b'plain'",
                        "aio cannot pass flags to socket.recv() yet (flags=2)",
                        "aio cannot pass flags to socket.recvfrom() yet (flags=2)",
                        "aio cannot pass flags to socket.send() yet (flags=64)",
                        "aio cannot pass flags to socket.sendall() yet (flags=64)",
                        "aio cannot pass flags to socket.sendto() yet (flags=64)", ""),
                        run(Context.newBuilder("aio").allowIO(IOAccess.newBuilder().allowHostSocketAccess(true).build()), code));
    }

    /** A socket over a descriptor the program already has is refused, by socket() and by a derived class's super().__init__, not made anew. */
    @Test
    void aSocketOfAnExistingDescriptorIsAnErrorNotANewSocket() {
        String code = """
                        import socket
                        class Wrapped(socket.socket):
                            def __init__(self, fd):
                                super().__init__(fileno=fd)
                        for make in (lambda: socket.socket(fileno=5), lambda: Wrapped(5)):
                            try:
                                make()
                            except NotImplementedError as e:
                                print(e)
                        """;
        assertEquals("aio cannot make a socket of an existing file descriptor yet (fileno=5)\n".repeat(2),
                        run(Context.newBuilder("aio").allowIO(IOAccess.newBuilder().allowHostSocketAccess(true).build()), code));
    }

    /** A Task whose class's __init__ never calls Task.__init__ has no coroutine: an error where one is needed (CPython's C task crashes). */
    @Test
    void aTaskWhoseInitNeverRanIsAnErrorWhereItsCoroutineIsNeeded() {
        String code = """
                        import asyncio
                        class Lazy(asyncio.Task):
                            def __init__(self, *args):
                                pass
                        async def main():
                            t = Lazy()
                            print(t.done())
                            for use in (lambda: repr(t), t.get_coro):
                                try:
                                    use()
                                except RuntimeError as e:
                                    print(e)
                        asyncio.run(main())
                        """;
        assertEquals("False\n" + "Future object is not initialized.\n".repeat(2), run(code));
    }
}
