package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyMemoryView;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** Methods of {@code socket.socket} ({@link PySocket}). */
public final class SocketMethods {
    private SocketMethods() {
    }

    static void install() {
        PySocket.TYPE.defineBuiltins(SocketMethodsFactory.getFactories());
        PySocket.TYPE.setSubclassInstances(t -> new PySocket(AioContext.get(null), t));
    }

    /**
     * The {@code flags} of send/recv: 0 or none. The JDK's channels take no MSG_* flags, so any
     * other value is refused at the call rather than ignored.
     */
    private static void requireNoFlags(Object flags, String method) {
        long value = integer(flags, 0);
        if (value != 0) {
            throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio cannot pass flags to socket." + method + "() yet (flags=" + value + ")");
        }
    }

    private static long integer(Object o, long missing) {
        if (!Args.given(o) || o == PyNone.NONE) {
            return missing;
        }
        // An int or an IntEnum member (getaddrinfo's AddressFamily and SocketKind).
        return Args.index(o, "integer");
    }

    @Builtin(name = "socket", constructor = true, params = {"cls", "family", "type", "proto", "fileno"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewSocketNode extends BuiltinNode {
        @Specialization
        Object doNew(@SuppressWarnings("unused") Object cls, Object family, Object type, Object proto, Object fileno) {
            PySocket s = new PySocket(AioContext.get(this), PySocket.TYPE);
            initSocket(s, family, type, proto, fileno);
            return s;
        }
    }

    /** {@code socket.__init__(family=-1, type=-1, proto=-1, fileno=None)}: what a derived class's {@code super().__init__(...)} reaches. */
    @Builtin(name = "__init__", params = {"self", "family", "type", "proto", "fileno"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doInit(PySocket self, Object family, Object type, Object proto, Object fileno) {
            initSocket(self, family, type, proto, fileno);
            return PyNone.NONE;
        }
    }

    /** The arguments of {@code socket(...)} and {@code socket.__init__}: -1 or None for the defaults, as CPython's socket.py. */
    private static void initSocket(PySocket s, Object family, Object type, Object proto, Object fileno) {
        if (Args.given(fileno) && fileno != PyNone.NONE) {
            throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio cannot make a socket of an existing file descriptor yet (fileno=" + PyOps.repr(fileno) + ")");
        }
        long f = integer(family, -1);
        long t = integer(type, -1);
        long p = integer(proto, -1);
        s.init(f == -1 ? PySocket.AF_INET : f, t == -1 ? PySocket.SOCK_STREAM : t, p == -1 ? 0 : p);
    }

    private static byte[] bytes(Object data) {
        if (data instanceof PyBytesLike b) {
            return b.toArray();
        }
        if (data instanceof PyMemoryView v) {
            return v.toArray();
        }
        throw PyErrors.typeError("a bytes-like object is required, not '" + PyOps.typeName(data) + "'");
    }

    @Builtin(name = "setblocking", params = {"self", "flag"})
    @GenerateNodeFactory
    abstract static class SetBlockingNode extends BuiltinNode {
        @Specialization
        static Object doSet(PySocket self, Object flag) {
            self.setBlocking(PyOps.isTrue(flag));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "getblocking", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetBlockingNode extends BuiltinNode {
        @Specialization
        static boolean doGet(PySocket self) {
            return self.isBlocking();
        }
    }

    @Builtin(name = "setsockopt", params = {"self", "level", "optname", "value"})
    @GenerateNodeFactory
    abstract static class SetSockOptNode extends BuiltinNode {
        @Specialization
        static Object doSet(PySocket self, Object level, Object option, Object value) {
            self.setOption(integer(level, 0), integer(option, 0), value);
            return PyNone.NONE;
        }
    }

    /** Only {@code SO_ERROR} (how a non-blocking connect ended), as asyncio's {@code sock_connect} asks. */
    @Builtin(name = "getsockopt", params = {"self", "level", "optname"})
    @GenerateNodeFactory
    abstract static class GetSockOptNode extends BuiltinNode {
        @Specialization
        static Object doGet(PySocket self, Object level, Object option) {
            if (integer(level, 0) == SocketModule.SOL_SOCKET && integer(option, 0) == SocketModule.SO_ERROR) {
                return self.connectError();
            }
            throw PyErrors.osError(92, "Protocol not available", null);
        }
    }

    @Builtin(name = "bind", params = {"self", "address"})
    @GenerateNodeFactory
    abstract static class BindNode extends BuiltinNode {
        @Specialization
        static Object doBind(PySocket self, Object address) {
            self.bind(address);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "listen", params = {"self", "backlog"}, required = 1)
    @GenerateNodeFactory
    abstract static class ListenNode extends BuiltinNode {
        @Specialization
        static Object doListen(PySocket self, Object backlog) {
            self.listen((int) Math.max(0, Math.min(4096, integer(backlog, 128))));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "accept", params = {"self"})
    @GenerateNodeFactory
    abstract static class AcceptNode extends BuiltinNode {
        @Specialization
        static Object doAccept(PySocket self) {
            return self.accept();
        }
    }

    @Builtin(name = "connect", params = {"self", "address"})
    @GenerateNodeFactory
    abstract static class ConnectNode extends BuiltinNode {
        @Specialization
        static Object doConnect(PySocket self, Object address) {
            self.connect(address);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "send", params = {"self", "data", "flags"}, required = 2)
    @GenerateNodeFactory
    abstract static class SendNode extends BuiltinNode {
        @Specialization
        static Object doSend(PySocket self, Object data, Object flags) {
            requireNoFlags(flags, "send");
            if (data instanceof PyBytesLike b) {
                return self.send(b.array(), 0, b.length());
            }
            if (data instanceof PyMemoryView v) {
                byte[] content = v.toArray();
                return self.send(content, 0, content.length);
            }
            throw PyErrors.typeError("a bytes-like object is required, not '" + PyOps.typeName(data) + "'");
        }
    }

    @Builtin(name = "sendall", params = {"self", "data", "flags"}, required = 2)
    @GenerateNodeFactory
    abstract static class SendAllNode extends BuiltinNode {
        @Specialization
        static Object doSendAll(PySocket self, Object data, Object flags) {
            requireNoFlags(flags, "sendall");
            byte[] content = bytes(data);
            self.sendall(content, 0, content.length);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "settimeout", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class SetTimeoutNode extends BuiltinNode {
        @Specialization
        static Object doSet(PySocket self, Object value) {
            if (value == PyNone.NONE) {
                self.setTimeout(-1);
                return PyNone.NONE;
            }
            double seconds;
            if (value instanceof Long || value instanceof Boolean || value instanceof Double) {
                seconds = Args.toDouble(value, "settimeout");
            } else {
                throw PyErrors.typeError("'" + PyOps.typeName(value) + "' object cannot be interpreted as an integer");
            }
            if (seconds < 0 || Double.isNaN(seconds)) {
                throw PyErrors.valueError("Timeout value out of range");
            }
            self.setTimeout(seconds);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "gettimeout", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetTimeoutNode extends BuiltinNode {
        @Specialization
        static Object doGet(PySocket self) {
            double t = self.timeout();
            return t < 0 ? PyNone.NONE : (Object) t;
        }
    }

    /** {@code sock.sendto(data, address)} or {@code sock.sendto(data, flags, address)}. */
    @Builtin(name = "sendto", params = {"self", "data", "flags_or_address", "address"}, required = 3)
    @GenerateNodeFactory
    abstract static class SendToNode extends BuiltinNode {
        @Specialization
        static Object doSendTo(PySocket self, Object data, Object flagsOrAddress, Object address) {
            Object to = Args.given(address) ? address : flagsOrAddress;
            if (Args.given(address)) {
                requireNoFlags(flagsOrAddress, "sendto");
            }
            byte[] content = bytes(data);
            return self.sendto(content, 0, content.length, to);
        }
    }

    @Builtin(name = "recvfrom", params = {"self", "bufsize", "flags"}, required = 2)
    @GenerateNodeFactory
    abstract static class RecvFromNode extends BuiltinNode {
        @Specialization
        static Object doRecvFrom(PySocket self, Object bufsize, Object flags) {
            long n = integer(bufsize, 0);
            requireNoFlags(flags, "recvfrom");
            if (n < 0) {
                throw PyErrors.valueError("negative buffersize in recvfrom");
            }
            return self.recvfrom((int) Math.min(n, 1 << 20));
        }
    }

    @Builtin(name = "recv", params = {"self", "bufsize", "flags"}, required = 2)
    @GenerateNodeFactory
    abstract static class RecvNode extends BuiltinNode {
        @Specialization
        static Object doRecv(PySocket self, Object bufsize, Object flags) {
            long n = integer(bufsize, 0);
            requireNoFlags(flags, "recv");
            if (n < 0) {
                throw PyErrors.valueError("negative buffersize in recv");
            }
            return self.recv((int) Math.min(n, 1 << 20));
        }
    }

    @Builtin(name = "shutdown", params = {"self", "how"})
    @GenerateNodeFactory
    abstract static class ShutdownNode extends BuiltinNode {
        @Specialization
        static Object doShutdown(PySocket self, Object how) {
            self.shutdown(integer(how, 2));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "close", params = {"self"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        static Object doClose(PySocket self) {
            self.close();
            return PyNone.NONE;
        }
    }

    /**
     * {@code sock.makefile(mode='r', buffering=None, *, encoding, errors, newline)}: a buffered binary
     * file over the socket (socket.aio's {@code _SocketFile}), and in text mode an
     * {@code io.TextIOWrapper} over that, with the mode set on it, as CPython's; the socket stays
     * open until the file is closed too.
     */
    @Builtin(name = "makefile", params = {"self", "mode", "buffering"}, required = 1, posOnly = 1, kwOnly = {"encoding", "errors", "newline"})
    @GenerateNodeFactory
    abstract static class MakefileNode extends BuiltinNode {
        @Specialization
        Object doMakefile(PySocket self, Object modeArg, Object buffering, Object encoding, Object errors, Object newline) {
            String mode = Args.given(modeArg) ? Args.string(modeArg, "makefile() argument 'mode'") : "r";
            if (!mode.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'b')) {
                throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "invalid mode " + PyOps.repr(mode) + " (only r, w, b allowed)");
            }
            boolean binary = mode.indexOf('b') >= 0;
            Object size = Args.orDefault(buffering, -1L);
            if (!binary && size instanceof Long n && n == 0) {
                throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "unbuffered streams must be binary");
            }
            boolean writing = mode.indexOf('w') >= 0;
            PyModule socket = AioContext.get(this).importModule("socket");
            self.fileOpened();
            Object file = Calls.call(socket.get("_SocketFile"), self, mode.indexOf('r') >= 0 || !writing, writing, size);
            if (binary) {
                return file;
            }
            Object text = Calls.call(AioContext.get(this).importModule("io").get("TextIOWrapper"), file, Args.orDefault(encoding, PyNone.NONE), Args.orDefault(errors, PyNone.NONE),
                            Args.orDefault(newline, PyNone.NONE));
            Attributes.set(text, "mode", mode);
            return text;
        }
    }

    /** What a file {@code makefile()} made calls once closed (CPython's name). */
    @Builtin(name = "_decref_socketios", params = {"self"})
    @GenerateNodeFactory
    abstract static class DecrefSocketIosNode extends BuiltinNode {
        @Specialization
        static Object doDecref(PySocket self) {
            self.fileClosed();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "fileno", params = {"self"})
    @GenerateNodeFactory
    abstract static class FilenoNode extends BuiltinNode {
        @Specialization
        static long doFileno(PySocket self) {
            return self.fileno();
        }
    }

    @Builtin(name = "getsockname", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetSockNameNode extends BuiltinNode {
        @Specialization
        static Object doGet(PySocket self) {
            return self.getsockname();
        }
    }

    @Builtin(name = "getpeername", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetPeerNameNode extends BuiltinNode {
        @Specialization
        static Object doGet(PySocket self) {
            return self.getpeername();
        }
    }

    @Builtin(name = "family", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class FamilyNode extends BuiltinNode {
        @Specialization
        static Object doGet(PySocket self) {
            return SocketModule.member("AddressFamily", self.family());
        }
    }

    @Builtin(name = "type", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class TypeNode extends BuiltinNode {
        @Specialization
        static Object doGet(PySocket self) {
            return SocketModule.member("SocketKind", self.type());
        }
    }

    @Builtin(name = "proto", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ProtoNode extends BuiltinNode {
        @Specialization
        static long doGet(PySocket self) {
            return self.proto();
        }
    }

    @Builtin(name = "__enter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class EnterNode extends BuiltinNode {
        @Specialization
        static Object doEnter(PySocket self) {
            return self;
        }
    }

    @Builtin(name = "__exit__", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        static Object doExit(PySocket self, PyTuple args) {
            self.close();
            return PyNone.NONE;
        }
    }
}
