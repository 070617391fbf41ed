package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Child processes are the embedder's to grant, as sockets are: without allowCreateProcess both subprocess APIs raise PermissionError. */
@Timeout(60)
class ProcessAccessTest {
    private static final String BOTH_APIS = """
                    import asyncio, subprocess
                    try:
                        print(subprocess.run(['echo', 'blocking'], capture_output=True).stdout)
                    except PermissionError as e:
                        print(type(e).__name__, e.errno, e.filename, e.strerror)
                    async def main():
                        proc = await asyncio.create_subprocess_exec('echo', 'async', stdout=asyncio.subprocess.PIPE)
                        print((await proc.communicate())[0])
                    try:
                        asyncio.run(main())
                    except PermissionError as e:
                        print(type(e).__name__, e.errno, e.filename)
                    """;

    private static String run(AioBuilder builder, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Aio aio = builder.option("engine.WarnInterpreterOnly", "false").out(out).err(out).build()) {
            aio.eval(code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutPermissionStartingAProcessIsAPermissionError() {
        assertEquals("""
                        PermissionError 13 echo Permission denied (this aio context may not create processes; embedders allow it with Context.Builder.allowCreateProcess)
                        PermissionError 13 echo
                        """, run(Aio.builder(), BOTH_APIS));
    }

    @Test
    void withPermissionBothApisRunAChild() {
        assertEquals("b'blocking\\n'\nb'async\\n'\n", run(Aio.builder().allowCreateProcess(true), BOTH_APIS));
    }

    /** The child gets the context's environment, which the embedder's allowEnvironmentAccess decides (none by default), not the JVM's. */
    @Test
    void theChildSeesOnlyTheEnvironmentTheContextMaySee() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("aio").allowCreateProcess(true).out(out).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", """
                            import subprocess
                            print(subprocess.run(['sh', '-c', 'echo ${HOME-unset}'], capture_output=True, text=True).stdout, end='')
                            print(subprocess.run(['sh', '-c', 'echo $ANSWER'], env={'ANSWER': '42'}, capture_output=True, text=True).stdout, end='')
                            """);
        }
        assertEquals("unset\n42\n", out.toString(StandardCharsets.UTF_8));
    }
}
