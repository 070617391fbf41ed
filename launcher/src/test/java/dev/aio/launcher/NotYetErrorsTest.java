package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/**
 * What aio knows it cannot do is an error where the program uses it, with a message that says so
 * (docs/language.md and docs/asyncio.md, "Not yet"); golden programs cannot show these, since
 * their expected output comes from CPython, which can.
 */
class NotYetErrorsTest {
    private static String run(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("aio").out(out).err(out).option("engine.WarnInterpreterOnly", "false").build()) {
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
                        import asyncio
                        class Traced(asyncio.Task):
                            pass
                        print(Traced.__mro__[1].__name__)
                        try:
                            Traced(None)
                        except TypeError as e:
                            print(e)
                        """;
        assertEquals("Task\naio cannot subclass the builtin type 'Task' yet\n", run(code));
    }
}
