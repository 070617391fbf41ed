package dev.aio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The kernel stands alone: its sources use nothing of aio outside {@code dev.aio.kernel} (only the
 * JDK and Truffle's API), so no package cycle can run through it.
 */
class KernelIndependenceTest {
    private static final Path KERNEL = Path.of("src/main/java/dev/aio/kernel");
    /** An import, or a fully-qualified use, of a class of aio. */
    private static final Pattern AIO_REFERENCE = Pattern.compile("\\bdev\\.aio\\.([a-z]+\\.)*[A-Z]\\w*");

    @Test
    void kernelSourcesReferenceNoOtherAioPackage() throws IOException {
        List<String> outside = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.list(KERNEL)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "no kernel sources under " + KERNEL.toAbsolutePath());
        for (Path source : sources) {
            Matcher m = AIO_REFERENCE.matcher(Files.readString(source));
            while (m.find()) {
                if (!m.group().startsWith("dev.aio.kernel.")) {
                    outside.add(source.getFileName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), outside);
    }
}
