package dev.aio.stdlib;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.oracle.truffle.api.TruffleFile;

import dev.aio.AioContext;
import dev.aio.runtime.PyErrors;

/**
 * PEM files as {@code ssl.SSLContext.load_cert_chain} and {@code load_verify_locations} read them:
 * X.509 certificates, and private keys in PKCS#8 (plain or encrypted), PKCS#1 (RSA) or SEC1 (EC) form
 * (plain or in the legacy encrypted PEM form), read through Truffle's file system (the embedder's
 * file access rules apply).
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
    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        List<X509Certificate> certs = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (byte[] der : blocks(pem, "CERTIFICATE", null)) {
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
     * RSA, EC or EdDSA), encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}: PBES2 with AES or
     * 3DES as OpenSSL 3 writes it, or PKCS#12's PBE with 3DES, as {@code openssl pkcs8 -v1
     * PBE-SHA1-3DES}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what {@code openssl genrsa
     * -traditional} and older OpenSSL write) or SEC1 ({@code BEGIN EC PRIVATE KEY}, what {@code
     * openssl ecparam -genkey} writes), the last two plain or encrypted the legacy way (a {@code
     * Proc-Type: 4,ENCRYPTED} header), as OpenSSL's PEM reader takes them all. An encrypted key
     * needs {@code password}: a wrong or missing one fails as a key that does not parse.
     */
    static PrivateKey privateKey(String pem, byte[] password) throws GeneralSecurityException {
        List<byte[]> keys = blocks(pem, "PRIVATE KEY", password);
        PKCS8EncodedKeySpec spec;
        if (!keys.isEmpty()) {
            spec = new PKCS8EncodedKeySpec(keys.get(0));
        } else {
            List<byte[]> encrypted = blocks(pem, "ENCRYPTED PRIVATE KEY", password);
            if (encrypted.isEmpty()) {
                return traditionalKey(pem, password);
            }
            spec = new PKCS8EncodedKeySpec(decryptPkcs8(encrypted.get(0), requirePassword(password)));
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

    private static byte[] requirePassword(byte[] password) throws InvalidKeyException {
        // OpenSSL asks for a missing password on the terminal; aio has no terminal to ask on. An empty one decrypts nothing.
        if (password == null || password.length == 0) {
            throw new InvalidKeyException("no password for an encrypted key");
        }
        return password;
    }

    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    /** PBKDF2's pseudo-random functions (RFC 8018 B.1), by OID. */
    private static final Map<String, String> HMACS = Map.of("1.2.840.113549.2.7", "HmacSHA1", "1.2.840.113549.2.8", "HmacSHA224", "1.2.840.113549.2.9",
                    "HmacSHA256", "1.2.840.113549.2.10", "HmacSHA384", "1.2.840.113549.2.11", "HmacSHA512");

    /** A CBC cipher of PBES2 or of the legacy PEM encryption: its JDK name and key length. */
    private record CbcCipher(String algorithm, int keyLength) {
        byte[] decrypt(byte[] key, byte[] iv, byte[] data) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance(algorithm + "/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, algorithm), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        }
    }

    /** PBES2's encryption schemes (RFC 8018 B.2), by OID. */
    private static final Map<String, CbcCipher> PBES2_CIPHERS = Map.of("2.16.840.1.101.3.4.1.2", new CbcCipher("AES", 16), "2.16.840.1.101.3.4.1.22",
                    new CbcCipher("AES", 24), "2.16.840.1.101.3.4.1.42", new CbcCipher("AES", 32), "1.2.840.113549.3.7", new CbcCipher("DESede", 24),
                    "1.3.14.3.2.7", new CbcCipher("DES", 8));
    /** The legacy PEM encryption's ciphers, by their DEK-Info names. */
    private static final Map<String, CbcCipher> PEM_CIPHERS = Map.of("AES-128-CBC", new CbcCipher("AES", 16), "AES-192-CBC", new CbcCipher("AES", 24),
                    "AES-256-CBC", new CbcCipher("AES", 32), "DES-EDE3-CBC", new CbcCipher("DESede", 24), "DES-CBC", new CbcCipher("DES", 8));

    /**
     * The PrivateKeyInfo inside an EncryptedPrivateKeyInfo. PBES2 (PBKDF2 and a CBC cipher) is
     * decrypted here, as the JDK's own PBES2 takes AES only and OpenSSL 3 writes 3DES too; the
     * PKCS#5 v1 and PKCS#12 schemes are the JDK's, by their names.
     */
    private static byte[] decryptPkcs8(byte[] der, byte[] password) throws GeneralSecurityException {
        Der info = new Der(der).sequence();
        Der algorithm = info.sequence();
        if (!algorithm.oid().equals(PBES2)) {
            return decryptByJdk(der, password);
        }
        Der parameters = algorithm.sequence();
        Der kdf = parameters.sequence();
        if (!kdf.oid().equals(PBKDF2)) {
            throw new NoSuchAlgorithmException("PBES2 without PBKDF2");
        }
        Der kdfParameters = kdf.sequence();
        byte[] salt = kdfParameters.content();
        int iterations = kdfParameters.integer();
        if (kdfParameters.peekTag() == Der.INTEGER) {
            kdfParameters.skip();
        }
        String prf = kdfParameters.hasMore() ? HMACS.get(kdfParameters.sequence().oid()) : "HmacSHA1";
        Der encryption = parameters.sequence();
        CbcCipher cipher = PBES2_CIPHERS.get(encryption.oid());
        if (prf == null || cipher == null) {
            throw new NoSuchAlgorithmException("PBES2 scheme");
        }
        byte[] iv = encryption.content();
        return cipher.decrypt(pbkdf2(prf, password, salt, iterations, cipher.keyLength()), iv, info.content());
    }

    /** RFC 8018's PBKDF2 over the password's bytes as given (the JDK's takes chars). */
    private static byte[] pbkdf2(String hmac, byte[] password, byte[] salt, int iterations, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hmac);
        mac.init(new SecretKeySpec(password, hmac));
        byte[] key = new byte[length];
        for (int block = 1, filled = 0; filled < length; block++) {
            mac.update(salt);
            mac.update(new byte[]{(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            int n = Math.min(t.length, length - filled);
            System.arraycopy(t, 0, key, filled, n);
            filled += n;
        }
        return key;
    }

    /** The JDK names a PKCS#5 v1 or PKCS#12 scheme ("PBEWithSHA1AndDESede"), which its factory and cipher take. */
    private static byte[] decryptByJdk(byte[] der, byte[] password) throws GeneralSecurityException {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new InvalidKeyException(e);
        }
        String scheme = info.getAlgName();
        char[] secret = new String(password, StandardCharsets.UTF_8).toCharArray();
        SecretKey key = SecretKeyFactory.getInstance(scheme).generateSecret(new PBEKeySpec(secret));
        Cipher cipher = Cipher.getInstance(scheme);
        cipher.init(Cipher.DECRYPT_MODE, key, info.getAlgParameters());
        return info.getKeySpec(cipher).getEncoded();
    }

    /**
     * A key in the legacy encrypted PEM form (RFC 1421 headers, as OpenSSL's {@code PEM_do_header}
     * reads it): {@code DEK-Info: CIPHER,IV} names the cipher and its IV in hex; the key is
     * OpenSSL's {@code EVP_BytesToKey} of the password with MD5, one round, the IV's first 8 bytes
     * as salt.
     */
    private static byte[] decryptLegacy(String headers, String body, byte[] password) throws GeneralSecurityException {
        String dekInfo = null;
        for (String line : headers.split("\\R")) {
            if (line.startsWith("DEK-Info:")) {
                dekInfo = line.substring("DEK-Info:".length()).trim();
            }
        }
        int comma = dekInfo == null ? -1 : dekInfo.indexOf(',');
        CbcCipher cipher = comma < 0 ? null : PEM_CIPHERS.get(dekInfo.substring(0, comma).toUpperCase(Locale.ROOT));
        if (cipher == null) {
            throw new NoSuchAlgorithmException("legacy PEM encryption " + dekInfo);
        }
        byte[] iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).trim());
        if (iv.length < 8) {
            throw new InvalidKeyException("legacy PEM IV");
        }
        requirePassword(password);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] key = new byte[cipher.keyLength()];
        byte[] previous = new byte[0];
        for (int filled = 0; filled < key.length;) {
            md5.update(previous);
            md5.update(password);
            md5.update(iv, 0, 8);
            previous = md5.digest();
            int n = Math.min(previous.length, key.length - filled);
            System.arraycopy(previous, 0, key, filled, n);
            filled += n;
        }
        return cipher.decrypt(key, iv, Base64.getMimeDecoder().decode(body));
    }

    /** A PKCS#1 RSA or SEC1 EC key, wrapped as PKCS#8; null when the text has neither. */
    private static PrivateKey traditionalKey(String pem, byte[] password) throws GeneralSecurityException {
        List<byte[]> keys = blocks(pem, "RSA PRIVATE KEY", password);
        if (!keys.isEmpty()) {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8(RSA_ALGORITHM, keys.get(0))));
        }
        keys = blocks(pem, "EC PRIVATE KEY", password);
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
        Der key = new Der(sec1).sequence();
        while (key.hasMore()) {
            if (key.peekTag() == 0xA0) {
                return key.content();
            }
            key.skip();
        }
        throw new InvalidKeySpecException("EC private key without its curve");
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

    /** The DER of each block with this label; legacy encrypted ones decrypted with {@code password}. */
    private static List<byte[]> blocks(String pem, String label, byte[] password) throws GeneralSecurityException {
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
            int headersEnd = body.indexOf("Proc-Type:") < 0 ? -1 : blankLine(body);
            if (headersEnd >= 0) {
                found.add(decryptLegacy(body.substring(0, headersEnd), body.substring(headersEnd), password));
            } else {
                found.add(Base64.getMimeDecoder().decode(body));
            }
            at = stop + end.length();
        }
        return found;
    }

    /** Where the RFC 1421 headers of a PEM body end (the empty line after them), or -1 when they do not. */
    private static int blankLine(String body) {
        Matcher m = HEADERS_END.matcher(body);
        return m.find() ? m.end() : -1;
    }

    private static final Pattern HEADERS_END = Pattern.compile("\\R[ \\t]*\\R");
}
