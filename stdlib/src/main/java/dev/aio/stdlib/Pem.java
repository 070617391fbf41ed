package dev.aio.stdlib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.oracle.truffle.api.TruffleFile;

import dev.aio.AioContext;
import dev.aio.runtime.PyErrors;

/**
 * PEM files as {@code ssl.SSLContext.load_cert_chain} and {@code load_verify_locations} read them:
 * X.509 certificates, and PKCS#8 private keys ({@code BEGIN PRIVATE KEY}, what OpenSSL 3 writes),
 * read through Truffle's file system (the embedder's file access rules apply).
 */
final class Pem {
    private Pem() {
    }

    static String read(AioContext context, String path) {
        TruffleFile f = TextFile.resolve(context, path);
        try {
            return new String(f.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw PyErrors.osError(2, "No such file or directory", null);
        } catch (IOException e) {
            throw PyErrors.osError(5, "Input/output error", null);
        } catch (SecurityException e) {
            throw TextFile.noAccess(path);
        }
    }

    /** The certificates in PEM text; an empty list when there is none. */
    static List<X509Certificate> certificates(String pem) throws CertificateException {
        List<X509Certificate> certs = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (byte[] der : blocks(pem, "CERTIFICATE")) {
            certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certs;
    }

    /**
     * The PKCS#8 private key in PEM text (RSA, EC or EdDSA), or null when there is none. An
     * encrypted one ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 as OpenSSL 3 writes it) needs
     * {@code password}: a wrong or missing one fails as a key that does not parse.
     */
    static PrivateKey privateKey(String pem, byte[] password) throws GeneralSecurityException {
        List<byte[]> keys = blocks(pem, "PRIVATE KEY");
        PKCS8EncodedKeySpec spec;
        if (!keys.isEmpty()) {
            spec = new PKCS8EncodedKeySpec(keys.get(0));
        } else {
            List<byte[]> encrypted = blocks(pem, "ENCRYPTED PRIVATE KEY");
            if (encrypted.isEmpty()) {
                return null;
            }
            if (password == null) {
                throw new InvalidKeyException("no password for an encrypted key");
            }
            try {
                spec = decrypt(new EncryptedPrivateKeyInfo(encrypted.get(0)), password);
            } catch (IOException e) {
                throw new InvalidKeyException(e);
            }
        }
        GeneralSecurityException last = null;
        for (String algorithm : new String[]{"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The JDK names a PBES2 scheme by its parameters ("PBEWithHmacSHA256AndAES_256"), which its factory and cipher take. */
    private static PKCS8EncodedKeySpec decrypt(EncryptedPrivateKeyInfo info, byte[] password) throws GeneralSecurityException {
        AlgorithmParameters parameters = info.getAlgParameters();
        String scheme = parameters == null ? info.getAlgName() : parameters.toString();
        char[] secret = new String(password, StandardCharsets.UTF_8).toCharArray();
        SecretKey key = SecretKeyFactory.getInstance(scheme).generateSecret(new PBEKeySpec(secret));
        Cipher cipher = Cipher.getInstance(scheme);
        cipher.init(Cipher.DECRYPT_MODE, key, parameters);
        return info.getKeySpec(cipher);
    }

    private static List<byte[]> blocks(String pem, String label) {
        List<byte[]> found = new ArrayList<>();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int at = 0;
        while ((at = pem.indexOf(begin, at)) >= 0) {
            int stop = pem.indexOf(end, at);
            if (stop < 0) {
                break;
            }
            found.add(Base64.getMimeDecoder().decode(pem.substring(at + begin.length(), stop)));
            at = stop + end.length();
        }
        return found;
    }
}
