package dev.aio.stdlib;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.kernel.InFlight;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SubclassableObject;

/**
 * A TCP or UDP socket, or a Unix domain stream socket ({@code AF_UNIX}, the JDK's
 * {@link UnixDomainSocketAddress} channels), of the {@code socket} module, on a JDK channel. TCP: a
 * {@link ServerSocketChannel} once it listens, a {@link SocketChannel} once it connects (or was
 * accepted); until then it only remembers the address it was bound to. UDP: a
 * {@link DatagramChannel}, opened when it is bound, connected or first sends. A non-blocking socket raises {@code BlockingIOError} where
 * CPython's does, so that asyncio's {@code sock_*} methods and transports wait for it on the loop's
 * selector; a blocking one waits without the interpreter lock ({@link SocketWait}), its JDK channel
 * still non-blocking. The embedder must allow socket access ({@code IOAccess} with host sockets).
 */
public final class PySocket extends SubclassableObject implements Watchable {
    static final PyType TYPE = new PyType("socket", "socket");
    static final long AF_UNIX = 1;
    static final long AF_INET = 2;
    static final long AF_INET6 = 10;
    static final long SOCK_STREAM = 1;
    static final long SOCK_DGRAM = 2;

    private final AioContext context;
    /** Given again by {@code socket.__init__}, which a class derived from socket reaches with {@code super().__init__(family, type)}. */
    private long family;
    private long type;
    private long proto;
    private NetworkChannel channel;
    private SocketAddress boundTo;
    /**
     * A TCP socket bound before it listens or connects: the JDK binds a stream socket only as a
     * server or as a client, so bind() opens the server side at once, which holds the port
     * (getsockname() then names the port the system chose, as socketserver and http.server read
     * it); listen() keeps it as the channel, connect() closes it and binds the client to its address.
     */
    private ServerSocketChannel portHolder;
    /** CPython's socket timeout: negative in blocking mode (None), 0 in non-blocking mode, else how long a call waits. */
    private long timeoutNanos = -1;
    private boolean reuseAddress;
    private boolean noDelay;
    private boolean broadcast;
    /** Where a UDP socket last sent a datagram: what it waits for is that peer's answer. */
    private InetSocketAddress lastPeer;
    private boolean closed;
    /** The local address this socket counts under in {@link ProgramSockets}, once it has one. */
    private SocketAddress registered;
    /** A connected TCP socket's peer, and the streams it writes and reads in {@link OwnTraffic} (inbound once the peer, a socket of the program, has connected). */
    private SocketAddress peer;
    private OwnStream outbound;
    private OwnStream inbound;
    /** An address of the program this socket is connecting to, counted in {@link OwnTraffic} until the connection is made or fails. */
    private SocketAddress connectingTo;
    /** The number {@code fileno()} gave it among the program's {@link FileDescriptors}, once asked; -1 before. */
    private long descriptor = -1;
    /** How many files {@code makefile()} made over it are open: the socket closes only once they are (CPython's {@code _io_refs}). */
    private int ioRefs;
    /** Whether {@code close()} was called while such files were open. */
    private boolean closeRequested;

    /** A socket of {@code cls}, socket or a class derived from it: TCP over IPv4 until {@link #init} says otherwise. */
    PySocket(AioContext context, PyType cls) {
        super(cls);
        this.context = context;
        this.family = AF_INET;
        this.type = SOCK_STREAM;
        if (!context.getEnv().isSocketIOAllowed()) {
            throw PyErrors.osError(13, "Permission denied (this aio context may not use sockets; embedders allow it with Context.Builder.allowIO)", null);
        }
    }

    /** {@code socket.__init__(family, type, proto)}: the kinds of socket the JDK's channels make. */
    void init(long newFamily, long newType, long newProto) {
        if (newFamily != AF_INET && newFamily != AF_INET6 && newFamily != AF_UNIX) {
            throw PyErrors.osError(97, "Address family not supported by protocol", null);
        }
        // The JDK has Unix domain stream channels only.
        if (newType != SOCK_STREAM && (newType != SOCK_DGRAM || newFamily == AF_UNIX)) {
            throw PyErrors.osError(94, "Socket type not supported", null);
        }
        this.family = newFamily;
        this.type = newType;
        this.proto = newProto;
    }

    private PySocket(AioContext context, SocketChannel accepted, long family) {
        super(TYPE);
        this.context = context;
        this.family = family;
        this.type = SOCK_STREAM;
        this.proto = 6;
        this.channel = accepted;
        try {
            accepted.configureBlocking(false);
        } catch (IOException e) {
            throw error(e, null);
        }
        context.openChannels().opened(accepted);
        registerLocalAddress();
        connectionMade();
    }

    /** Counts this socket's local address as the program's, once the JDK knows it (a connecting socket's only when connected). */
    private void registerLocalAddress() {
        if (registered == null) {
            registered = localAddress();
            sockets().opened(registered);
        }
    }

    private ProgramSockets sockets() {
        return context.programState(ProgramSockets.class, ProgramSockets::new);
    }

    private OwnTraffic traffic() {
        return context.programState(OwnTraffic.class, () -> new OwnTraffic(sockets()));
    }

    /** A TCP socket's connection is made (or accepted): the streams it writes and reads between the program's sockets. */
    private void connectionMade() {
        if (family == AF_UNIX || !(channel instanceof SocketChannel s)) {
            return;
        }
        connectingTo = null;
        try {
            peer = s.getRemoteAddress();
        } catch (IOException e) {
            return;
        }
        if (registered != null && peer != null) {
            outbound = traffic().outbound(registered, peer);
        }
    }

    /** The stream this connected socket reads, once its peer (a socket of the program) has connected too; else null. */
    private OwnStream inbound() {
        if (inbound == null && outbound != null) {
            inbound = traffic().inbound(registered, peer);
        }
        return inbound;
    }

    /** A connection to an address of the program ended before it was made (refused, or closed): it no longer waits to be accepted. */
    private void connectAbandoned() {
        if (connectingTo != null) {
            traffic().connectFailed(connectingTo);
            connectingTo = null;
        }
    }

    /** Whether what a blocking call waiting for {@code op} awaits is something the program sent this socket, on its way (see {@link OwnTraffic}). */
    private InFlight onTheWay(int op) {
        return switch (op) {
            case SelectionKey.OP_WRITE -> this::writableOnTheWay;
            // A connection to a socket of the program is made by the kernel alone, the loop's accept aside.
            case SelectionKey.OP_CONNECT -> () -> connectingTo != null;
            default -> this::readableOnTheWay;
        };
    }

    @Override
    @TruffleBoundary
    public boolean readableOnTheWay() {
        if (closed) {
            return false;
        }
        if (channel instanceof ServerSocketChannel) {
            return registered != null && traffic().awaitsAccept(registered);
        }
        OwnStream s = inbound();
        return s != null && s.hasUnread();
    }

    @Override
    public boolean writableOnTheWay() {
        return !closed && outbound != null && outbound.allRead();
    }

    long family() {
        return family;
    }

    long proto() {
        return proto;
    }

    long type() {
        return type;
    }

    /** The channel the loop's selector watches; OSError(EBADF) when closed or not yet listening or connecting. */
    @Override
    public SelectableChannel selectable() {
        if (closed || channel == null) {
            throw PyErrors.osError(9, "Bad file descriptor", null);
        }
        return (SelectableChannel) channel;
    }

    /**
     * Whether what this socket waits for comes from outside the program: a connection being made,
     * or data from a peer that is not one of the program's own sockets.
     */
    @Override
    @TruffleBoundary
    public boolean waitsForOutside() {
        if (channel instanceof SocketChannel s) {
            if (s.isConnectionPending()) {
                return true;
            }
            try {
                return s.isConnected() && !sockets().isOwn(s.getRemoteAddress());
            } catch (IOException e) {
                return false;
            }
        }
        if (channel instanceof DatagramChannel d) {
            try {
                InetSocketAddress peer = d.isConnected() ? (InetSocketAddress) d.getRemoteAddress() : lastPeer;
                return peer != null && !sockets().isOwn(peer);
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    void setBlocking(boolean flag) {
        timeoutNanos = flag ? -1 : 0;
    }

    boolean isBlocking() {
        return timeoutNanos != 0;
    }

    /** {@code sock.settimeout(seconds)}: negative for None (blocking without limit), 0 for non-blocking. */
    void setTimeout(double seconds) {
        timeoutNanos = seconds < 0 ? -1 : (long) (seconds * 1e9);
    }

    /** {@code sock.gettimeout()} in seconds: negative for None. */
    double timeout() {
        return timeoutNanos < 0 ? -1 : timeoutNanos / 1e9;
    }

    /**
     * A call that found the channel not ready for {@code op}: BlockingIOError on a non-blocking
     * socket, else waits for it without the interpreter lock (TimeoutError once the socket's
     * timeout passed), as CPython's {@code sock_call}.
     */
    private void waitUntilReady(int op) {
        waitUntilReady(op, timeoutNanos);
    }

    private void waitUntilReady(int op, long nanos) {
        if (nanos == 0) {
            throw wouldBlock();
        }
        if (!SocketWait.until(context, (SelectableChannel) channel, op, nanos, onTheWay(op))) {
            throw PyErrors.raise(BuiltinTypes.TIMEOUT_ERROR, "timed out");
        }
    }

    @TruffleBoundary
    void setOption(long level, long option, Object value) {
        boolean on = PyOps.isTrue(value);
        if (level == SocketModule.SOL_SOCKET && option == SocketModule.SO_REUSEADDR) {
            reuseAddress = on;
        } else if (level == SocketModule.SOL_SOCKET && option == SocketModule.SO_BROADCAST && type == SOCK_DGRAM) {
            broadcast = on;
            if (channel instanceof DatagramChannel d) {
                try {
                    d.setOption(StandardSocketOptions.SO_BROADCAST, on);
                } catch (IOException e) {
                    throw error(e, null);
                }
            }
        } else if (level == SocketModule.IPPROTO_TCP && option == SocketModule.TCP_NODELAY && type == SOCK_STREAM) {
            noDelay = on;
            if (channel instanceof SocketChannel s) {
                try {
                    s.setOption(StandardSocketOptions.TCP_NODELAY, on);
                } catch (IOException e) {
                    throw error(e, null);
                }
            }
        } else {
            throw PyErrors.osError(92, "Protocol not available", null);
        }
    }

    @TruffleBoundary
    void bind(Object address) {
        checkOpen();
        if (channel != null) {
            throw PyErrors.osError(22, "Invalid argument", null);
        }
        boundTo = address(address);
        if (family == AF_UNIX && Files.exists(((UnixDomainSocketAddress) boundTo).getPath(), LinkOption.NOFOLLOW_LINKS)) {
            // The JDK binds a Unix socket only when it listens or connects; the name is taken now, as CPython's bind() finds it.
            boundTo = null;
            throw PyErrors.osError(98, "Address already in use", null);
        }
        if (type == SOCK_DGRAM) {
            // A UDP socket is bound at once: getsockname() then names the port the system chose.
            datagram();
        } else if (family != AF_UNIX) {
            holdPort();
        }
    }

    private void holdPort() {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
            server.bind(boundTo);
            server.configureBlocking(false);
            portHolder = server;
            boundTo = server.getLocalAddress();
        } catch (IOException e) {
            boundTo = null;
            throw error(e, null);
        }
    }

    /** The UDP socket's channel, opened (and bound to the address given to bind(), else to any free port) on first use. */
    private DatagramChannel datagram() {
        checkOpen();
        if (channel instanceof DatagramChannel d) {
            return d;
        }
        try {
            DatagramChannel d = DatagramChannel.open(family == AF_INET6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            d.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
            d.setOption(StandardSocketOptions.SO_BROADCAST, broadcast);
            d.bind(boundTo);
            d.configureBlocking(false);
            channel = d;
            context.openChannels().opened(d);
            registerLocalAddress();
            return d;
        } catch (IOException e) {
            throw error(e, null);
        }
    }

    /** {@code sock.sendto(data, address)}: sends one datagram; when the system has no room for it now, BlockingIOError, or a blocking socket waits. */
    @TruffleBoundary
    long sendto(byte[] data, int offset, int length, Object address) {
        if (type != SOCK_DGRAM) {
            boolean isConnected = channel instanceof SocketChannel c && c.isConnected();
            throw isConnected ? PyErrors.osError(106, "Transport endpoint is already connected", null) : PyErrors.osError(32, "Broken pipe", null);
        }
        InetSocketAddress to = SocketModule.socketAddress(address, family);
        if (to.isUnresolved()) {
            throw SocketModule.gaiError();
        }
        DatagramChannel d = datagram();
        try {
            int n;
            while ((n = d.send(ByteBuffer.wrap(data, offset, length), to)) == 0 && length > 0) {
                waitUntilReady(SelectionKey.OP_WRITE);
            }
            lastPeer = to;
            return n;
        } catch (IOException | AlreadyConnectedException e) {
            throw error(e, null);
        }
    }

    /** {@code sock.recvfrom(n)}: (one datagram, cut to n bytes, the sender's address); when none is waiting, BlockingIOError, or a blocking socket waits. */
    @TruffleBoundary
    PyTuple recvfrom(int max) {
        if (type != SOCK_DGRAM) {
            return PyTuple.of(recv(max), PyNone.NONE);
        }
        DatagramChannel d = datagram();
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, max));
        try {
            SocketAddress from;
            while ((from = d.receive(b)) == null) {
                waitUntilReady(SelectionKey.OP_READ);
            }
            byte[] got = new byte[b.position()];
            System.arraycopy(b.array(), 0, got, 0, got.length);
            return PyTuple.of(new PyBytes(got), SocketModule.addressTuple((InetSocketAddress) from));
        } catch (IOException e) {
            throw error(e, null);
        }
    }

    @TruffleBoundary
    void listen(int backlog) {
        checkOpen();
        if (type == SOCK_DGRAM) {
            throw PyErrors.osError(95, "Operation not supported", null);
        }
        if (channel instanceof ServerSocketChannel) {
            return;
        }
        try {
            ServerSocketChannel server;
            if (portHolder != null) {
                // Bound and listening since bind(), with the JDK's backlog.
                server = portHolder;
                portHolder = null;
            } else if (family == AF_UNIX) {
                server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(boundTo, backlog);
            } else {
                server = ServerSocketChannel.open();
                server.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
                server.bind(boundTo != null ? boundTo : new InetSocketAddress(0), backlog);
            }
            server.configureBlocking(false);
            channel = server;
            context.openChannels().opened(server);
            registerLocalAddress();
        } catch (IOException e) {
            throw error(e, null);
        }
    }

    /** {@code sock.accept()}: (a new socket, the peer's address); when none is waiting, BlockingIOError, or a blocking socket waits. */
    @TruffleBoundary
    PyTuple accept() {
        if (type == SOCK_DGRAM) {
            throw PyErrors.osError(95, "Operation not supported", null);
        }
        if (!(channel instanceof ServerSocketChannel server)) {
            throw PyErrors.osError(22, "Invalid argument", null);
        }
        try {
            SocketChannel accepted;
            while ((accepted = server.accept()) == null) {
                waitUntilReady(SelectionKey.OP_ACCEPT);
            }
            if (family != AF_UNIX) {
                traffic().accepted(registered);
            }
            PySocket s = new PySocket(context, accepted, family);
            return PyTuple.of(s, SocketModule.address(accepted.getRemoteAddress()));
        } catch (IOException e) {
            throw error(e, null);
        }
    }

    /**
     * {@code sock.connect(address)}: on a non-blocking socket, BlockingIOError (EINPROGRESS) while
     * the connection is being made ({@link #connectError()} says how it ended); a blocking one
     * waits for it.
     */
    @TruffleBoundary
    void connect(Object address) {
        checkOpen();
        SocketAddress to = address(address);
        if (type == SOCK_DGRAM) {
            // A UDP connect only fixes the peer: it never waits.
            try {
                datagram().connect(to);
                return;
            } catch (IOException e) {
                throw error(e, null);
            }
        }
        try {
            SocketChannel s = channel instanceof SocketChannel existing ? existing : openClient();
            boolean own = family != AF_UNIX && !s.isConnectionPending() && !s.isConnected() && sockets().isOwn(to);
            if (own) {
                traffic().connecting(to);
                connectingTo = to;
            }
            if (!s.connect(to)) {
                if (timeoutNanos == 0) {
                    throw PyErrors.osError(115, "Operation now in progress", null);
                }
                do {
                    waitUntilReady(SelectionKey.OP_CONNECT);
                } while (!s.finishConnect());
            }
            registerLocalAddress();
            connectionMade();
        } catch (IOException | UnresolvedAddressException | AlreadyConnectedException | ConnectionPendingException e) {
            AioException error = error(e, null);
            if (!(channel instanceof SocketChannel s && (s.isConnectionPending() || s.isConnected()))) {
                connectAbandoned();
            }
            throw error;
        }
    }

    private SocketChannel openClient() throws IOException {
        if (family == AF_UNIX) {
            SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX);
            if (boundTo != null) {
                s.bind(boundTo);
            }
            s.configureBlocking(false);
            channel = s;
            context.openChannels().opened(s);
            return s;
        }
        SocketChannel s = SocketChannel.open();
        if (portHolder != null) {
            portHolder.close();
            portHolder = null;
            s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            s.bind(boundTo);
        } else if (boundTo != null) {
            s.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
            s.bind(boundTo);
        }
        s.setOption(StandardSocketOptions.TCP_NODELAY, noDelay);
        s.configureBlocking(false);
        channel = s;
        context.openChannels().opened(s);
        return s;
    }

    /** {@code sock.getsockopt(SOL_SOCKET, SO_ERROR)} after a non-blocking connect: 0, or the errno it failed with. */
    @TruffleBoundary
    long connectError() {
        if (!(channel instanceof SocketChannel s)) {
            return 0;
        }
        try {
            if (s.isConnectionPending() && !s.finishConnect()) {
                return 115;
            }
            registerLocalAddress();
            if (outbound == null) {
                connectionMade();
            }
            return 0;
        } catch (IOException e) {
            connectAbandoned();
            AioException error = error(e, null);
            return error.getException().getArgs().items()[0] instanceof Long errno ? errno : 5;
        }
    }

    /** {@code sock.send(data)}: how many bytes went; when none could, BlockingIOError, or a blocking socket waits. */
    @TruffleBoundary
    long send(byte[] data, int offset, int length) {
        ByteChannel s = connected();
        try {
            int n;
            while ((n = s.write(ByteBuffer.wrap(data, offset, length))) == 0 && length > 0) {
                waitUntilReady(SelectionKey.OP_WRITE);
            }
            sentOnStream(n);
            return n;
        } catch (IOException e) {
            throw error(e, null);
        }
    }

    /**
     * {@code sock.sendall(data)}: sends all of it, a blocking socket waiting for room as often as
     * it must (its timeout counts for the whole call, as in CPython); a non-blocking one raises
     * BlockingIOError once the system takes no more.
     */
    @TruffleBoundary
    void sendall(byte[] data, int offset, int length) {
        ByteChannel s = connected();
        ByteBuffer left = ByteBuffer.wrap(data, offset, length);
        long timeout = timeoutNanos;
        long deadline = System.nanoTime() + timeout;
        try {
            while (left.hasRemaining()) {
                int n = s.write(left);
                sentOnStream(n);
                if (n == 0) {
                    waitUntilReady(SelectionKey.OP_WRITE, timeout <= 0 ? timeout : Math.max(1, deadline - System.nanoTime()));
                }
            }
        } catch (IOException e) {
            throw error(e, null);
        }
    }

    /** {@code sock.recv(n)}: up to n bytes, b'' at the end of the stream; when none is there yet, BlockingIOError, or a blocking socket waits. */
    @TruffleBoundary
    PyBytes recv(int max) {
        if (type == SOCK_DGRAM && !(channel instanceof DatagramChannel d && d.isConnected())) {
            // An unconnected UDP socket receives from anyone.
            return (PyBytes) recvfrom(max).items()[0];
        }
        ByteChannel s = connected();
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, max));
        try {
            int n;
            while ((n = s.read(b)) == 0 && max > 0) {
                waitUntilReady(SelectionKey.OP_READ);
            }
            readFromStream(n);
            if (n < 0) {
                return PyBytes.EMPTY;
            }
            byte[] got = new byte[n];
            System.arraycopy(b.array(), 0, got, 0, n);
            return new PyBytes(got);
        } catch (IOException e) {
            // A reset connection: nothing more comes.
            readFromStream(-1);
            throw error(e, null);
        }
    }

    /** Counts bytes a TCP socket wrote for its peer to read ({@link OwnTraffic}). */
    private void sentOnStream(int n) {
        if (outbound != null) {
            outbound.sent(n);
        }
    }

    /** Counts bytes a TCP socket read, or (negative) the end of its stream. */
    private void readFromStream(int n) {
        OwnStream s = outbound == null ? null : inbound();
        if (s != null) {
            if (n < 0) {
                s.over();
            } else {
                s.read(n);
            }
        }
    }

    @TruffleBoundary
    void shutdown(long how) {
        if (!(connected() instanceof SocketChannel s)) {
            throw PyErrors.osError(107, "Transport endpoint is not connected", null);
        }
        try {
            if (how == 0 || how == 2) {
                s.shutdownInput();
            }
            if (how == 1 || how == 2) {
                s.shutdownOutput();
                if (outbound != null) {
                    outbound.end();
                }
            }
        } catch (IOException e) {
            throw error(e, null);
        }
    }

    private ByteChannel connected() {
        checkOpen();
        if (channel instanceof SocketChannel s && s.isConnected()) {
            return s;
        }
        if (channel instanceof DatagramChannel d && d.isConnected()) {
            return d;
        }
        if (type == SOCK_DGRAM) {
            throw PyErrors.osError(89, "Destination address required", null);
        }
        throw PyErrors.osError(107, "Transport endpoint is not connected", null);
    }

    private void checkOpen() {
        if (closed) {
            throw PyErrors.osError(9, "Bad file descriptor", null);
        }
    }

    /**
     * {@code sock.fileno()}: its number among the program's descriptors, given when first asked
     * (the JVM hands out none), so that {@code select} and {@code selectors} can name it; -1 once closed.
     */
    @TruffleBoundary
    long fileno() {
        if (closed) {
            return -1;
        }
        if (descriptor < 0) {
            descriptor = OsDescriptors.descriptors(context).add(this);
        }
        return descriptor;
    }

    boolean isClosed() {
        return closed;
    }

    /** A file over this socket was made ({@code makefile}). */
    void fileOpened() {
        checkOpen();
        ioRefs++;
    }

    /** A file over this socket was closed: the socket closes too if the program closed it meanwhile (CPython's {@code _decref_socketios}). */
    void fileClosed() {
        if (ioRefs > 0) {
            ioRefs--;
        }
        if (closeRequested) {
            close();
        }
    }

    /** {@code sock.close()}: closes the socket, or once the last file {@code makefile()} made over it is closed. */
    @TruffleBoundary
    void close() {
        closeRequested = true;
        if (ioRefs > 0 || closed) {
            return;
        }
        if (channel instanceof SocketChannel s && s.isConnectionPending()) {
            connectAbandoned();
        }
        if (outbound != null) {
            outbound.end();
            OwnStream in = inbound();
            if (in != null) {
                // What was sent to it is dropped (the peer's writes fail): its writer waits for nothing of the program's.
                in.over();
            }
            traffic().closed(registered, peer);
        }
        if (channel instanceof ServerSocketChannel && registered != null) {
            traffic().listenerClosed(registered);
        }
        closed = true;
        if (descriptor >= 0) {
            OsDescriptors.descriptors(context).release(descriptor);
        }
        if (portHolder != null) {
            try {
                portHolder.close();
            } catch (IOException e) {
                // Nothing was ever sent through it.
            }
        }
        if (channel != null) {
            sockets().closed(registered);
            context.openChannels().closed(channel);
            try {
                channel.close();
            } catch (IOException e) {
                // CPython's close ignores ECONNRESET and the like too.
            }
        }
    }

    /** The channel, also once closed (its reader and writer can still be removed from the loop), or null before it listens or connects. */
    @Override
    public SelectableChannel channelOrNull() {
        return (SelectableChannel) channel;
    }

    @TruffleBoundary
    SocketAddress localAddress() {
        try {
            return channel == null ? boundTo : channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** An address as the JDK takes it: {@code (host, port)} for IP, a path (str or bytes) for AF_UNIX. */
    private SocketAddress address(Object address) {
        if (family == AF_UNIX) {
            String path = address instanceof String p ? p : address instanceof PyBytesLike b ? new String(b.toArray(), StandardCharsets.UTF_8) : null;
            if (path == null) {
                throw PyErrors.typeError("a bytes-like object is required, not '" + PyOps.typeName(address) + "'");
            }
            try {
                return UnixDomainSocketAddress.of(path);
            } catch (InvalidPathException e) {
                throw PyErrors.raise(BuiltinTypes.VALUE_ERROR, "embedded null byte");
            }
        }
        InetSocketAddress a = SocketModule.socketAddress(address, family);
        if (a.isUnresolved()) {
            throw SocketModule.gaiError();
        }
        return a;
    }

    @TruffleBoundary
    Object getsockname() {
        checkOpen();
        SocketAddress a = localAddress();
        if (a == null) {
            return family == AF_UNIX ? "" : SocketModule.address(new InetSocketAddress(family == AF_INET6 ? "::" : "0.0.0.0", 0));
        }
        return SocketModule.address(a);
    }

    @TruffleBoundary
    Object getpeername() {
        checkOpen();
        try {
            SocketAddress a = channel instanceof SocketChannel s ? s.getRemoteAddress() : channel instanceof DatagramChannel d ? d.getRemoteAddress() : null;
            if (a == null) {
                throw PyErrors.osError(107, "Transport endpoint is not connected", null);
            }
            return SocketModule.address(a);
        } catch (IOException e) {
            throw error(e, null);
        }
    }

    private static AioException wouldBlock() {
        return PyErrors.osError(11, "Resource temporarily unavailable", null);
    }

    /** A JDK socket failure as the OSError CPython raises for it. */
    @TruffleBoundary
    static AioException error(Throwable e, Object address) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof ConnectException || m.contains("Connection refused")) {
            return PyErrors.osError(111, "Connection refused", null);
        }
        if (e instanceof PortUnreachableException) {
            return PyErrors.osError(111, "Connection refused", null);
        }
        if (m.contains("No such file or directory")) {
            return PyErrors.osError(2, "No such file or directory", null);
        }
        if (m.contains("Permission denied")) {
            return PyErrors.osError(13, "Permission denied", null);
        }
        if (m.contains("Connection reset")) {
            return PyErrors.osError(104, "Connection reset by peer", null);
        }
        if (m.contains("Broken pipe")) {
            return PyErrors.osError(32, "Broken pipe", null);
        }
        if (e instanceof BindException) {
            return m.contains("in use") ? PyErrors.osError(98, "Address already in use", null) : PyErrors.osError(99, "Cannot assign requested address", null);
        }
        if (e instanceof NoRouteToHostException) {
            return PyErrors.osError(113, "No route to host", null);
        }
        if (e instanceof ClosedChannelException) {
            return PyErrors.osError(9, "Bad file descriptor", null);
        }
        if (e instanceof NotYetConnectedException) {
            return PyErrors.osError(107, "Transport endpoint is not connected", null);
        }
        if (e instanceof AlreadyConnectedException) {
            return PyErrors.osError(106, "Transport endpoint is already connected", null);
        }
        if (e instanceof ConnectionPendingException) {
            return PyErrors.osError(114, "Operation already in progress", null);
        }
        if (e instanceof UnresolvedAddressException || e instanceof UnknownHostException) {
            return SocketModule.gaiError();
        }
        return PyErrors.raise(BuiltinTypes.OS_ERROR, m);
    }

    @Override
    @TruffleBoundary
    public String repr() {
        if (closed) {
            return "<" + getPyType().qualifiedName() + " [closed] fd=-1, family=" + family + ", type=" + type + ", proto=" + proto + ">";
        }
        StringBuilder b = new StringBuilder("<").append(getPyType().qualifiedName()).append(" family=").append(family).append(", type=").append(type).append(", proto=").append(proto);
        SocketAddress local = localAddress();
        if (local != null) {
            b.append(", laddr=").append(PyOps.repr(SocketModule.address(local)));
        }
        if (channel instanceof SocketChannel s && s.isConnected() || channel instanceof DatagramChannel d && d.isConnected()) {
            b.append(", raddr=").append(PyOps.repr(getpeername()));
        }
        return b.append('>').toString();
    }
}
