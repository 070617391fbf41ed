package dev.aio.stdlib;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/**
 * The {@code select} module (CPython's {@code Modules/selectmodule.c}): {@code select()} and
 * {@code poll()} over aio's descriptors ({@link DescriptorPoll}); {@code epoll} (select.aio) is
 * emulated over {@code poll()}, so {@code selectors.DefaultSelector} is {@code EpollSelector} as on
 * CPython under Linux.
 */
public final class SelectModule {
    private SelectModule() {
    }

    static void install() {
        SelectPoll.TYPE.defineBuiltins(SelectPollMethodsFactory.getFactories());
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("select");
        m.defineFunctions(context.getLanguage(), SelectModuleFactory.getFactories());
        m.put("error", BuiltinTypes.OS_ERROR);
        m.put("POLLIN", (long) DescriptorPoll.POLLIN);
        m.put("POLLPRI", (long) DescriptorPoll.POLLPRI);
        m.put("POLLOUT", (long) DescriptorPoll.POLLOUT);
        m.put("POLLERR", (long) DescriptorPoll.POLLERR);
        m.put("POLLHUP", (long) DescriptorPoll.POLLHUP);
        m.put("POLLNVAL", (long) DescriptorPoll.POLLNVAL);
        m.put("POLLRDNORM", 64L);
        m.put("POLLRDBAND", 128L);
        m.put("POLLWRNORM", 256L);
        m.put("POLLWRBAND", 512L);
        m.put("POLLMSG", 1024L);
        m.put("POLLRDHUP", 8192L);
        m.put("PIPE_BUF", 4096L);
        AioStdlib.runInto(context, m, "select");
        return m;
    }

    /**
     * {@code select.select(rlist, wlist, xlist, timeout=None)}: the objects (ints or objects with
     * {@code fileno()}) of each list that are ready, waiting at most {@code timeout} seconds.
     * Exceptional conditions (out-of-band data) never arise on aio's channels, so the third list
     * comes back empty unless a descriptor is not open (OSError EBADF, as CPython's).
     */
    @Builtin(name = "select", params = {"rlist", "wlist", "xlist", "timeout"}, required = 3, posOnly = 4)
    @GenerateNodeFactory
    abstract static class SelectNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSelect(Object rlist, Object wlist, Object xlist, Object timeout) {
            long nanos = selectTimeout(timeout);
            Object[][] lists = {sequence(rlist), sequence(wlist), sequence(xlist)};
            long[][] fds = new long[3][];
            Map<Long, Integer> wanted = new LinkedHashMap<>();
            int[] asked = {DescriptorPoll.POLLIN, DescriptorPoll.POLLOUT, 0};
            for (int i = 0; i < 3; i++) {
                fds[i] = new long[lists[i].length];
                for (int j = 0; j < lists[i].length; j++) {
                    fds[i][j] = DescriptorPoll.descriptor(lists[i][j]);
                    wanted.merge(fds[i][j], asked[i], (a, b) -> a | b);
                }
            }
            Map<Long, Integer> ready = DescriptorPoll.poll(AioContext.get(this), wanted, nanos);
            for (int events : ready.values()) {
                if ((events & DescriptorPoll.POLLNVAL) != 0) {
                    throw FileDescriptors.badDescriptor();
                }
            }
            // Linux's select counts a hang-up as readable, as poll's POLLIN_SET does.
            int[] counted = {DescriptorPoll.POLLIN | DescriptorPoll.POLLHUP | DescriptorPoll.POLLERR, DescriptorPoll.POLLOUT | DescriptorPoll.POLLERR, 0};
            PyList[] result = {new PyList(), new PyList(), new PyList()};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < lists[i].length; j++) {
                    if ((ready.getOrDefault(fds[i][j], 0) & counted[i]) != 0) {
                        result[i].append(lists[i][j]);
                    }
                }
            }
            return PyTuple.of(result[0], result[1], result[2]);
        }

        private static Object[] sequence(Object o) {
            boolean iterable = SpecialMethods.isUserObject(o) ? SpecialMethods.lookup(o, "__iter__") != null || SpecialMethods.lookup(o, "__getitem__") != null
                            : Iteration.builtinIter(o) != null;
            if (!iterable) {
                throw PyErrors.typeError("arguments 1-3 must be sequences");
            }
            return Iteration.toArray(o);
        }

        private static long selectTimeout(Object timeout) {
            if (!Args.given(timeout) || timeout == PyNone.NONE) {
                return -1;
            }
            Object t = PyValueInstance.unwrap(timeout);
            if (!Numbers.isNumber(t)) {
                throw PyErrors.typeError("timeout must be a float or None");
            }
            double seconds = Numbers.toDouble(t);
            if (seconds < 0) {
                throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "timeout must be non-negative");
            }
            return (long) Math.ceil(seconds * 1e9);
        }
    }

    /** The descriptor of an int or an object with {@code fileno()}, with CPython's errors (what epoll, in select.aio, takes). */
    @Builtin(name = "_descriptor", params = {"fd"})
    @GenerateNodeFactory
    abstract static class DescriptorNode extends BuiltinNode {
        @Specialization
        static Object doDescriptor(Object fd) {
            return DescriptorPoll.descriptor(fd);
        }
    }

    /** {@code select.poll()}: a new polling object. */
    @Builtin(name = "poll")
    @GenerateNodeFactory
    abstract static class PollNode extends BuiltinNode {
        @Specialization
        Object doPoll() {
            return new SelectPoll();
        }
    }
}
