package dev.aio.stdlib;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
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
 * X.509 certificates, and private keys in PKCS#8 (plain or encrypted), PKCS#1 (RSA) or SEC1 (EC) form, read through Truffle's file system (the embedder's file access rules apply).
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

    /** DER of the AlgorithmIdentifier of an RSA key: rsaEncryption (1.2.840.113549.1.1.1), NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** DER of the OID id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    /**
     * The private key in PEM text, or null when there is none: PKCS#8 ({@code BEGIN PRIVATE KEY},
     * RSA, EC or EdDSA), encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 as OpenSSL 3
     * writes it, which needs {@code password}: a wrong or missing one fails as a key that does not
     * parse), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what {@code openssl genrsa -traditional} and
     * older OpenSSL write) or SEC1 ({@code BEGIN EC PRIVATE KEY}, what {@code openssl ecparam
     * -genkey} writes), as OpenSSL's PEM reader takes them all. The last two are wrapped in the
     * PKCS#8 structure the JDK reads; encrypted ones of those (a {@code Proc-Type: 4,ENCRYPTED}
     * header, legacy DES/3DES) are refused.
     */
    static PrivateKey privateKey(String pem, byte[] password) throws GeneralSecurityException {
        List<byte[]> keys = blocks(pem, "PRIVATE KEY");
        PKCS8EncodedKeySpec spec;
        if (!keys.isEmpty()) {
            spec = new PKCS8EncodedKeySpec(keys.get(0));
        } else {
            List<byte[]> encrypted = blocks(pem, "ENCRYPTED PRIVATE KEY");
            if (encrypted.isEmpty()) {
                return traditionalKey(pem);
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

    /** A PKCS#1 RSA or SEC1 EC key, wrapped as PKCS#8; null when the text has neither. */
    private static PrivateKey traditionalKey(String pem) throws GeneralSecurityException {
        List<byte[]> keys = blocks(pem, "RSA PRIVATE KEY");
        if (!keys.isEmpty()) {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8(RSA_ALGORITHM, keys.get(0))));
        }
        keys = blocks(pem, "EC PRIVATE KEY");
        if (!keys.isEmpty()) {
            byte[] sec1 = keys.get(0);
            byte[] algorithm = tlv(0x30, concat(EC_PUBLIC_KEY, namedCurve(sec1)));
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8(algorithm, sec1)));
        }
        return null;
    }

    /** PKCS#8's PrivateKeyInfo: version 0, the algorithm, the key's own DER as an OCTET STRING. */
    private static byte[] pkcs8(byte[] algorithm, byte[] key) {
        return tlv(0x30, concat(new byte[]{0x02, 0x01, 0x00}, algorithm, tlv(0x04, key)));
    }

    /**
     * The curve's OID (its DER) in a SEC1 ECPrivateKey: SEQUENCE { version, OCTET STRING key,
     * [0] parameters (the named curve's OID), [1] public key }.
     */
    private static byte[] namedCurve(byte[] sec1) throws GeneralSecurityException {
        int[] outer = header(sec1, 0);
        if (sec1[0] != 0x30) {
            throw new InvalidKeySpecException("not an EC private key");
        }
        int at = outer[0];
        int end = outer[0] + outer[1];
        while (at < end) {
            int[] field = header(sec1, at);
            if ((sec1[at] & 0xFF) == 0xA0) {
                return Arrays.copyOfRange(sec1, field[0], field[0] + field[1]);
            }
            at = field[0] + field[1];
        }
        throw new InvalidKeySpecException("EC private key without its curve");
    }

    /** Where the content of the DER element at {@code at} starts, and its length. */
    private static int[] header(byte[] der, int at) throws GeneralSecurityException {
        if (at + 1 >= der.length) {
            throw new InvalidKeySpecException("truncated DER");
        }
        int first = der[at + 1] & 0xFF;
        if (first < 0x80) {
            return new int[]{at + 2, first};
        }
        int size = first & 0x7F;
        if (size > 3 || at + 2 + size > der.length) {
            throw new InvalidKeySpecException("bad DER length");
        }
        int length = 0;
        for (int i = 0; i < size; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xFF);
        }
        if (at + 2 + size + length > der.length) {
            throw new InvalidKeySpecException("truncated DER");
        }
        return new int[]{at + 2 + size, length};
    }

    /** A DER element: its tag, its length (short or long form), its content. */
    private static byte[] tlv(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[]{(byte) n}
                        : n < 0x100 ? new byte[]{(byte) 0x81, (byte) n} : n < 0x10000 ? new byte[]{(byte) 0x82, (byte) (n >> 8), (byte) n} : new byte[]{(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        return concat(new byte[]{(byte) tag}, length, content);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
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
            String body = pem.substring(at + begin.length(), stop);
            if (body.contains("Proc-Type:")) {
                // A legacy encrypted key (RFC 1421 headers): aio cannot decrypt it; the key factory refuses an empty key.
                found.add(new byte[0]);
            } else {
                found.add(Base64.getMimeDecoder().decode(body));
            }
            at = stop + end.length();
        }
        return found;
    }
}
