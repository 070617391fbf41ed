package dev.aio.stdlib;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.Codecs;

/**
 * What {@code _codecs.utf_8_decode(data, errors, final)} and its utf-16/utf-32 kin decode when
 * {@code final} is false, as an incremental decoder feeds them: the bytes up to an incomplete
 * character at the end, which are left for the next call (CPython's {@code consumed}).
 */
final class PartialDecoding {
    private PartialDecoding() {
    }

    /** The text and how many bytes it used; {@code byteorder} as utf_16_ex_decode reports it (-1 little, 1 big, 0 not known). */
    record Result(String text, int consumed, int byteorder) {
    }

    @TruffleBoundary
    static Result utf8(byte[] b, String errors, boolean last) {
        int end = last ? b.length : b.length - incompleteUtf8Tail(b);
        return new Result(Codecs.decode(Arrays.copyOf(b, end), "utf-8", errors), end, 0);
    }

    /**
     * How many bytes at the end start a UTF-8 sequence that more bytes could complete: a lead
     * byte and the continuation bytes after it, each in the range its position allows.
     */
    private static int incompleteUtf8Tail(byte[] b) {
        for (int k = 1; k <= Math.min(3, b.length); k++) {
            int lead = b[b.length - k] & 0xff;
            if ((lead & 0xc0) == 0x80) {
                continue;
            }
            int need = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 1;
            if (need <= k) {
                return 0;
            }
            if (k >= 2) {
                int second = b[b.length - k + 1] & 0xff;
                int low = lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80;
                int high = lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf;
                if (second < low || second > high) {
                    return 0;
                }
            }
            return k;
        }
        return 0;
    }

    /**
     * utf-16 ({@code unit} 2) or utf-32 (4): {@code byteorder} 0 reads a byte order mark if there
     * is one (little-endian without), -1 and 1 decode little- and big-endian.
     */
    @TruffleBoundary
    static Result wide(byte[] b, String errors, int byteorder, boolean last, int unit) {
        int skip = 0;
        int order = byteorder;
        if (order == 0) {
            if (b.length < unit && !last) {
                return new Result("", 0, 0);
            }
            if (startsWith(b, unit == 2 ? new byte[]{(byte) 0xff, (byte) 0xfe} : new byte[]{(byte) 0xff, (byte) 0xfe, 0, 0})) {
                order = -1;
                skip = unit;
            } else if (startsWith(b, unit == 2 ? new byte[]{(byte) 0xfe, (byte) 0xff} : new byte[]{0, 0, (byte) 0xfe, (byte) 0xff})) {
                order = 1;
                skip = unit;
            }
        }
        int end = b.length;
        if (!last) {
            end = skip + (b.length - skip) / unit * unit;
            // A high surrogate at the end waits for its low half.
            if (unit == 2 && end - skip >= 2) {
                int high = order == 1 ? b[end - 2] & 0xff : b[end - 1] & 0xff;
                if (high >= 0xd8 && high <= 0xdb) {
                    end -= 2;
                }
            }
        }
        String codec = (unit == 2 ? "utf-16" : "utf-32") + (order == 1 ? "-be" : "-le");
        String text = Codecs.decode(Arrays.copyOfRange(b, skip, end), codec, errors);
        return new Result(text, end, order);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }
}
