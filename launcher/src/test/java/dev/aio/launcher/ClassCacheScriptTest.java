package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT class cache of scripts/find-jdk.sh (aio_write_class_cache, aio_class_cache): the JVM is
 * a stand-in java that writes a cache file at once, so these tests check only which cache a run
 * gets and the files the script keeps and removes.
 */
class ClassCacheScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "find-jdk.sh").toAbsolutePath().normalize();

    @TempDir Path dir;
    private Path javaHome;
    private Path cacheDir;

    @BeforeEach
    void standInJava() throws IOException {
        javaHome = dir.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = javaHome.resolve("bin/java");
        // Writes the file named by -XX:AOTCacheOutput=, as the JVM does after its training run.
        Files.writeString(java, """
                        #!/usr/bin/env bash
                        for a in "$@"; do case $a in -XX:AOTCacheOutput=*) echo cache > "${a#*=}" ;; esac; done
                        """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        cacheDir = Files.createDirectories(dir.resolve("cache"));
        jdkBuild("25.0.3+9-LTS");
    }

    /** The stand-in JDK's release file and modules image, what a class cache depends on. */
    private void jdkBuild(String version) throws IOException {
        Files.writeString(javaHome.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"" + version + "\"\n");
        Files.createDirectories(javaHome.resolve("lib"));
        Files.writeString(javaHome.resolve("lib/modules"), version);
    }

    /** Runs a shell snippet with find-jdk.sh's functions, the stand-in JDK and {@code lib} as $3; returns its output. */
    private String shell(String snippet, Path lib) throws Exception {
        String shell = ". \"$1\"; JAVA_HOME=$2; AIO_JAVA_MAJOR=25; AIO_JVM_OPTS=(); AIO_LAUNCH=(); " + snippet;
        Process p = new ProcessBuilder("bash", "-c", shell, "bash", SCRIPT.toString(), javaHome.toString(), lib.toString(), cacheDir.toString())
                        .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    /** An installation's lib folder with one jar of aio's and one of GraalVM's. */
    private Path lib(String name) throws IOException {
        Path lib = Files.createDirectories(dir.resolve(name).resolve("lib"));
        Files.writeString(lib.resolve("aio-" + name + ".jar"), name);
        Files.writeString(Files.createDirectories(lib.resolve("truffle")).resolve("truffle-api.jar"), name);
        return lib;
    }

    /** Runs aio_class_cache for {@code lib} and waits for its background writer. */
    private void writeCache(Path lib) throws Exception {
        shell("aio_class_cache \"$3\" \"$4\"; wait", lib);
    }

    /** The java options a run without the JIT gets, one a line. */
    private String launchOptions(Path lib) throws Exception {
        return shell("aio_class_cache \"$3\" \"$4\"; wait; printf '%s\\n' \"${AIO_LAUNCH[@]}\"", lib);
    }

    private List<String> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("aio-")).sorted().toList();
        }
    }

    @Test
    void twoInstallationsKeepEachTheirOwnCache() throws Exception {
        writeCache(lib("one"));
        assertEquals(1, cacheFiles().size(), cacheFiles().toString());
        writeCache(lib("two"));
        List<String> caches = cacheFiles();
        assertEquals(2, caches.size(), caches.toString());
        assertTrue(caches.stream().allMatch(n -> n.endsWith(".aot")), caches.toString());
    }

    @Test
    void whatAKilledWriterLeftIsRemoved() throws Exception {
        Files.writeString(cacheDir.resolve("aio-0123abcd-0123456789abcdef.aot.4242"), "partial");
        Files.writeString(cacheDir.resolve("aio-0123abcd-0123456789abcdef.aot.4242.config"), "config");
        writeCache(lib("one"));
        List<String> caches = cacheFiles();
        assertEquals(1, caches.size(), caches.toString());
        assertTrue(caches.get(0).endsWith(".aot"), caches.toString());
    }

    @Test
    void theCacheTheBuildWroteIsUsedFromTheFirstRun() throws Exception {
        Path lib = lib("one");
        shell("aio_write_class_cache \"$3\"", lib);
        assertTrue(Files.size(lib.resolve("aio.aot")) > 0);
        assertEquals("-XX:AOTCache=" + lib.resolve("aio.aot") + "\n-Xlog:aot*=off\n-Xlog:cds*=off\n", launchOptions(lib));
        assertEquals(List.of(), cacheFiles(), "no cache of its own");
    }

    @Test
    void onAnotherBuildOfTheJdkTheShippedCacheIsLeftAlone() throws Exception {
        Path lib = lib("one");
        shell("aio_write_class_cache \"$3\"", lib);
        jdkBuild("25.0.4+7-LTS");
        String options = launchOptions(lib);
        assertTrue(!options.contains("aio.aot\n") && cacheFiles().size() == 1, options + cacheFiles());
        assertTrue(options.isBlank(), "the first run has none yet, its background job writes one: " + options);
    }
}
