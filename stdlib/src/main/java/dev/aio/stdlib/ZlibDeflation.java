package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;

/**
 * A running compression (zlib's {@code deflate} stream as CPython's {@code zlib.compressobj} holds
 * it) on the JDK's {@link Deflater}, which is zlib itself: the deflate bytes are zlib's. The JDK
 * writes the zlib wrapper or none; the gzip wrapper is written here as zlib writes it when
 * {@code wbits} is 25..31 (no name, mtime 0, OS 3, CRC-32 and length trailer).
 */
final class ZlibDeflation {
    static final int Z_NO_FLUSH = 0;
    static final int Z_PARTIAL_FLUSH = 1;
    static final int Z_SYNC_FLUSH = 2;
    static final int Z_FULL_FLUSH = 3;
    static final int Z_FINISH = 4;
    static final int Z_BLOCK = 5;
    static final int Z_TREES = 6;

    private final Deflater deflater;
    private final ZlibFormat format;
    private final int level;
    private final int strategy;
    private boolean headerWritten;
    private long crc;
    private long size;
    /** After Z_FINISH CPython ends the stream ({@code deflateEnd}); what follows is zlib's "inconsistent stream state". */
    private boolean ended;

    private ZlibDeflation(ZlibFormat format, int level, int strategy, byte[] zdict) {
        this.format = format;
        this.level = level;
        this.strategy = strategy;
        this.deflater = new Deflater(level, format != ZlibFormat.ZLIB);
        deflater.setStrategy(switch (strategy) {
            case 1 -> Deflater.FILTERED;
            case 2 -> Deflater.HUFFMAN_ONLY;
            default -> Deflater.DEFAULT_STRATEGY;
        });
        if (zdict != null) {
            deflater.setDictionary(zdict);
        }
    }

    /**
     * A compression of {@code wbits}'s format, or {@code null} when zlib refuses these options (the
     * caller raises CPython's error for that); options zlib takes but the JDK's Deflater cannot
     * (windows under 15, memLevel other than 8, strategies Z_RLE and Z_FIXED) raise NotImplementedError.
     */
    @TruffleBoundary
    static ZlibDeflation create(long level, long method, long wbits, long memLevel, long strategy, byte[] zdict) {
        ZlibFormat format = ZlibFormat.forCompression(wbits);
        if (level < -1 || level > 9 || method != 8 || format == null || memLevel < 1 || memLevel > 9 || strategy < 0 || strategy > 4) {
            return null;
        }
        if (ZlibFormat.window(wbits) != 15) {
            throw notInJdk("a window of wbits=" + wbits);
        }
        if (memLevel != 8) {
            throw notInJdk("memLevel=" + memLevel);
        }
        if (strategy > 2) {
            throw notInJdk(strategy == 3 ? "strategy Z_RLE" : "strategy Z_FIXED");
        }
        return new ZlibDeflation(format, (int) level, (int) strategy, zdict);
    }

    private static RuntimeException notInJdk(String what) {
        return PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio's zlib (the JDK's Deflater) cannot compress with " + what);
    }

    /** zlib's error for a call on a stream already finished: CPython's {@code Error -2 while WHAT: inconsistent stream state}. */
    private RuntimeException inconsistent(String what) {
        return PyErrors.raise(ZlibModule.ERROR, "Error -2 while " + what + ": inconsistent stream state");
    }

    @TruffleBoundary
    byte[] compress(byte[] data) {
        if (ended) {
            throw inconsistent("compressing data");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeHeader(out);
        if (format == ZlibFormat.GZIP) {
            crc = ZlibChecksums.crc32(data, crc);
            size += data.length;
        }
        deflater.setInput(data);
        byte[] buf = new byte[Math.max(64, data.length / 2 + 64)];
        // At least one call, as CPython's: the first writes the zlib header even for no data.
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** {@code Compress.flush(mode)}: Z_NO_FLUSH gives nothing; Z_FINISH ends the stream. */
    @TruffleBoundary
    byte[] flush(long mode) {
        if (mode == Z_NO_FLUSH) {
            return new byte[0];
        }
        if (ended) {
            throw inconsistent("flushing");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeHeader(out);
        byte[] buf = new byte[8192];
        if (mode == Z_FINISH) {
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            if (format == ZlibFormat.GZIP) {
                writeLittleEndian(out, crc);
                writeLittleEndian(out, size);
            }
            deflater.end();
            ended = true;
        } else if (mode == Z_SYNC_FLUSH || mode == Z_FULL_FLUSH) {
            int jdkMode = mode == Z_SYNC_FLUSH ? Deflater.SYNC_FLUSH : Deflater.FULL_FLUSH;
            int n;
            do {
                n = deflater.deflate(buf, 0, buf.length, jdkMode);
                out.write(buf, 0, n);
            } while (n == buf.length);
        } else if (mode == Z_PARTIAL_FLUSH || mode == Z_BLOCK || mode == Z_TREES) {
            throw PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR,
                            "aio's zlib (the JDK's Deflater) cannot flush with " + (mode == Z_PARTIAL_FLUSH ? "Z_PARTIAL_FLUSH" : mode == Z_BLOCK ? "Z_BLOCK" : "Z_TREES"));
        } else {
            throw PyErrors.raise(ZlibModule.ERROR, "Error -2 while flushing: inconsistent stream state");
        }
        return out.toByteArray();
    }

    /** The gzip header zlib writes before the first output: no file name, mtime 0, extra flags by level, OS 3 (Unix). */
    private void writeHeader(ByteArrayOutputStream out) {
        if (format != ZlibFormat.GZIP || headerWritten) {
            return;
        }
        headerWritten = true;
        int effectiveLevel = level == -1 ? 6 : level;
        int extraFlags = effectiveLevel == 9 ? 2 : strategy >= 2 || effectiveLevel < 2 ? 4 : 0;
        out.writeBytes(new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) extraFlags, 3});
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
