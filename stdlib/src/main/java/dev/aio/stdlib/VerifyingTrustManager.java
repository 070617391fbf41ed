package dev.aio.stdlib;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the peer's certificates with the JDK's trust manager, and remembers why it refused them in
 * OpenSSL's words, which CPython's {@code SSLCertVerificationError} carries ({@code verify_code},
 * {@code verify_message}): the JDK only says that no path was found, or that the name differs.
 * Without {@code verify} (CERT_NONE) it accepts every certificate, as OpenSSL does; with no trusted
 * certificates at all ({@code trusted == null}) it refuses every one.
 */
final class VerifyingTrustManager extends X509ExtendedTrustManager {
    private final boolean verify;
    private final X509ExtendedTrustManager trusted;
    private final String hostname;
    /** OpenSSL's X509_V_ERR_* code and text of the last refusal, or 0. */
    int verifyCode;
    String verifyMessage;

    VerifyingTrustManager(boolean verify, X509ExtendedTrustManager trusted, String hostname) {
        this.verify = verify;
        this.trusted = trusted;
        this.hostname = hostname;
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, Check check) throws CertificateException {
        if (!verify) {
            return;
        }
        try {
            if (trusted == null) {
                throw new CertificateException("no trusted certificates");
            }
            check.run();
        } catch (CertificateException | IllegalArgumentException e) {
            explain(chain, e);
            throw e instanceof CertificateException c ? c : new CertificateException(e);
        }
    }

    private void explain(X509Certificate[] chain, Exception e) {
        String m = String.valueOf(e.getMessage());
        boolean expired = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            expired |= t instanceof CertificateExpiredException;
        }
        if (m.startsWith("No subject alternative names matching IP") || m.startsWith("No subject alternative name") && isIpLiteral(hostname)) {
            verifyCode = 64;
            verifyMessage = "IP address mismatch, certificate is not valid for '" + hostname + "'.";
        } else if (m.startsWith("No subject alternative") || m.startsWith("No name matching")) {
            verifyCode = 62;
            verifyMessage = "Hostname mismatch, certificate is not valid for '" + hostname + "'.";
        } else if (expired) {
            verifyCode = 10;
            verifyMessage = "certificate has expired";
        } else if (chain.length == 1 && chain[0].getSubjectX500Principal().equals(chain[0].getIssuerX500Principal())) {
            verifyCode = 18;
            verifyMessage = "self-signed certificate";
        } else if (chain.length > 1 && chain[chain.length - 1].getSubjectX500Principal().equals(chain[chain.length - 1].getIssuerX500Principal())) {
            verifyCode = 19;
            verifyMessage = "self-signed certificate in certificate chain";
        } else {
            verifyCode = 20;
            verifyMessage = "unable to get local issuer certificate";
        }
    }

    static boolean isIpLiteral(String host) {
        return host != null && (host.contains(":") || host.matches("[0-9.]+"));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> trusted.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> trusted.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> trusted.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> trusted.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> trusted.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> trusted.checkServerTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trusted == null ? new X509Certificate[0] : trusted.getAcceptedIssuers();
    }
}
