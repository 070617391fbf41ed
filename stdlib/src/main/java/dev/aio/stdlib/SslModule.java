package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/**
 * {@code _ssl}: what {@code ssl.aio} builds CPython's {@code ssl} module on. A
 * {@link TlsContext} holds an {@code SSLContext}'s certificates; a {@link TlsSession} is one
 * connection's JDK {@code SSLEngine} with memory buffers, which {@code asyncio/sslproto.aio} runs
 * between the socket transport and the program's protocol, and {@code ssl.aio}'s {@code SSLObject}
 * between two {@code MemoryBIO}s (under a blocking {@code SSLSocket} too).
 */
public final class SslModule {
    private SslModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_ssl");
        m.defineFunctions(context.getLanguage(), SslModuleFactory.getFactories());
        return m;
    }

    private static String optionalString(Object o, String what) {
        if (o == PyNone.NONE) {
            return null;
        }
        if (o instanceof String s) {
            return s;
        }
        throw PyErrors.typeError(what + " should be a valid filesystem path");
    }

    @Builtin(name = "new_context")
    @GenerateNodeFactory
    abstract static class NewContextNode extends BuiltinNode {
        @Specialization
        static Object doNew() {
            return new TlsContext();
        }
    }

    /** {@code password}: None, or the bytes ssl.aio got from the str, bytes or callable given. */
    @Builtin(name = "load_cert_chain", params = {"ctx", "certfile", "keyfile", "password"})
    @GenerateNodeFactory
    abstract static class LoadCertChainNode extends BuiltinNode {
        @Specialization
        Object doLoad(TlsContext ctx, Object certfile, Object keyfile, Object password) {
            String cert = optionalString(certfile, "certfile");
            if (cert == null) {
                throw PyErrors.typeError("certfile should be a valid filesystem path");
            }
            byte[] secret = password == PyNone.NONE ? null : ChildProcessMethods.bytes(password);
            ctx.loadCertChain(AioContext.get(this), cert, optionalString(keyfile, "keyfile"), secret);
            return PyNone.NONE;
        }
    }

    /** Trusts the certificates of {@code cafile} (a path) or {@code cadata} (PEM text). */
    @Builtin(name = "load_verify_locations", params = {"ctx", "cafile", "cadata"})
    @GenerateNodeFactory
    abstract static class LoadVerifyLocationsNode extends BuiltinNode {
        @Specialization
        Object doLoad(TlsContext ctx, Object cafile, Object cadata) {
            String file = optionalString(cafile, "cafile");
            if (file != null) {
                ctx.loadVerifyLocations(Pem.read(AioContext.get(this), file));
            }
            if (cadata != PyNone.NONE) {
                if (!(cadata instanceof String pem)) {
                    throw PyErrors.typeError("cadata should be an ASCII string or a bytes-like object");
                }
                ctx.loadVerifyLocations(pem);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "load_default_certs", params = {"ctx"})
    @GenerateNodeFactory
    abstract static class LoadDefaultCertsNode extends BuiltinNode {
        @Specialization
        static Object doLoad(TlsContext ctx) {
            ctx.loadDefaultCerts();
            return PyNone.NONE;
        }
    }

    /** {@code alpn}: the protocols ALPN offers (a client) or accepts (a server), in order of preference, as a tuple of str; empty for no ALPN. */
    @Builtin(name = "session", params = {"ctx", "server_side", "server_hostname", "verify_mode", "check_hostname", "alpn"})
    @GenerateNodeFactory
    abstract static class SessionNode extends BuiltinNode {
        @Specialization
        static Object doSession(TlsContext ctx, Object serverSide, Object serverHostname, Object verifyMode, Object checkHostname, PyTuple alpn) {
            String[] protocols = new String[alpn.items().length];
            for (int i = 0; i < protocols.length; i++) {
                protocols[i] = (String) alpn.items()[i];
            }
            return ctx.session(PyOps.isTrue(serverSide), optionalString(serverHostname, "server_hostname"), Args.index(verifyMode, "verify_mode"),
                            PyOps.isTrue(checkHostname), protocols);
        }
    }

    @Builtin(name = "peer_certificate", params = {"session", "binary_form"})
    @GenerateNodeFactory
    abstract static class PeerCertificateNode extends BuiltinNode {
        @Specialization
        static Object doPeerCertificate(TlsSession session, Object binaryForm) {
            return session.peerCertificate(PyOps.isTrue(binaryForm));
        }
    }

    @Builtin(name = "selected_alpn_protocol", params = {"session"})
    @GenerateNodeFactory
    abstract static class SelectedAlpnProtocolNode extends BuiltinNode {
        @Specialization
        static Object doSelected(TlsSession session) {
            String p = session.applicationProtocol();
            return p == null ? PyNone.NONE : p;
        }
    }

    @Builtin(name = "receive", params = {"session", "data"})
    @GenerateNodeFactory
    abstract static class ReceiveNode extends BuiltinNode {
        @Specialization
        static Object doReceive(TlsSession session, Object data) {
            return session.receive(ChildProcessMethods.bytes(data));
        }
    }

    @Builtin(name = "send", params = {"session", "data"})
    @GenerateNodeFactory
    abstract static class SendNode extends BuiltinNode {
        @Specialization
        static Object doSend(TlsSession session, Object data) {
            session.send(ChildProcessMethods.bytes(data));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "outgoing", params = {"session"})
    @GenerateNodeFactory
    abstract static class OutgoingNode extends BuiltinNode {
        @Specialization
        static Object doOutgoing(TlsSession session) {
            return session.outgoing();
        }
    }

    @Builtin(name = "close", params = {"session"})
    @GenerateNodeFactory
    abstract static class CloseNode extends BuiltinNode {
        @Specialization
        static Object doClose(TlsSession session) {
            session.close();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "handshake_done", params = {"session"})
    @GenerateNodeFactory
    abstract static class HandshakeDoneNode extends BuiltinNode {
        @Specialization
        static boolean doDone(TlsSession session) {
            return session.handshakeDone();
        }
    }

    @Builtin(name = "peer_closed", params = {"session"})
    @GenerateNodeFactory
    abstract static class PeerClosedNode extends BuiltinNode {
        @Specialization
        static boolean doClosed(TlsSession session) {
            return session.peerClosed();
        }
    }

    @Builtin(name = "pending", params = {"session"})
    @GenerateNodeFactory
    abstract static class PendingNode extends BuiltinNode {
        @Specialization
        static long doPending(TlsSession session) {
            return session.pendingPlaintext();
        }
    }

    @Builtin(name = "version", params = {"session"})
    @GenerateNodeFactory
    abstract static class VersionNode extends BuiltinNode {
        @Specialization
        static Object doVersion(TlsSession session) {
            String v = session.version();
            return v == null ? PyNone.NONE : v;
        }
    }

    @Builtin(name = "cipher", params = {"session"})
    @GenerateNodeFactory
    abstract static class CipherNode extends BuiltinNode {
        @Specialization
        static Object doCipher(TlsSession session) {
            return session.handshakeDone() ? session.cipher() : PyNone.NONE;
        }
    }
}
