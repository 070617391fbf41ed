package dev.aio.stdlib;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.kernel.InFlight;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyErrors;

/**
 * poll(2) over aio's file descriptors ({@link FileDescriptors}): what {@code select.select} and
 * {@code select.poll} wait with. Each descriptor names a JDK channel (a socket, a pipe end), which
 * a selector of the call's own watches, or a regular file, which is always ready, as the system's
 * poll says of one. The wait is a blocking socket call's ({@link SocketWait}): without the
 * interpreter lock, interruptible by Ctrl-C and an embedder's cancel.
 */
final class DescriptorPoll {
    /** Linux's poll(2) event bits. */
    static final int POLLIN = 1;
    static final int POLLPRI = 2;
    static final int POLLOUT = 4;
    static final int POLLERR = 8;
    static final int POLLHUP = 16;
    static final int POLLNVAL = 32;

    private DescriptorPoll() {
    }

    /**
     * {@code PyObject_AsFileDescriptor}: an int, or what the object's {@code fileno()} returns, with
     * CPython's messages.
     */
    @TruffleBoundary
    static long descriptor(Object o) {
        long fd;
        if (o instanceof Long || o instanceof Boolean) {
            fd = Args.index(o, "fd");
        } else {
            Object fileno;
            try {
                // Through __getattr__ too: tempfile's NamedTemporaryFile hands fileno on from its file that way.
                fileno = Attributes.get(o, "fileno");
            } catch (AioException e) {
                if (!e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                    throw e;
                }
                throw PyErrors.typeError("argument must be an int, or have a fileno() method.");
            }
            Object result = Calls.call(fileno);
            if (!(result instanceof Long l)) {
                throw PyErrors.typeError("fileno() returned a non-integer");
            }
            fd = l;
        }
        if (fd < 0) {
            throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "file descriptor cannot be a negative integer (" + fd + ")");
        }
        return fd;
    }

    /**
     * Waits until one of the descriptors of {@code wanted} (each with the events asked for) is
     * ready, at most {@code timeoutNanos} (negative: no limit; 0: only looks); returns the ready
     * ones with their events, in the order asked. A descriptor that is not open reports
     * {@code POLLNVAL}.
     */
    @TruffleBoundary
    static Map<Long, Integer> poll(AioContext context, Map<Long, Integer> wanted, long timeoutNanos) {
        FileDescriptors fds = OsDescriptors.descriptors(context);
        Map<Long, Integer> ready = new LinkedHashMap<>();
        List<SelectableChannel> watched = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
                long fd = e.getKey();
                int events = e.getValue();
                int now = watch(fds, fd, events, selector, watched);
                if (now != 0) {
                    ready.put(fd, now);
                }
            }
            if (!ready.isEmpty() || timeoutNanos == 0) {
                selector.selectNow();
            } else if (selector.selectNow() == 0) {
                SocketWait.until(context, selector, () -> anyClosed(watched), timeoutNanos, InFlight.NONE);
            }
            for (SelectionKey key : selector.selectedKeys()) {
                long fd = (Long) key.attachment();
                int events = ready.getOrDefault(fd, 0) | events(key.readyOps()) & wanted.get(fd);
                if (events != 0) {
                    ready.put(fd, events);
                }
            }
            for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
                if (!ready.containsKey(e.getKey()) && e.getKey() > 2 && fds.find(e.getKey()) == null) {
                    ready.put(e.getKey(), POLLNVAL);
                }
            }
        } catch (IOException e) {
            throw PySocket.error(e, null);
        }
        Map<Long, Integer> ordered = new LinkedHashMap<>();
        for (Long fd : wanted.keySet()) {
            if (ready.containsKey(fd)) {
                ordered.put(fd, ready.get(fd));
            }
        }
        return ordered;
    }

    /**
     * Registers {@code fd}'s channel with {@code selector} for {@code events}; returns the events
     * that are ready without waiting (a regular file, a socket not yet connected or listening, a
     * descriptor that is not open), else 0.
     */
    private static int watch(FileDescriptors fds, long fd, int events, Selector selector, List<SelectableChannel> watched) throws IOException {
        if (fd <= 2) {
            if (fd == 0) {
                throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio cannot wait for standard input with select or poll yet");
            }
            // Standard output and error always take more.
            return events & POLLOUT;
        }
        Object end = fds.find(fd);
        if (end == null) {
            return POLLNVAL;
        }
        if (end instanceof FileDescriptors.OpenFile) {
            return events & (POLLIN | POLLOUT);
        }
        SelectableChannel channel = ((Watchable) end).channelOrNull();
        if (channel == null) {
            // A stream socket neither connecting nor listening: Linux's poll says it can take data, and hangs up.
            return events & POLLOUT | POLLHUP;
        }
        int ops = 0;
        if ((events & POLLIN) != 0) {
            ops |= channel instanceof ServerSocketChannel ? SelectionKey.OP_ACCEPT : channel.validOps() & SelectionKey.OP_READ;
        }
        if ((events & POLLOUT) != 0) {
            ops |= channel instanceof SocketChannel s && s.isConnectionPending() ? SelectionKey.OP_CONNECT : channel.validOps() & SelectionKey.OP_WRITE;
        }
        if (ops != 0) {
            try {
                channel.register(selector, ops, fd);
            } catch (ClosedChannelException e) {
                return POLLNVAL;
            }
            watched.add(channel);
        }
        return 0;
    }

    private static boolean anyClosed(List<SelectableChannel> channels) {
        for (SelectableChannel c : channels) {
            if (!c.isOpen()) {
                return true;
            }
        }
        return false;
    }

    /** The poll(2) events of a selection key's ready operations. */
    private static int events(int readyOps) {
        int events = 0;
        if ((readyOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
            events |= POLLIN;
        }
        if ((readyOps & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
            events |= POLLOUT;
        }
        return events;
    }
}
