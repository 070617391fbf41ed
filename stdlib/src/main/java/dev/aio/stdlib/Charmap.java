package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.Codecs;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * The {@code charmap} codec of CPython's {@code _codecs} (Objects/unicodeobject.c), which the
 * single-byte codecs of the {@code encodings} package ({@code cp1252}, {@code iso8859_15},
 * {@code koi8_r}...) run on: a decoding table (a str of 256 characters, {@code '\ufffe'} for
 * an unmapped byte, or a dict) and an encoding map ({@code charmap_build}'s, here a dict from
 * code point to byte).
 */
final class Charmap {
    private static final String UNDEFINED = "character maps to <undefined>";

    private Charmap() {
    }

    /** {@code charmap_build(decoding_table)}: the inverse map, code point to byte. */
    @TruffleBoundary
    static PyDict build(String table) {
        PyDict map = new PyDict();
        int[] cps = table.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            map.put((long) cps[i], (long) i);
        }
        return map;
    }

    @TruffleBoundary
    static String decode(byte[] b, String errors, Object mapping) {
        StringBuilder sb = new StringBuilder(b.length);
        for (int i = 0; i < b.length; i++) {
            int value = b[i] & 0xff;
            String ch = decoded(value, mapping);
            if (ch != null) {
                sb.append(ch);
                continue;
            }
            switch (errors) {
                case "strict" -> throw Codecs.decodeError(b, i, i + 1, "charmap", UNDEFINED);
                case "ignore" -> {
                }
                case "replace" -> sb.append('\ufffd');
                case "backslashreplace" -> sb.append(String.format("\\x%02x", value));
                case "surrogateescape" -> sb.append((char) (0xdc00 + value));
                default -> throw Codecs.unknownHandler(errors);
            }
        }
        return sb.toString();
    }

    /** What the byte decodes to, or {@code null} if the table does not map it. */
    private static String decoded(int value, Object mapping) {
        if (mapping == PyNone.NONE) {
            return String.valueOf((char) value);
        }
        if (mapping instanceof String table) {
            if (value >= table.length() || table.charAt(value) == '\ufffe') {
                return null;
            }
            return String.valueOf(table.charAt(value));
        }
        Object to = mapping instanceof PyDict d ? d.get((long) value) : null;
        if (to == null || to == PyNone.NONE) {
            return null;
        }
        if (to instanceof String s) {
            return s;
        }
        return new String(Character.toChars((int) Args.index(to, "charmap")));
    }

    @TruffleBoundary
    static byte[] encode(String s, String errors, Object mapping) {
        int[] cps = s.codePoints().toArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(cps.length);
        int i = 0;
        while (i < cps.length) {
            int b = encoded(cps[i], mapping);
            if (b >= 0) {
                out.write(b);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < cps.length && encoded(cps[end], mapping) < 0) {
                end++;
            }
            switch (errors) {
                case "strict" -> throw Codecs.encodeError("charmap", s, cps, i, end, UNDEFINED);
                case "ignore" -> {
                }
                case "replace" -> writeAll(out, "?".repeat(end - i), mapping, s, cps, i, end);
                case "backslashreplace", "xmlcharrefreplace" -> {
                    StringBuilder sb = new StringBuilder();
                    for (int k = i; k < end; k++) {
                        sb.append(errors.equals("xmlcharrefreplace") ? "&#" + cps[k] + ";" : Codecs.backslashEscape(cps[k]));
                    }
                    writeAll(out, sb.toString(), mapping, s, cps, i, end);
                }
                default -> throw Codecs.unknownHandler(errors);
            }
            i = end;
        }
        return out.toByteArray();
    }

    /** A replacement, which must itself be in the map. */
    private static void writeAll(ByteArrayOutputStream out, String replacement, Object mapping, String s, int[] cps, int start, int end) {
        for (int k = 0; k < replacement.length(); k++) {
            int b = encoded(replacement.charAt(k), mapping);
            if (b < 0) {
                throw Codecs.encodeError("charmap", s, cps, start, end, UNDEFINED);
            }
            out.write(b);
        }
    }

    /** The byte a code point encodes to, or -1. */
    private static int encoded(int cp, Object mapping) {
        if (mapping == PyNone.NONE) {
            return cp < 256 ? cp : -1;
        }
        if (!(mapping instanceof PyDict d)) {
            throw PyErrors.typeError("character mapping must return integer, bytes or None, not " + PyOps.typeName(mapping));
        }
        Object to = d.get((long) cp);
        if (to == null || to == PyNone.NONE) {
            return -1;
        }
        long b = Args.index(to, "charmap");
        if (b < 0 || b > 255) {
            throw PyErrors.typeError("character mapping must be in range(256)");
        }
        return (int) b;
    }
}
