package dev.aio.stdlib;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * {@code socket}: the TCP, UDP and Unix domain stream part of CPython's module ({@link PySocket}), IPv4
 * and IPv6 addresses as {@code (host, port)} tuples, Unix ones as paths, and {@code getaddrinfo} through
 * the JDK's resolver.
 */
public final class SocketModule {
    static final long SOL_SOCKET = 1;
    static final long SO_REUSEADDR = 2;
    static final long SO_ERROR = 4;
    static final long SO_BROADCAST = 6;
    static final long IPPROTO_TCP = 6;
    static final long TCP_NODELAY = 1;
    static final long IPPROTO_UDP = 17;
    static final long SOCK_RAW = 3;
    /** {@code getaddrinfo} flags, Linux's values. */
    static final long AI_PASSIVE = 1;
    static final long AI_CANONNAME = 2;
    static final long AI_NUMERICHOST = 4;
    static final long AI_NUMERICSERV = 1024;
    /** {@code getnameinfo} flags, Linux's values. */
    static final long NI_NUMERICHOST = 1;
    static final long NI_NUMERICSERV = 2;
    static final long NI_NOFQDN = 4;
    static final long NI_NAMEREQD = 8;
    static final long NI_DGRAM = 16;

    private SocketModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("socket");
        m.defineFunctions(context.getLanguage(), SocketModuleFactory.getFactories());
        m.put("socket", PySocket.TYPE);
        m.put("SocketType", PySocket.TYPE);
        m.put("gaierror", GAIERROR);
        m.put("timeout", BuiltinTypes.TIMEOUT_ERROR);
        m.put("AF_UNIX", PySocket.AF_UNIX);
        m.put("AF_INET", PySocket.AF_INET);
        m.put("AF_INET6", PySocket.AF_INET6);
        m.put("AF_UNSPEC", 0L);
        m.put("SOCK_STREAM", PySocket.SOCK_STREAM);
        m.put("SOCK_DGRAM", PySocket.SOCK_DGRAM);
        m.put("IPPROTO_UDP", IPPROTO_UDP);
        m.put("SO_BROADCAST", SO_BROADCAST);
        m.put("SOL_SOCKET", SOL_SOCKET);
        m.put("SO_REUSEADDR", SO_REUSEADDR);
        m.put("SO_ERROR", SO_ERROR);
        m.put("IPPROTO_TCP", IPPROTO_TCP);
        m.put("TCP_NODELAY", TCP_NODELAY);
        m.put("SHUT_RD", 0L);
        m.put("SHUT_WR", 1L);
        m.put("SHUT_RDWR", 2L);
        m.put("SOCK_RAW", SOCK_RAW);
        m.put("IPPROTO_IP", 0L);
        m.put("IPPROTO_IPV6", 41L);
        m.put("IPPROTO_RAW", 255L);
        m.put("AI_PASSIVE", AI_PASSIVE);
        m.put("AI_CANONNAME", AI_CANONNAME);
        m.put("AI_NUMERICHOST", AI_NUMERICHOST);
        m.put("AI_V4MAPPED", 8L);
        m.put("AI_ALL", 16L);
        m.put("AI_ADDRCONFIG", 32L);
        m.put("AI_NUMERICSERV", AI_NUMERICSERV);
        // CPython's socket.py turns the families and kinds getaddrinfo returns into these IntEnums.
        Object intEnum = context.importModule("enum").get("IntEnum");
        m.put("AddressFamily", Calls.call(intEnum, new Object[]{"AddressFamily", new PyList(new Object[]{PyTuple.of("AF_UNSPEC", 0L), PyTuple.of("AF_UNIX", PySocket.AF_UNIX),
                        PyTuple.of("AF_INET", PySocket.AF_INET), PyTuple.of("AF_INET6", PySocket.AF_INET6)})}, new String[]{"module"}, new Object[]{"socket"}));
        m.put("SocketKind", Calls.call(intEnum, new Object[]{"SocketKind", new PyList(new Object[]{PyTuple.of("SOCK_STREAM", PySocket.SOCK_STREAM),
                        PyTuple.of("SOCK_DGRAM", PySocket.SOCK_DGRAM), PyTuple.of("SOCK_RAW", SOCK_RAW)})}, new String[]{"module"}, new Object[]{"socket"}));
        // As socket.py's IntEnum._convert_: the module's AF_* and SOCK_* names are the members themselves.
        for (String enumName : new String[]{"AddressFamily", "SocketKind"}) {
            for (Object member : Iteration.toArray(m.get(enumName))) {
                m.put((String) Attributes.get(member, "name"), member);
            }
        }
        m.put("NI_NUMERICHOST", NI_NUMERICHOST);
        m.put("NI_NUMERICSERV", NI_NUMERICSERV);
        m.put("NI_NOFQDN", NI_NOFQDN);
        m.put("NI_NAMEREQD", NI_NAMEREQD);
        m.put("NI_DGRAM", NI_DGRAM);
        AioStdlib.runInto(context, m, "socket");
        return m;
    }

    /** {@code socket.gaierror}: what the resolver reports, an OSError with getaddrinfo's error code. */
    static final PyType GAIERROR = new PyType("gaierror", "socket", BuiltinTypes.OS_ERROR);

    /** CPython's {@code socket.gaierror} for a name the resolver does not know. */
    static AioException gaiError() {
        return gaiError(-2, "Name or service not known");
    }

    static AioException gaiError(long code, String message) {
        return new AioException(PyBaseException.osError(GAIERROR, PyTuple.of(code, message)), null);
    }

    /** {@code (host, port)} (IPv6: {@code (host, port, flowinfo, scope_id)}) as a JDK address, unresolved if the name is unknown. */
    @TruffleBoundary
    static InetSocketAddress socketAddress(Object address, long family) {
        if (!(address instanceof PyTuple t) || t.items().length < 2) {
            String want = family == PySocket.AF_INET6 ? "AF_INET6" : "AF_INET";
            throw PyErrors.typeError(want + " address must be tuple, not " + PyOps.typeName(address));
        }
        Object host = t.items()[0];
        Object port = t.items()[1];
        if (!(host instanceof String h)) {
            throw PyErrors.typeError("str, bytes or bytearray expected, not " + PyOps.typeName(host));
        }
        if (!(port instanceof Long p)) {
            throw PyErrors.typeError("'" + PyOps.typeName(port) + "' object cannot be interpreted as an integer");
        }
        if (p < 0 || p > 65535) {
            throw PyErrors.raise(BuiltinTypes.OVERFLOW_ERROR, "connect(): port must be 0-65535.");
        }
        String name = h.isEmpty() ? (family == PySocket.AF_INET6 ? "::" : "0.0.0.0") : h;
        try {
            return new InetSocketAddress(InetAddress.getByName(name), (int) (long) p);
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(name, (int) (long) p);
        }
    }

    /** A JDK address as CPython gives it: a tuple for IP, the path for AF_UNIX ('' for an unnamed socket). */
    @TruffleBoundary
    static Object address(SocketAddress a) {
        if (a instanceof UnixDomainSocketAddress u) {
            return u.getPath().toString();
        }
        return addressTuple((InetSocketAddress) a);
    }

    /** A JDK address as CPython's address tuple. */
    @TruffleBoundary
    static PyTuple addressTuple(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        if (ip instanceof Inet6Address v6) {
            String host = v6.getHostAddress();
            int percent = host.indexOf('%');
            host = compressIPv6(percent < 0 ? host : host.substring(0, percent));
            return PyTuple.of(host, (long) a.getPort(), 0L, (long) v6.getScopeId());
        }
        return PyTuple.of(ip == null ? a.getHostString() : ip.getHostAddress(), (long) a.getPort());
    }

    /** The JDK writes {@code 0:0:0:0:0:0:0:1}; CPython {@code ::1}. */
    private static String compressIPv6(String full) {
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < parts.length;) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", List.of(parts).subList(0, bestStart));
        String tail = String.join(":", List.of(parts).subList(bestStart + bestLength, parts.length));
        return head + "::" + tail;
    }

    /**
     * The member of the socket module's {@code AddressFamily} or {@code SocketKind} ({@code enumName})
     * for {@code value}, or the int where it has none (CPython's {@code _intenum_converter}).
     */
    @TruffleBoundary
    static Object member(String enumName, long value) {
        Object members = AioContext.get(null).importModule("socket").get(enumName);
        try {
            return Calls.call(members, value);
        } catch (AioException e) {
            if (e.getPyType().isSubtypeOf(BuiltinTypes.VALUE_ERROR)) {
                return value;
            }
            throw e;
        }
    }

    /**
     * {@code socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)}: the JDK's resolver
     * (a blocking call, as CPython's; asyncio calls it in a worker thread), with glibc's answers:
     * one entry per socket kind for each address when {@code type} is 0 (stream, datagram, raw),
     * {@code AI_PASSIVE}'s wildcard address and {@code AI_NUMERICHOST}'s refusal of names, the
     * canonical name in the first entry for {@code AI_CANONNAME}, and the family and kind as the
     * {@code AddressFamily} and {@code SocketKind} members CPython's socket.py makes of them.
     */
    @Builtin(name = "getaddrinfo", params = {"host", "port", "family", "type", "proto", "flags"}, required = 2, posOnly = 0)
    @GenerateNodeFactory
    abstract static class GetAddrInfoNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doGetAddrInfo(Object host, Object port, Object family, Object type, Object proto, Object flags) {
            long wantFamily = Args.given(family) ? Args.index(family, "family") : 0;
            long wantType = Args.given(type) ? Args.index(type, "type") : 0;
            long wantProto = Args.given(proto) ? Args.index(proto, "proto") : 0;
            long flagBits = Args.given(flags) ? Args.index(flags, "flags") : 0;
            if (host != PyNone.NONE && !(host instanceof String)) {
                throw PyErrors.typeError("getaddrinfo() argument 1 must be string or None");
            }
            long p;
            if (port == PyNone.NONE) {
                p = 0;
            } else if (port instanceof String s) {
                p = (flagBits & AI_NUMERICSERV) != 0 && !s.matches("\\d+") ? -2 : servicePort(s, wantType == PySocket.SOCK_DGRAM);
            } else if (PyOps.isInstance(port, BuiltinTypes.INT)) {
                p = Args.index(port, "port");
            } else {
                throw PyErrors.raise(BuiltinTypes.OS_ERROR, "Int or String expected");
            }
            if (p == -2) {
                throw gaiError();
            }
            if (p < 0) {
                throw gaiError(-8, "Servname not supported for ai_socktype");
            }
            InetAddress[] found = resolve((String) (host == PyNone.NONE ? null : host), wantFamily, flagBits);
            List<Object> infos = new ArrayList<>();
            for (InetAddress a : found) {
                long fam = a instanceof Inet6Address ? PySocket.AF_INET6 : PySocket.AF_INET;
                if (wantFamily != 0 && wantFamily != fam) {
                    continue;
                }
                for (long[] kind : new long[][]{{PySocket.SOCK_STREAM, IPPROTO_TCP}, {PySocket.SOCK_DGRAM, IPPROTO_UDP}, {SOCK_RAW, 0}}) {
                    // A protocol picks the kinds that carry it; a raw socket takes any, but only when asked for.
                    boolean protoMismatch = wantProto != 0 && (kind[0] == SOCK_RAW ? wantType != SOCK_RAW : wantProto != kind[1]);
                    if (wantType != 0 && wantType != kind[0] || protoMismatch) {
                        continue;
                    }
                    String canonical = infos.isEmpty() && (flagBits & AI_CANONNAME) != 0 ? (host == PyNone.NONE ? "" : (String) host) : "";
                    infos.add(PyTuple.of(member("AddressFamily", fam), member("SocketKind", kind[0]), wantProto != 0 ? wantProto : kind[1], canonical,
                                    addressTuple(new InetSocketAddress(a, (int) p))));
                }
            }
            if (infos.isEmpty()) {
                throw gaiError(-9, "Address family for hostname not supported");
            }
            return new PyList(infos.toArray());
        }

        /** The addresses of {@code host}: no host is the loopback address, or with AI_PASSIVE the wildcard one; AI_NUMERICHOST takes only a literal address. */
        private static InetAddress[] resolve(String host, long family, long flags) {
            try {
                if (host == null) {
                    boolean v6 = family == PySocket.AF_INET6;
                    if ((flags & AI_PASSIVE) != 0) {
                        return new InetAddress[]{InetAddress.getByName(v6 ? "::" : "0.0.0.0")};
                    }
                    return new InetAddress[]{InetAddress.getByName(v6 ? "::1" : "127.0.0.1")};
                }
                if ((flags & AI_NUMERICHOST) != 0 && !isNumericHost(host)) {
                    throw gaiError();
                }
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw gaiError();
            }
        }

        private static boolean isNumericHost(String host) {
            return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":") && host.matches("[0-9A-Fa-f:.%a-zA-Z]+");
        }
    }

    /** A port given to getaddrinfo as a string: digits, or a service name ("https"); -1 if unknown. */
    private static long servicePort(String service, boolean datagram) {
        if (service.matches("\\d+")) {
            return Long.parseLong(service);
        }
        return ServiceNames.get().port(service, datagram ? "udp" : "tcp");
    }

    /** {@code socket.getservbyname(servicename, protocolname=None)}: the services database's port. */
    @Builtin(name = "getservbyname", params = {"servicename", "protocolname"}, required = 1)
    @GenerateNodeFactory
    abstract static class GetServByNameNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doLookup(Object service, Object proto) {
            if (!(service instanceof String name)) {
                throw PyErrors.typeError("getservbyname() argument 1 must be str, not " + PyOps.typeName(service));
            }
            int port = ServiceNames.get().port(name, protocol("getservbyname", proto));
            if (port < 0) {
                throw PyErrors.raise(BuiltinTypes.OS_ERROR, "service/proto not found");
            }
            return (long) port;
        }
    }

    /** {@code socket.getservbyport(port, protocolname=None)}: the services database's name. */
    @Builtin(name = "getservbyport", params = {"port", "protocolname"}, required = 1)
    @GenerateNodeFactory
    abstract static class GetServByPortNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doLookup(Object port, Object proto) {
            if (!(port instanceof Long p)) {
                throw PyErrors.typeError("'" + PyOps.typeName(port) + "' object cannot be interpreted as an integer");
            }
            if (p < 0 || p > 65535) {
                throw PyErrors.raise(BuiltinTypes.OVERFLOW_ERROR, "getservbyport: port must be 0-65535.");
            }
            String name = ServiceNames.get().name((int) (long) p, protocol("getservbyport", proto));
            if (name == null) {
                throw PyErrors.raise(BuiltinTypes.OS_ERROR, "port/proto not found");
            }
            return name;
        }
    }

    private static String protocol(String function, Object proto) {
        if (proto == Missing.INSTANCE) {
            return null;
        }
        if (!(proto instanceof String s)) {
            throw PyErrors.typeError(function + "() argument 2 must be str, not " + PyOps.typeName(proto));
        }
        return s;
    }

    /**
     * {@code socket.getnameinfo((host, port), flags)}: the host's name by a reverse lookup through the
     * JDK's resolver (its address when it has none, unless {@code NI_NAMEREQD}) and the port's
     * service name, each numeric on request (a blocking call; asyncio runs it in a worker thread).
     */
    @Builtin(name = "getnameinfo", params = {"sockaddr", "flags"})
    @GenerateNodeFactory
    abstract static class GetNameInfoNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGetNameInfo(Object sockaddr, Object flags) {
            if (!(sockaddr instanceof PyTuple t)) {
                throw PyErrors.typeError("getnameinfo() argument 1 must be a tuple");
            }
            if (t.items().length < 2 || !(t.items()[0] instanceof String host) || !(t.items()[1] instanceof Long port)) {
                throw PyErrors.typeError("getnameinfo() argument 1 must be a tuple of (str, int)");
            }
            if (!(flags instanceof Long f)) {
                throw PyErrors.typeError("'" + PyOps.typeName(flags) + "' object cannot be interpreted as an integer");
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw gaiError();
            }
            String numeric = addressTuple(new InetSocketAddress(address, 0)).items()[0].toString();
            String name = numeric;
            if ((f & NI_NUMERICHOST) == 0) {
                name = address.getCanonicalHostName();
                if (name.equals(address.getHostAddress())) {
                    name = numeric;
                    if ((f & NI_NAMEREQD) != 0) {
                        throw gaiError();
                    }
                } else if ((f & NI_NOFQDN) != 0 && name.indexOf('.') > 0) {
                    name = name.substring(0, name.indexOf('.'));
                }
            }
            String service = null;
            if ((f & NI_NUMERICSERV) == 0 && port >= 0 && port <= 65535) {
                service = ServiceNames.get().name((int) (long) port, (f & NI_DGRAM) != 0 ? "udp" : "tcp");
            }
            return PyTuple.of(name, service != null ? service : String.valueOf(port));
        }
    }
}
