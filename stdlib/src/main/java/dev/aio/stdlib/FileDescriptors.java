package dev.aio.stdlib;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;

/**
 * The program's file descriptors that aio numbers itself: the ends of the pipes {@code os.pipe()}
 * made, the files {@code os.open()} opened and the sockets whose {@code fileno()} was asked for
 * (what {@code select} and {@code selectors} watch). The JVM hands out no descriptors, so these are small
 * numbers from 3 up, the lowest free one first as the system's are; each names a {@link ChildPipe}
 * end, an {@link OpenFile} or a {@link PySocket}. A descriptor that was closed (by {@code os.close}, a file object
 * over it, or a pipe transport) is free again.
 */
final class FileDescriptors {
    private static final int FIRST = 3;

    /** A regular file {@code os.open()} opened: its channel, the path it was opened by, and whether each write goes to the end (O_APPEND). */
    record OpenFile(SeekableByteChannel channel, String path, boolean append) {
    }

    private final Map<Long, Object> open = new HashMap<>();
    private final Set<Long> nonBlocking = new HashSet<>();

    long add(Object end) {
        long fd = FIRST;
        while (open.containsKey(fd) && !isClosed(open.get(fd))) {
            fd++;
        }
        open.put(fd, end);
        nonBlocking.remove(fd);
        return fd;
    }

    private static boolean isClosed(Object end) {
        if (end instanceof PySocket s) {
            return s.isClosed();
        }
        return end instanceof ChildPipe p ? p.isClosed() : !((OpenFile) end).channel().isOpen();
    }

    /** The open pipe end, file or socket {@code fd} names; OSError(EBADF) when none. */
    Object get(long fd) {
        Object end = find(fd);
        if (end == null) {
            throw badDescriptor();
        }
        return end;
    }

    /** The open pipe end, file or socket {@code fd} names, or {@code null} when none. */
    Object find(long fd) {
        Object end = open.get(fd);
        return end == null || isClosed(end) ? null : end;
    }

    /** The open pipe end {@code fd} names; OSError(EBADF) when none. */
    ChildPipe pipe(long fd) {
        Object end = get(fd);
        if (end instanceof PySocket) {
            throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio cannot read or write a socket through its file descriptor yet: use the socket's own methods");
        }
        if (!(end instanceof ChildPipe p)) {
            throw PyErrors.osError(29, "Illegal seek", null);
        }
        return p;
    }

    /** The open file {@code fd} names, or {@code null} when it names a pipe end or a socket; OSError(EBADF) when none. */
    OpenFile file(long fd) {
        return get(fd) instanceof OpenFile f ? f : null;
    }

    void close(long fd) {
        Object end = get(fd);
        open.remove(fd);
        if (end instanceof ChildPipe p) {
            p.close();
            return;
        }
        if (end instanceof PySocket s) {
            s.close();
            return;
        }
        try {
            ((OpenFile) end).channel().close();
        } catch (IOException e) {
            throw TextFile.fileError(e, null);
        }
    }

    /** A file object over {@code fd} was closed and took its channel with it: the number is free. */
    void release(long fd) {
        open.remove(fd);
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

    static AioException badDescriptor() {
        return PyErrors.osError(9, "Bad file descriptor", null);
    }
}
