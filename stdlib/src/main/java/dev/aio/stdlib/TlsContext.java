package dev.aio.stdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/**
 * The JDK half of an {@code ssl.SSLContext}: the certificate chain and key this side presents
 * ({@code load_cert_chain}) and the certificates it trusts ({@code load_verify_locations},
 * {@code load_default_certs}: the JDK's own trust store, where CPython takes OpenSSL's). Each
 * connection gets a {@link TlsSession} over a JDK {@link SSLEngine} made from it.
 */
final class TlsContext extends PyObject {
    static final PyType TYPE = new PyType("_SSLContext", "_ssl");
    private static final char[] NO_PASSWORD = new char[0];

    private final List<X509Certificate> trusted = new ArrayList<>();
    private boolean defaultTrust;
    private PrivateKey key;
    private X509Certificate[] chain;

    /** {@code password}: what decrypts an encrypted PKCS#8 key, or null. */
    @TruffleBoundary
    void loadCertChain(AioContext context, String certfile, String keyfile, byte[] password) {
        List<X509Certificate> certs;
        try {
            certs = Pem.certificates(Pem.read(context, certfile));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw SslErrors.pemLib(false);
        }
        if (certs.isEmpty()) {
            throw SslErrors.pemLib(false);
        }
        PrivateKey k;
        try {
            k = Pem.privateKey(Pem.read(context, keyfile == null ? certfile : keyfile), password);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw SslErrors.pemLib(true);
        }
        if (k == null) {
            throw SslErrors.pemLib(true);
        }
        if (!keyMatches(k, certs.get(0))) {
            throw SslErrors.keyMismatch();
        }
        chain = certs.toArray(new X509Certificate[0]);
        key = k;
    }

    /**
     * OpenSSL's {@code X509_check_private_key}: whether the key is the certificate's, tried by
     * signing with it and verifying with the certificate (key types without a signature aio
     * knows pass, and a mismatch shows in the handshake).
     */
    private static boolean keyMatches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        byte[] message = "aio".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @TruffleBoundary
    void loadVerifyLocations(String pem) {
        try {
            List<X509Certificate> certs = Pem.certificates(pem);
            if (certs.isEmpty()) {
                throw SslErrors.noCertificates();
            }
            trusted.addAll(certs);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw SslErrors.noCertificates();
        }
    }

    void loadDefaultCerts() {
        defaultTrust = true;
    }

    /** A new connection's engine, its handshake begun. verifyMode: CPython's CERT_NONE (0), CERT_OPTIONAL (1), CERT_REQUIRED (2). */
    @TruffleBoundary
    TlsSession session(boolean serverSide, String serverHostname, long verifyMode, boolean checkHostname, String[] alpn) {
        try {
            KeyManager[] keys = null;
            if (key != null) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", key, NO_PASSWORD, chain);
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, NO_PASSWORD);
                keys = factory.getKeyManagers();
            }
            VerifyingTrustManager verifier = new VerifyingTrustManager(verifyMode != 0, trustManager(), serverHostname);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keys, new TrustManager[]{verifier}, null);
            SSLEngine engine = serverHostname != null && !serverSide ? ssl.createSSLEngine(serverHostname, 443) : ssl.createSSLEngine();
            engine.setUseClientMode(!serverSide);
            SSLParameters parameters = engine.getSSLParameters();
            if (serverSide) {
                if (verifyMode == 2) {
                    parameters.setNeedClientAuth(true);
                } else if (verifyMode == 1) {
                    parameters.setWantClientAuth(true);
                }
            } else {
                if (checkHostname) {
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                }
                if (serverHostname != null && !VerifyingTrustManager.isIpLiteral(serverHostname)) {
                    parameters.setServerNames(List.of(new SNIHostName(serverHostname)));
                }
            }
            if (alpn.length > 0) {
                if (serverSide) {
                    // OpenSSL's SSL_select_next_proto, as CPython's server uses it: the first of ours the
                    // client offers; none in common means no ALPN (the JDK's own choice would fail the handshake).
                    engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
                        for (String p : alpn) {
                            if (offered.contains(p)) {
                                return p;
                            }
                        }
                        return "";
                    });
                } else {
                    parameters.setApplicationProtocols(alpn);
                }
            }
            engine.setSSLParameters(parameters);
            engine.beginHandshake();
            return new TlsSession(engine, verifier);
        } catch (GeneralSecurityException | IOException e) {
            throw SslErrors.sslError("[SSL] " + e.getMessage());
        }
    }

    /** The JDK's trust manager over the certificates loaded, and the JDK's default ones if asked; null when that is none. */
    private X509ExtendedTrustManager trustManager() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int n = 0;
        for (X509Certificate c : trusted) {
            store.setCertificateEntry("ca" + n++, c);
        }
        if (defaultTrust) {
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            for (TrustManager m : defaults.getTrustManagers()) {
                if (m instanceof X509ExtendedTrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        store.setCertificateEntry("ca" + n++, c);
                    }
                }
            }
        }
        if (n == 0) {
            return null;
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        return null;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}
