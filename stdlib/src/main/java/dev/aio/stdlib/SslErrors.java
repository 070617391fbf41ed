package dev.aio.stdlib;

import javax.net.ssl.SSLException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyNone;

/**
 * The {@code ssl} module's exceptions ({@code SSLError}, {@code SSLCertVerificationError}, classes
 * written in {@code ssl.aio}) raised from Java, with CPython's arguments and attributes: OpenSSL's
 * error text, as CPython 3.11 formats it ({@code [LIBRARY: REASON] text (_ssl.c:LINE)}).
 */
final class SslErrors {
    private SslErrors() {
    }

    @TruffleBoundary
    private static AioException make(String kind, long errno, String message, String library, String reason, long verifyCode, String verifyMessage) {
        Object factory = AioContext.get(null).importModule("ssl").get("_make_error");
        Object error = Calls.call(factory, kind, errno, message, library, orNone(reason), verifyCode, orNone(verifyMessage));
        return new AioException((PyBaseException) error, null);
    }

    private static Object orNone(String s) {
        return s == null ? PyNone.NONE : s;
    }

    /** A certificate or key file with no PEM block aio can read (CPython names the line of _ssl.c that failed). */
    static AioException pemLib(boolean key) {
        return make("SSLError", 524297, "[SSL] PEM lib (_ssl.c:" + (key ? 3926 : 3905) + ")", "SSL", null, 0, null);
    }

    /** The key is not the one of the certificate's public key. */
    static AioException keyMismatch() {
        return make("SSLError", 116, "[X509: KEY_VALUES_MISMATCH] key values mismatch (_ssl.c:3926)", "X509", "KEY_VALUES_MISMATCH", 0, null);
    }

    static AioException noCertificates() {
        return make("SSLError", 136, "[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4154)", "X509", "NO_CERTIFICATE_OR_CRL_FOUND", 0, null);
    }

    static AioException sslError(String message) {
        return make("SSLError", 1, message, "SSL", null, 0, null);
    }

    /** A handshake or record failure: the certificate refused, as OpenSSL explains it, or the engine's own words. */
    @TruffleBoundary
    static AioException fromEngine(SSLException e, VerifyingTrustManager verifier) {
        if (verifier.verifyCode != 0) {
            return make("SSLCertVerificationError", 1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: " + verifier.verifyMessage + " (_ssl.c:1006)", "SSL",
                            "CERTIFICATE_VERIFY_FAILED", verifier.verifyCode, verifier.verifyMessage);
        }
        String m = String.valueOf(e.getMessage());
        String alert = "Received fatal alert: ";
        if (m.startsWith(alert)) {
            // OpenSSL's names for the alert the peer sent, e.g. certificate_unknown: SSLV3_ALERT_CERTIFICATE_UNKNOWN.
            String name = m.substring(alert.length());
            String reason = "SSLV3_ALERT_" + name.toUpperCase();
            return make("SSLError", 1, "[SSL: " + reason + "] sslv3 alert " + name.replace('_', ' ') + " (_ssl.c:1006)", "SSL", reason, 0, null);
        }
        return make("SSLError", 1, "[SSL] " + m + " (_ssl.c:1006)", "SSL", null, 0, null);
    }
}
