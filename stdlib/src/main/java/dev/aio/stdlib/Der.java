package dev.aio.stdlib;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Just enough DER to walk the structures of certificates and keys that the JDK does not decode for
 * aio: distinguished names, certificate extensions, PKCS#8's encryption parameters. A reader over
 * the elements of one constructed element's content; each call reads the next element.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private final byte[] data;
    private int at;
    private final int end;
    /** The element {@link #next} read: its tag and where its content lies. */
    private int tag;
    private int contentStart;
    private int contentEnd;

    Der(byte[] data) {
        this(data, 0, data.length);
    }

    private Der(byte[] data, int from, int end) {
        this.data = data;
        this.at = from;
        this.end = end;
    }

    boolean hasMore() {
        return at < end;
    }

    /** The tag of the next element (0 when there is none). */
    int peekTag() {
        return at < end ? data[at] & 0xff : 0;
    }

    /** Reads the next element's header; a malformed one is an {@link IllegalArgumentException}, as {@code Base64} fails. */
    private void next() {
        if (at + 2 > end) {
            throw new IllegalArgumentException("truncated DER");
        }
        tag = data[at++] & 0xff;
        int length = data[at++] & 0xff;
        if (length >= 0x80) {
            int octets = length & 0x7f;
            if (octets > 3 || at + octets > end) {
                throw new IllegalArgumentException("bad DER length");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (data[at++] & 0xff);
            }
        }
        if (at + length > end) {
            throw new IllegalArgumentException("truncated DER");
        }
        contentStart = at;
        contentEnd = at + length;
        at = contentEnd;
    }

    /** The next element's content, read as elements (a SEQUENCE, a SET, an explicit tag, an OCTET STRING that wraps DER). */
    Der sequence() {
        next();
        return new Der(data, contentStart, contentEnd);
    }

    Der set() {
        return sequence();
    }

    /** The next element's content bytes. */
    byte[] content() {
        next();
        return Arrays.copyOfRange(data, contentStart, contentEnd);
    }

    /** The next element, whole (tag, length and content). */
    byte[] element() {
        int start = at;
        next();
        return Arrays.copyOfRange(data, start, contentEnd);
    }

    void skip() {
        next();
    }

    int integer() {
        next();
        int value = 0;
        for (int i = contentStart; i < contentEnd; i++) {
            value = (value << 8) | (data[i] & 0xff);
        }
        return value;
    }

    String oid() {
        next();
        StringBuilder b = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = contentStart; i < contentEnd; i++) {
            value = (value << 7) | (data[i] & 0x7f);
            if ((data[i] & 0x80) == 0) {
                if (first) {
                    long top = Math.min(value / 40, 2);
                    b.append(top).append('.').append(value - 40 * top);
                    first = false;
                } else {
                    b.append('.').append(value);
                }
                value = 0;
            }
        }
        return b.toString();
    }

    /** A directory string (or an IA5String) as {@code ASN1_STRING_to_UTF8} gives it. */
    String string() {
        next();
        Charset charset = switch (tag) {
            case 30 -> StandardCharsets.UTF_16BE;
            case 28 -> Charset.forName("UTF-32BE");
            case 20 -> StandardCharsets.ISO_8859_1;
            default -> StandardCharsets.UTF_8;
        };
        return new String(data, contentStart, contentEnd - contentStart, charset);
    }
}
