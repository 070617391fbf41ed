package dev.aio.stdlib;

/**
 * The container a zlib stream is wrapped in, chosen by {@code wbits} as CPython's zlib module passes
 * it to zlib: 8..15 a zlib header and Adler-32 trailer, -8..-15 raw deflate, 24..31 a gzip header
 * and CRC-32 trailer, 40..47 (decompression only) zlib or gzip by the header found; 0 (decompression
 * only) a zlib stream with the window its header names.
 */
enum ZlibFormat {
    ZLIB,
    RAW,
    GZIP,
    AUTO;

    /** The format of {@code wbits} for decompression, or {@code null} when zlib would refuse it. */
    static ZlibFormat forDecompression(long wbits) {
        if (wbits == 0 || wbits >= 8 && wbits <= 15) {
            return ZLIB;
        }
        if (wbits >= -15 && wbits <= -8) {
            return RAW;
        }
        if (wbits >= 24 && wbits <= 31) {
            return GZIP;
        }
        if (wbits >= 40 && wbits <= 47) {
            return AUTO;
        }
        return null;
    }

    /** The format of {@code wbits} for compression, or {@code null} when zlib would refuse it (9..15 and their raw and gzip forms). */
    static ZlibFormat forCompression(long wbits) {
        if (wbits >= 9 && wbits <= 15) {
            return ZLIB;
        }
        if (wbits >= -15 && wbits <= -9) {
            return RAW;
        }
        if (wbits >= 25 && wbits <= 31) {
            return GZIP;
        }
        return null;
    }

    /** The window size (log2) of a valid {@code wbits}: the JDK's zlib compresses with 15 only. */
    static long window(long wbits) {
        long w = Math.abs(wbits);
        return w > 15 ? w & 15 : w;
    }
}
