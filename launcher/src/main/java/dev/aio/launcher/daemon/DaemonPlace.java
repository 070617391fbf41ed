package dev.aio.launcher.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Where a daemon lives: a folder only its user may enter ({@code $XDG_RUNTIME_DIR/aio}, else
 * {@code /tmp/aio-$USER}, mode 0700), and in it the socket, lock and log of each build of aio,
 * named by the build's key: a rebuilt aio (other jars), another JDK or other JVM options reach
 * another daemon, and the old one, finding its jars changed, leaves.
 */
public record DaemonPlace(Path folder, String key) {

    /** The user's folder, made if need be; IOException if it is not private to the user (then no daemon is used). */
    public static Path privateFolder() throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path folder = runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime)) ? Path.of(runtime, "aio")
                        : Path.of(System.getProperty("java.io.tmpdir"), "aio-" + System.getProperty("user.name"));
        return ensurePrivate(folder);
    }

    /** Makes {@code folder} (mode 0700) unless it exists; checks that it is the user's alone and no link. */
    public static Path ensurePrivate(Path folder) throws IOException {
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        } catch (FileAlreadyExistsException e) {
            // Checked below.
        }
        PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory() || !attributes.owner().getName().equals(System.getProperty("user.name"))
                        || !attributes.permissions().equals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE))) {
            throw new IOException(folder + " is not a folder private to " + System.getProperty("user.name"));
        }
        return folder;
    }

    public Path socket() {
        return folder.resolve("daemon-" + key + ".sock");
    }

    public Path lock() {
        return folder.resolve("daemon-" + key + ".lock");
    }

    public Path log() {
        return folder.resolve("daemon-" + key + ".log");
    }

    /** The key of a build: the Java runtime, the JVM options the daemon runs with, and the jars (names, sizes, times) in {@code lib}. */
    public static String key(String javaHome, List<String> jvmOptions, Path lib) {
        long hash = 0xcbf29ce484222325L;
        hash = fnv(hash, javaHome);
        for (String option : jvmOptions) {
            hash = fnv(hash, option);
        }
        hash = fnv(hash, jarsSignature(lib));
        return String.format("%016x", hash);
    }

    /** The names, sizes and modification times of the jars in {@code lib} and its subfolders; they change when aio is rebuilt. */
    public static String jarsSignature(Path lib) {
        StringBuilder s = new StringBuilder();
        addJars(s, lib.toFile(), 2);
        return s.toString();
    }

    private static void addJars(StringBuilder s, File folder, int depth) {
        File[] files = folder.listFiles();
        if (files == null) {
            return;
        }
        Arrays.sort(files);
        for (File f : files) {
            if (f.isDirectory() && depth > 0) {
                addJars(s, f, depth - 1);
            } else if (f.getName().endsWith(".jar")) {
                s.append(f.getPath()).append(' ').append(f.length()).append(' ').append(f.lastModified()).append('\n');
            }
        }
    }

    /** FNV-1a over the string's chars: a key, no security (the folder is private). */
    private static long fnv(long hash, String s) {
        long h = hash;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        // A separator: ("ab", "c") and ("a", "bc") differ.
        h ^= '\n';
        h *= 0x100000001b3L;
        return h;
    }
}
