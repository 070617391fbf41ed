package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * One TLS connection's state over a JDK {@link SSLEngine}, with memory buffers on both sides: what
 * CPython's {@code SSLObject} over two {@code MemoryBIO}s is to {@code sslproto.py}. The protocol
 * layer in {@code asyncio/sslproto.aio} feeds it the bytes the socket received ({@link #receive},
 * which gives back the plaintext they held), hands it plaintext to send ({@link #send}), and writes
 * to the socket what it has for the network ({@link #outgoing}): handshake messages, records,
 * close_notify. {@code ssl.aio}'s {@code SSLObject} does the same between its two
 * {@code MemoryBIO}s, and its {@code SSLSocket} over a blocking socket, on whichever thread runs
 * it. The engine's delegated tasks run on the calling thread.
 */
final class TlsSession extends PyObject {
    static final PyType TYPE = new PyType("_TlsSession", "_ssl");

    private final SSLEngine engine;
    private final VerifyingTrustManager verifier;
    /** Bytes from the network not yet unwrapped. */
    private byte[] netIn = new byte[0];
    private int netInLength;
    /** Plaintext not yet wrapped (held until the handshake is done). */
    private byte[] appOut = new byte[0];
    private int appOutLength;
    private final ByteArrayOutputStream netOut = new ByteArrayOutputStream();
    /** Plaintext unwrapped and not yet handed to the program. */
    private final ByteArrayOutputStream appIn = new ByteArrayOutputStream();
    private boolean handshakeDone;
    private boolean peerClosed;

    TlsSession(SSLEngine engine, VerifyingTrustManager verifier) {
        this.engine = engine;
        this.verifier = verifier;
    }

    /** Network bytes in; returns the plaintext they completed (b'' when none). */
    @TruffleBoundary
    PyBytes receive(byte[] data) {
        if (netInLength + data.length > netIn.length) {
            netIn = Arrays.copyOf(netIn, Math.max(2 * netIn.length, netInLength + data.length));
        }
        System.arraycopy(data, 0, netIn, netInLength, data.length);
        netInLength += data.length;
        pump();
        byte[] plain = appIn.toByteArray();
        appIn.reset();
        return plain.length == 0 ? PyBytes.EMPTY : new PyBytes(plain);
    }

    /** Plaintext to send: wrapped once the handshake is done. */
    @TruffleBoundary
    void send(byte[] data) {
        if (appOutLength + data.length > appOut.length) {
            appOut = Arrays.copyOf(appOut, Math.max(2 * appOut.length, appOutLength + data.length));
        }
        System.arraycopy(data, 0, appOut, appOutLength, data.length);
        appOutLength += data.length;
        pump();
    }

    /** What there is to write to the network now. */
    @TruffleBoundary
    PyBytes outgoing() {
        pump();
        byte[] out = netOut.toByteArray();
        netOut.reset();
        return out.length == 0 ? PyBytes.EMPTY : new PyBytes(out);
    }

    /** Starts the closing handshake: close_notify goes out with the next {@link #outgoing}. */
    @TruffleBoundary
    void close() {
        engine.closeOutbound();
        pump();
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    boolean peerClosed() {
        return peerClosed;
    }

    int pendingPlaintext() {
        return appOutLength;
    }

    @TruffleBoundary
    String version() {
        return handshakeDone ? engine.getSession().getProtocol() : null;
    }

    /** {@code (name, protocol, secret bits)}, as CPython's {@code SSLObject.cipher()}. */
    @TruffleBoundary
    PyTuple cipher() {
        String suite = engine.getSession().getCipherSuite();
        long bits = suite.contains("256") || suite.contains("CHACHA20") ? 256 : 128;
        return PyTuple.of(suite, engine.getSession().getProtocol(), bits);
    }

    /** The peer's certificate: DER bytes, or CPython's dict form as pairs; None when the peer sent none. */
    @TruffleBoundary
    Object peerCertificate(boolean binaryForm) {
        Certificate[] chain;
        try {
            chain = engine.getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return PyNone.NONE;
        }
        if (!(chain[0] instanceof X509Certificate cert)) {
            return PyNone.NONE;
        }
        if (!binaryForm) {
            return PeerCertificate.fields(cert);
        }
        try {
            return new PyBytes(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            return PyNone.NONE;
        }
    }

    /** The protocol ALPN chose, or null when none was. */
    @TruffleBoundary
    String applicationProtocol() {
        String p = engine.getApplicationProtocol();
        return p == null || p.isEmpty() ? null : p;
    }

    /**
     * Runs the engine as far as it goes with what it has: delegated tasks, wraps (handshake
     * messages, queued plaintext once the handshake is done, close_notify) and unwraps of the
     * network bytes (plaintext into {@link #appIn}).
     */
    private void pump() {
        try {
            while (true) {
                HandshakeStatus status = engine.getHandshakeStatus();
                if (status == HandshakeStatus.NEED_TASK) {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    continue;
                }
                boolean haveData = handshakeDone && appOutLength > 0 && !engine.isOutboundDone();
                if (status == HandshakeStatus.NEED_WRAP || status == HandshakeStatus.NOT_HANDSHAKING && haveData) {
                    SSLEngineResult r = wrap();
                    if (r.bytesProduced() == 0 && r.bytesConsumed() == 0 && engine.getHandshakeStatus() == status) {
                        return;
                    }
                    continue;
                }
                if (netInLength > 0 && !engine.isInboundDone() || status == HandshakeStatus.NEED_UNWRAP_AGAIN) {
                    SSLEngineResult r = unwrap();
                    if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
                        return;
                    }
                    if (r.bytesProduced() == 0 && r.bytesConsumed() == 0 && engine.getHandshakeStatus() == status) {
                        return;
                    }
                    continue;
                }
                return;
            }
        } catch (SSLException e) {
            throw SslErrors.fromEngine(e, verifier);
        }
    }

    private SSLEngineResult wrap() throws SSLException {
        ByteBuffer src = ByteBuffer.wrap(appOut, 0, handshakeDone ? appOutLength : 0);
        ByteBuffer dst = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult r = engine.wrap(src, dst);
        int consumed = r.bytesConsumed();
        if (consumed > 0) {
            System.arraycopy(appOut, consumed, appOut, 0, appOutLength - consumed);
            appOutLength -= consumed;
        }
        netOut.write(dst.array(), 0, dst.position());
        noteFinished(r);
        return r;
    }

    private SSLEngineResult unwrap() throws SSLException {
        ByteBuffer src = ByteBuffer.wrap(netIn, 0, netInLength);
        ByteBuffer dst = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        SSLEngineResult r = engine.unwrap(src, dst);
        int consumed = r.bytesConsumed();
        if (consumed > 0) {
            System.arraycopy(netIn, consumed, netIn, 0, netInLength - consumed);
            netInLength -= consumed;
        }
        appIn.write(dst.array(), 0, dst.position());
        if (r.getStatus() == Status.CLOSED) {
            peerClosed = true;
        }
        noteFinished(r);
        return r;
    }

    private void noteFinished(SSLEngineResult r) {
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeDone = true;
        }
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}
