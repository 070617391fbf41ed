package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code mvn package} makes, {@code target/aio-VERSION.tar.gz}, as a user installs
 * it: unpacked anywhere, {@code bin/aio} linked into a directory on the PATH, run from elsewhere
 * with no JAVA_HOME set (bin/aio finds a Java itself).
 */
class DistributionIT {
    @TempDir Path dir;

    private static String run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }

    @Test
    void unpackedAndLinkedOnThePathItRunsAProgram() throws Exception {
        Path tarball = Path.of(System.getProperty("aio.dist"));
        assertTrue(Files.isRegularFile(tarball), tarball + " (made by mvn package)");
        Path install = Files.createDirectories(dir.resolve("opt"));
        run(install, Map.of(), "tar", "xzf", tarball.toString());
        String name = tarball.getFileName().toString().replace(".tar.gz", "");
        Path home = install.resolve(name);
        assertTrue(Files.isExecutable(home.resolve("bin/aio")));
        assertTrue(names(home.resolve("lib")).stream().anyMatch(n -> n.startsWith("aio-launcher-")));
        assertTrue(names(home.resolve("lib/truffle")).stream().anyMatch(n -> n.startsWith("chromeinspector-tool-")));
        assertTrue(names(home.resolve("lib/jvmci")).stream().anyMatch(n -> n.startsWith("compiler-")));

        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("aio"), home.resolve("bin/aio"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("hello.aio"), """
                        import asyncio
                        async def main():
                            await asyncio.sleep(0.01)
                            print("Hello from", __name__)
                        asyncio.run(main())
                        """);
        // env(1) looks aio up on the PATH the command gets, as a shell would.
        String path = bin + ":" + System.getenv("PATH");
        assertEquals("Hello from __main__\n", run(work, Map.of("PATH", path), "/usr/bin/env", "aio", "run", "hello.aio"));
        // This JDK has JVMCI: the distribution runs aio on the Graal JIT compiler.
        String version = run(work, Map.of("PATH", path), "/usr/bin/env", "aio", "--version");
        assertTrue(version.contains("with the Graal JIT compiler"), version);
        assertTrue(run(work, Map.of("PATH", path, "AIO_JIT", "off"), "/usr/bin/env", "aio", "--version").contains("no JIT compiler (AIO_JIT=off)"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
