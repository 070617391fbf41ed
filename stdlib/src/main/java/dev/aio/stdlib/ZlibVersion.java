package dev.aio.stdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.zip.Deflater;
import java.util.regex.Pattern;

/**
 * The version of the zlib the JDK runs ({@code zlib.ZLIB_VERSION}): the JDK has no API for it, so it
 * is read from zlib's own copyright string ("inflate 1.3.1 Copyright ...") in the library that
 * holds it, the JDK's {@code libzip} (which bundles zlib) or the system's {@code libz} it was
 * built against, whichever this process has loaded.
 */
final class ZlibVersion {
    static final String VERSION = find();

    private ZlibVersion() {
    }

    private static String find() {
        // Loads the JDK's zip library (and the zlib it uses), if nothing has yet.
        new Deflater().end();
        Pattern banner = Pattern.compile("inflate (\\d+\\.\\d+(?:\\.\\d+)*)");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String file = line.substring(slash);
                String name = Path.of(file).getFileName().toString();
                if (name.startsWith("libzip.") || name.startsWith("libz.")) {
                    Matcher m = banner.matcher(new String(Files.readAllBytes(Path.of(file)), StandardCharsets.ISO_8859_1));
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or an unreadable library: the version is not known.
        }
        return "unknown";
    }
}
