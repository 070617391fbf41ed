package dev.aio.stdlib;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.aio.runtime.PyErrors;

/**
 * The program's file descriptors that aio numbers itself: the ends of the pipes {@code os.pipe()}
 * made. The JVM hands out no descriptors, so these are small numbers from 3 up, the lowest free one
 * first as the system's are; each names a {@link ChildPipe} end. A descriptor whose pipe was closed
 * (by {@code os.close}, a file from {@code os.fdopen}, or a pipe transport) is free again.
 */
final class FileDescriptors {
    private static final int FIRST = 3;

    private final Map<Long, ChildPipe> pipes = new HashMap<>();
    private final Set<Long> nonBlocking = new HashSet<>();

    long add(ChildPipe pipe) {
        long fd = FIRST;
        while (pipes.containsKey(fd) && !pipes.get(fd).isClosed()) {
            fd++;
        }
        pipes.put(fd, pipe);
        nonBlocking.remove(fd);
        return fd;
    }

    /** The open pipe end {@code fd} names; OSError(EBADF) when none. */
    ChildPipe get(long fd) {
        ChildPipe p = pipes.get(fd);
        if (p == null || p.isClosed()) {
            throw PyErrors.osError(9, "Bad file descriptor", null);
        }
        return p;
    }

    void close(long fd) {
        get(fd).close();
        pipes.remove(fd);
    }

    boolean isBlocking(long fd) {
        get(fd);
        return !nonBlocking.contains(fd);
    }

    void setBlocking(long fd, boolean blocking) {
        get(fd);
        if (blocking) {
            nonBlocking.remove(fd);
        } else {
            nonBlocking.add(fd);
        }
    }
}
