package dev.aio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS through asyncio ({@code ssl=} of {@code start_server} and {@code open_connection}, the JDK's
 * SSLEngine under aio's sslproto): {@code tls_echo.py} serves and connects over TLS with a
 * certificate made here with keytool (for localhost and 127.0.0.1), and prints what CPython 3.11
 * prints for it ({@code tls_echo.out}, written by python3 with another such certificate: nothing it
 * prints depends on the certificate).
 */
class TlsTest {
    @TempDir Path dir;

    private static final String PASSWORD = "changeit";

    private static String resource(String name) throws IOException {
        try (InputStream in = TlsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** A self-signed certificate and its key as PEM files (the key as PKCS#8, as OpenSSL 3 writes it). */
    private void makeCertificate(Path cert, Path key) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                        "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", store.toString(),
                        "-storetype", "PKCS12", "-storepass", PASSWORD).redirectErrorStream(true).start();
        String log = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), log);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        Key k = ks.getKey("server", PASSWORD.toCharArray());
        Files.writeString(key, pem("PRIVATE KEY", k.getEncoded()));
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("server").getEncoded()));
    }

    @Test
    void anEchoOverTlsAndItsErrorsAreCPythons() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        makeCertificate(cert, key);
        runEcho(cert, key);
    }

    /**
     * Keys in the older forms OpenSSL writes, which load_cert_chain takes as CPython does: PKCS#1
     * ({@code BEGIN RSA PRIVATE KEY}, {@code openssl genrsa -traditional}) and SEC1 ({@code BEGIN
     * EC PRIVATE KEY} after an {@code EC PARAMETERS} block, {@code openssl ecparam -genkey}), each
     * with a self-signed certificate made by {@code openssl req -x509} for localhost and 127.0.0.1
     * (test resources made once, valid for a hundred years; no secret).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tls_rsa_pkcs1", "tls_ec_sec1"})
    void keysInPkcs1AndSec1FormLoadAsInCPython(String name) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, resource(name + "_cert.pem"));
        Files.writeString(key, resource(name + "_key.pem"));
        runEcho(cert, key);
    }

    private void runEcho(Path cert, Path key) throws Exception {
        Path script = dir.resolve("tls_echo.py");
        Files.writeString(script, resource("tls_echo.py"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = AioMain.run(new String[]{"run", script.toString(), cert.toString(), key.toString()}, new ByteArrayInputStream(new byte[0]), o, e, dir, null);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(resource("tls_echo.out"), out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
    }
}
