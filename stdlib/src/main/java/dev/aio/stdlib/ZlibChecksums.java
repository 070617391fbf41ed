package dev.aio.stdlib;

/**
 * {@code zlib.crc32} and {@code zlib.adler32} continuing from a start value, which the JDK's
 * {@link java.util.zip.CRC32} and {@link java.util.zip.Adler32} cannot take: the same sums as
 * zlib's {@code crc32()} and {@code adler32()}, computed here.
 */
final class ZlibChecksums {
    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            CRC_TABLE[n] = c;
        }
    }

    private ZlibChecksums() {
    }

    static long crc32(byte[] data, int from, int to, long start) {
        int c = ~(int) start;
        for (int i = from; i < to; i++) {
            c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
        }
        return ~c & 0xFFFFFFFFL;
    }

    static long crc32(byte[] data, long start) {
        return crc32(data, 0, data.length, start);
    }

    /** zlib's largest n such that 255n(n+1)/2 + (n+1)(BASE-1) fits 32 bits: how long sums may run before reducing. */
    private static final int NMAX = 5552;
    private static final int BASE = 65521;

    static long adler32(byte[] data, long start) {
        long a = start & 0xffff;
        long b = (start >>> 16) & 0xffff;
        int i = 0;
        while (i < data.length) {
            int end = Math.min(data.length, i + NMAX);
            for (; i < end; i++) {
                a += data[i] & 0xff;
                b += a;
            }
            a %= BASE;
            b %= BASE;
        }
        return b << 16 | a;
    }
}
