package dev.aio.stdlib;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * A polling object of {@code select.poll()}: the descriptors registered with the events each waits
 * for, polled together by {@link DescriptorPoll}. What {@code selectors.PollSelector} (aio's
 * {@code DefaultSelector}) waits with.
 */
final class SelectPoll extends PyObject {
    static final PyType TYPE = new PyType("poll", "select");

    private final Map<Long, Integer> registered = new LinkedHashMap<>();

    @TruffleBoundary
    void register(long fd, int events) {
        registered.put(fd, events);
    }

    @TruffleBoundary
    void modify(long fd, int events) {
        if (!registered.containsKey(fd)) {
            throw PyErrors.osError(2, "No such file or directory", null);
        }
        registered.put(fd, events);
    }

    @TruffleBoundary
    void unregister(long fd) {
        if (registered.remove(fd) == null) {
            throw PyErrors.keyError(fd);
        }
    }

    /** {@code poll(timeout)}: a list of (fd, events) for the ready descriptors, waiting at most {@code timeoutNanos} (negative: no limit). */
    @TruffleBoundary
    PyList poll(AioContext context, long timeoutNanos) {
        PyList ready = new PyList();
        for (Map.Entry<Long, Integer> e : DescriptorPoll.poll(context, new LinkedHashMap<>(registered), timeoutNanos).entrySet()) {
            ready.append(PyTuple.of(e.getKey(), (long) e.getValue()));
        }
        return ready;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}
