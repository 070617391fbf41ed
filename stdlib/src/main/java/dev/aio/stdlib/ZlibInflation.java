package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.PyErrors;

/**
 * A running decompression (zlib's {@code inflate} stream, as CPython's {@code zlib.decompressobj}
 * holds it) on the JDK's {@link Inflater}, which is zlib itself and takes the zlib wrapper or raw
 * deflate; the gzip wrapper (and the automatic choice of {@code wbits} 40..47) is read here as
 * zlib's {@code inflate} reads it, with zlib's messages for bad headers and trailers.
 */
final class ZlibInflation {
    private enum Phase {
        GZIP_HEADER,
        BODY,
        GZIP_TRAILER,
        DONE
    }

    private ZlibFormat format;
    private final long window;
    private final byte[] zdict;
    private Inflater inflater;
    private Phase phase;
    /** Header or trailer bytes received so far but not yet complete. */
    private byte[] pending = new byte[0];
    private long crc;
    private long size;

    /** The input a call did not consume before its output limit was reached. */
    byte[] unconsumed = new byte[0];
    /** Input after the end of the stream. */
    byte[] unused = new byte[0];

    ZlibInflation(ZlibFormat format, long wbits, byte[] zdict) {
        this.format = format;
        this.window = wbits == 0 ? 15 : ZlibFormat.window(wbits);
        this.zdict = zdict;
        this.phase = format == ZlibFormat.GZIP ? Phase.GZIP_HEADER : format == ZlibFormat.AUTO ? null : Phase.BODY;
        if (phase == Phase.BODY) {
            start();
        }
    }

    private void start() {
        inflater = new Inflater(format != ZlibFormat.ZLIB);
        if (format == ZlibFormat.RAW && zdict != null) {
            inflater.setDictionary(zdict);
        }
    }

    boolean eof() {
        return phase == Phase.DONE;
    }

    /**
     * Inflates {@code data} into at most {@code maxLength} bytes (no limit when negative); the input
     * left when the limit is reached is {@link #unconsumed}, input after the stream's end is added to
     * {@link #unused}. zlib's errors are {@code zlib.error} with CPython's "Error N while decompressing data: ...".
     */
    @TruffleBoundary
    byte[] inflate(byte[] data, long maxLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = data;
        int pos = 0;
        unconsumed = new byte[0];
        while (true) {
            if (phase == null) {
                // wbits 40..47: gzip if the stream starts with gzip's magic byte, else zlib.
                if (pos == in.length) {
                    break;
                }
                format = (in[pos] & 0xff) == 0x1f ? ZlibFormat.GZIP : ZlibFormat.ZLIB;
                phase = format == ZlibFormat.GZIP ? Phase.GZIP_HEADER : Phase.BODY;
                if (phase == Phase.BODY) {
                    start();
                }
            }
            if (phase == Phase.GZIP_HEADER) {
                in = concat(pending, in, pos);
                pos = 0;
                int length = gzipHeaderLength(in);
                if (length < 0) {
                    pending = in;
                    pos = in.length;
                    break;
                }
                pending = new byte[0];
                pos = length;
                phase = Phase.BODY;
                start();
            }
            if (phase == Phase.BODY) {
                if (format == ZlibFormat.ZLIB && pos < in.length && window < 15 && inflater.getBytesRead() == 0 && (in[pos] & 0xff) >> 4 > window - 8) {
                    throw error(-3, "invalid window size");
                }
                inflater.setInput(in, pos, in.length - pos);
                byte[] buf = new byte[(int) Math.min(Math.max(in.length * 4L, 1024), maxLength >= 0 ? Math.max(1, maxLength - out.size()) : Integer.MAX_VALUE - 16)];
                boolean limited = false;
                while (true) {
                    if (maxLength >= 0 && out.size() >= maxLength) {
                        limited = true;
                        break;
                    }
                    int room = maxLength >= 0 ? (int) Math.min(buf.length, maxLength - out.size()) : buf.length;
                    int n;
                    try {
                        n = inflater.inflate(buf, 0, room);
                    } catch (DataFormatException e) {
                        throw error(-3, e.getMessage());
                    }
                    if (n > 0) {
                        out.write(buf, 0, n);
                        if (format == ZlibFormat.GZIP) {
                            crc = ZlibChecksums.crc32(buf, 0, n, crc);
                            size += n;
                        }
                    }
                    if (inflater.finished()) {
                        break;
                    }
                    if (n == 0 && inflater.needsDictionary()) {
                        if (zdict == null) {
                            throw PyErrors.raise(ZlibModule.ERROR, "Error 2 while decompressing data");
                        }
                        inflater.setDictionary(zdict);
                        continue;
                    }
                    if (n == 0 && inflater.needsInput()) {
                        break;
                    }
                }
                pos = in.length - inflater.getRemaining();
                if (inflater.finished()) {
                    inflater.end();
                    phase = format == ZlibFormat.GZIP ? Phase.GZIP_TRAILER : Phase.DONE;
                } else {
                    if (limited) {
                        unconsumed = Arrays.copyOfRange(in, pos, in.length);
                    }
                    break;
                }
            }
            if (phase == Phase.GZIP_TRAILER) {
                in = concat(pending, in, pos);
                pos = 0;
                if (in.length < 8) {
                    pending = in;
                    pos = in.length;
                    break;
                }
                pending = new byte[0];
                if (littleEndian(in, 0) != crc) {
                    throw error(-3, "incorrect data check");
                }
                if (littleEndian(in, 4) != (size & 0xFFFFFFFFL)) {
                    throw error(-3, "incorrect length check");
                }
                pos = 8;
                phase = Phase.DONE;
            }
            if (phase == Phase.DONE) {
                if (pos < in.length) {
                    unused = concat(unused, in, pos);
                }
                break;
            }
        }
        return out.toByteArray();
    }

    /** The length of a complete gzip header at the start of {@code b}, or -1 while it is incomplete; zlib's errors for a bad one. */
    private static int gzipHeaderLength(byte[] b) {
        if (b.length >= 1 && (b[0] & 0xff) != 0x1f || b.length >= 2 && (b[1] & 0xff) != 0x8b) {
            throw error(-3, "incorrect header check");
        }
        if (b.length >= 3 && b[2] != 8) {
            throw error(-3, "unknown compression method");
        }
        if (b.length < 10) {
            return -1;
        }
        int flags = b[3] & 0xff;
        if ((flags & 0xe0) != 0) {
            throw error(-3, "unknown header flags set");
        }
        int at = 10;
        if ((flags & 4) != 0) {
            if (b.length < at + 2) {
                return -1;
            }
            at += 2 + ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8);
        }
        for (int flag : new int[]{8, 16}) {
            if ((flags & flag) != 0) {
                while (at < b.length && b[at] != 0) {
                    at++;
                }
                if (at >= b.length) {
                    return -1;
                }
                at++;
            }
        }
        if ((flags & 2) != 0) {
            if (b.length < at + 2) {
                return -1;
            }
            if ((ZlibChecksums.crc32(b, 0, at, 0) & 0xffff) != ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8)) {
                throw error(-3, "header crc mismatch");
            }
            at += 2;
        }
        return at <= b.length ? at : -1;
    }

    private static long littleEndian(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static byte[] concat(byte[] head, byte[] data, int from) {
        byte[] r = Arrays.copyOf(head, head.length + data.length - from);
        System.arraycopy(data, from, r, head.length, data.length - from);
        return r;
    }

    static RuntimeException error(int code, String message) {
        return PyErrors.raise(ZlibModule.ERROR, "Error " + code + " while decompressing data: " + message);
    }
}
