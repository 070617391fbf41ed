package dev.aio.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * {@code str.encode} and {@code bytes.decode}: the utf-8, ascii and latin-1 codecs written out so
 * that their errors (positions, reasons) and error handlers ({@code strict}, {@code ignore},
 * {@code replace}, {@code backslashreplace}, {@code surrogateescape}, {@code xmlcharrefreplace})
 * behave as CPython's {@code Objects/unicodeobject.c}; utf-16 and utf-32 through the JDK's charsets;
 * {@code raw-unicode-escape} (latin-1 with {@code \\uXXXX} escapes, which pickle's protocol 0 writes).
 */
public final class Codecs {
    private Codecs() {
    }

    /** CPython's normalized codec name for an encoding name, or LookupError. */
    @TruffleBoundary
    public static String codecName(String encoding) {
        String name = knownName(encoding);
        if (name == null) {
            throw PyErrors.raise(BuiltinTypes.LOOKUP_ERROR, "unknown encoding: " + encoding);
        }
        return name;
    }

    /** Whether the encoding is one of the codecs written here (the others are the codec registry's). */
    @TruffleBoundary
    public static boolean isKnown(String encoding) {
        return knownName(encoding) != null;
    }

    private static String knownName(String encoding) {
        String n = encoding.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (n) {
            case "utf-8", "utf8", "u8", "utf", "cp65001" -> "utf-8";
            case "ascii", "us-ascii", "646", "us" -> "ascii";
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin", "iso-ir-100" -> "latin-1";
            case "utf-16", "utf16", "u16" -> "utf-16";
            case "utf-16-le", "utf-16le" -> "utf-16-le";
            case "utf-16-be", "utf-16be" -> "utf-16-be";
            case "utf-32", "utf32", "u32" -> "utf-32";
            case "utf-32-le", "utf-32le" -> "utf-32-le";
            case "utf-32-be", "utf-32be" -> "utf-32-be";
            case "raw-unicode-escape" -> "raw-unicode-escape";
            default -> null;
        };
    }

    // ----- encoding ----------------------------------------------------------------------------

    @TruffleBoundary
    public static byte[] encode(String s, String encoding, String errors) {
        String codec = codecName(encoding);
        return switch (codec) {
            case "utf-8" -> encodeLimited(s, codec, Integer.MAX_VALUE, errors);
            case "ascii" -> encodeLimited(s, codec, 0x7f, errors);
            case "latin-1" -> encodeLimited(s, codec, 0xff, errors);
            case "raw-unicode-escape" -> encodeRawUnicodeEscape(s);
            default -> encodeWide(s, codec);
        };
    }

    /** Code points up to 0xff as one byte, the others as {@code \\uXXXX} or {@code \\UXXXXXXXX}. */
    private static byte[] encodeRawUnicodeEscape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x100) {
                out.write(cp);
            } else {
                out.writeBytes((cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp)).getBytes(StandardCharsets.ISO_8859_1));
            }
        });
        return out.toByteArray();
    }

    /** utf-8 (every code point but surrogates), ascii and latin-1 (code points up to {@code max}). */
    private static byte[] encodeLimited(String s, String codec, int max, String errors) {
        int[] cps = s.codePoints().toArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(cps.length);
        int i = 0;
        while (i < cps.length) {
            int cp = cps[i];
            if (encodable(cp, max)) {
                writeCodePoint(out, cp, max);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < cps.length && !encodable(cps[end], max)) {
                end++;
            }
            String reason = max == Integer.MAX_VALUE ? "surrogates not allowed" : "ordinal not in range(" + (max + 1) + ")";
            switch (errors) {
                case "strict" -> throw encodeError(codec, s, cps, i, end, reason);
                case "ignore" -> {
                }
                case "replace" -> {
                    for (int k = i; k < end; k++) {
                        out.write('?');
                    }
                }
                case "backslashreplace" -> {
                    for (int k = i; k < end; k++) {
                        out.writeBytes(backslashEscape(cps[k]).getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                case "xmlcharrefreplace" -> {
                    for (int k = i; k < end; k++) {
                        out.writeBytes(("&#" + cps[k] + ";").getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                case "surrogateescape" -> {
                    for (int k = i; k < end; k++) {
                        if (cps[k] < 0xdc80 || cps[k] > 0xdcff) {
                            throw encodeError(codec, s, cps, i, end, reason);
                        }
                        out.write(cps[k] - 0xdc00);
                    }
                }
                case "namereplace" -> {
                    for (int k = i; k < end; k++) {
                        out.writeBytes(nameEscape(cps[k]).getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                case "surrogatepass" -> {
                    // Only UTF-8 can carry a surrogate (as its three-byte form); the others raise the error itself.
                    if (max != Integer.MAX_VALUE) {
                        throw encodeError(codec, s, cps, i, end, reason);
                    }
                    for (int k = i; k < end; k++) {
                        out.write(0xe0 | cps[k] >> 12);
                        out.write(0x80 | cps[k] >> 6 & 0x3f);
                        out.write(0x80 | cps[k] & 0x3f);
                    }
                }
                default -> {
                    AioException error = encodeError(codec, s, cps, i, end, reason);
                    CodecErrorRegistry.Replacement r = CodecErrorRegistry.call(CodecErrorRegistry.require(errors), error, cps.length, true);
                    if (r.text() instanceof PyBytes b) {
                        out.writeBytes(b.array());
                    } else {
                        int[] replacement = ((String) r.text()).codePoints().toArray();
                        for (int c : replacement) {
                            // A replacement the codec cannot encode either: the error itself, as CPython raises it.
                            if (!encodable(c, max)) {
                                throw error;
                            }
                            writeCodePoint(out, c, max);
                        }
                    }
                    i = r.position();
                    continue;
                }
            }
            i = end;
        }
        return out.toByteArray();
    }

    private static boolean encodable(int cp, int max) {
        return max == Integer.MAX_VALUE ? cp < 0xd800 || cp > 0xdfff : cp <= max;
    }

    private static void writeCodePoint(ByteArrayOutputStream out, int cp, int max) {
        if (max != Integer.MAX_VALUE || cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xc0 | cp >> 6);
            out.write(0x80 | cp & 0x3f);
        } else if (cp < 0x10000) {
            out.write(0xe0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3f);
            out.write(0x80 | cp & 0x3f);
        } else {
            out.write(0xf0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3f);
            out.write(0x80 | cp >> 6 & 0x3f);
            out.write(0x80 | cp & 0x3f);
        }
    }

    private static byte[] encodeWide(String s, String codec) {
        byte[] body = s.getBytes(charset(codec));
        if (codec.equals("utf-16") || codec.equals("utf-32")) {
            // CPython writes a byte order mark, then little-endian code units on a little-endian machine.
            return concat(codec.equals("utf-16") ? new byte[]{(byte) 0xff, (byte) 0xfe} : new byte[]{(byte) 0xff, (byte) 0xfe, 0, 0}, body);
        }
        return body;
    }

    private static Charset charset(String codec) {
        return Charset.forName(switch (codec) {
            case "utf-16", "utf-16-le" -> "UTF-16LE";
            case "utf-16-be" -> "UTF-16BE";
            case "utf-32", "utf-32-le" -> "UTF-32LE";
            default -> "UTF-32BE";
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    public static String backslashEscape(int cp) {
        if (cp < 0x100) {
            return String.format("\\x%02x", cp);
        }
        return cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    /**
     * {@code \N{NAME}} for a code point unicodedata names, else its backslash escape (the
     * {@code namereplace} handler). The JDK names the characters of a range (surrogates, private
     * use, CJK ideographs) by their block and code: of those, unicodedata names only the ideographs.
     */
    public static String nameEscape(int cp) {
        String name = Character.getName(cp);
        String hex = Integer.toHexString(cp).toUpperCase(Locale.ROOT);
        if (name != null && name.endsWith(" " + hex)) {
            name = name.startsWith("CJK UNIFIED IDEOGRAPHS") ? "CJK UNIFIED IDEOGRAPH-" + hex : null;
        }
        return name != null ? "\\N{" + name + "}" : backslashEscape(cp);
    }

    /** CPython's UnicodeEncodeError for {@code cps[start:end]} of {@code s} (code points), with its attributes. */
    public static AioException encodeError(String codec, String s, int[] cps, int start, int end, String reason) {
        String message = end - start == 1
                        ? "'" + codec + "' codec can't encode character '" + backslashEscape(cps[start]) + "' in position " + start + ": " + reason
                        : "'" + codec + "' codec can't encode characters in position " + start + "-" + (end - 1) + ": " + reason;
        return withDetails(PyErrors.raise(BuiltinTypes.UNICODE_ENCODE_ERROR, message), codec, s, start, end, reason);
    }

    private static AioException withDetails(AioException e, String codec, Object object, int start, int end, String reason) {
        PyDict d = e.getException().dict();
        d.put("encoding", codec);
        d.put("object", object);
        d.put("start", (long) start);
        d.put("end", (long) end);
        d.put("reason", reason);
        return e;
    }

    public static AioException unknownHandler(String errors) {
        return PyErrors.raise(BuiltinTypes.LOOKUP_ERROR, "unknown error handler name '" + errors + "'");
    }

    // ----- decoding ----------------------------------------------------------------------------

    @TruffleBoundary
    public static String decode(byte[] b, String encoding, String errors) {
        String codec = codecName(encoding);
        return switch (codec) {
            case "utf-8" -> decodeUtf8(b, errors);
            case "ascii" -> decodeAscii(b, errors);
            case "latin-1" -> new String(b, StandardCharsets.ISO_8859_1);
            case "raw-unicode-escape" -> decodeRawUnicodeEscape(b);
            default -> decodeWide(b, codec, errors);
        };
    }

    private static String decodeAscii(byte[] b, String errors) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            if (b[i] >= 0) {
                sb.append((char) b[i++]);
            } else {
                i = handleDecodeError(sb, b, i, i + 1, "ascii", "ordinal not in range(128)", errors);
            }
        }
        return sb.toString();
    }

    /** UTF-8 as CPython decodes it: the same error ranges and reasons (RFC 3629 limits, no surrogates). */
    private static String decodeUtf8(byte[] b, String errors) {
        StringBuilder sb = new StringBuilder(b.length);
        int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                need = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                need = 2;
                lo = c == 0xe0 ? 0xa0 : 0x80;
                hi = c == 0xed ? 0x9f : 0xbf;
            } else if (c >= 0xf0 && c <= 0xf4) {
                need = 3;
                lo = c == 0xf0 ? 0x90 : 0x80;
                hi = c == 0xf4 ? 0x8f : 0xbf;
            } else {
                i = handleDecodeError(sb, b, i, i + 1, "utf-8", "invalid start byte", errors);
                continue;
            }
            int valid = 0;
            int cp = c & (0x3f >> need);
            while (valid < need && i + 1 + valid < n) {
                int cc = b[i + 1 + valid] & 0xff;
                if (valid == 0 ? cc < lo || cc > hi : cc < 0x80 || cc > 0xbf) {
                    break;
                }
                cp = cp << 6 | cc & 0x3f;
                valid++;
            }
            if (valid == need) {
                sb.appendCodePoint(cp);
                i += need + 1;
            } else {
                int end = i + 1 + valid;
                String reason = end == n ? "unexpected end of data" : "invalid continuation byte";
                i = handleDecodeError(sb, b, i, end, "utf-8", reason, errors);
            }
        }
        return sb.toString();
    }

    /**
     * Bytes as latin-1, but {@code \\uXXXX} and {@code \\UXXXXXXXX} after an odd number of
     * backslashes are the code point they name (CPython's {@code _PyUnicode_DecodeRawUnicodeEscapeStateful}).
     */
    private static String decodeRawUnicodeEscape(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            if (b[i] != '\\') {
                sb.append((char) (b[i++] & 0xff));
                continue;
            }
            int start = i;
            while (i < b.length && b[i] == '\\') {
                sb.append('\\');
                i++;
            }
            if (((i - start) & 1) == 0 || i >= b.length || b[i] != 'u' && b[i] != 'U') {
                continue;
            }
            sb.setLength(sb.length() - 1);
            int digits = b[i] == 'u' ? 4 : 8;
            int escape = i - 1;
            i++;
            int cp = 0;
            for (int k = 0; k < digits; k++, i++) {
                int d = i < b.length ? Character.digit(b[i], 16) : -1;
                if (d < 0) {
                    String reason = digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                    throw decodeError(b, escape, i, "rawunicodeescape", reason);
                }
                cp = cp << 4 | d;
            }
            if (Integer.compareUnsigned(cp, 0x10ffff) > 0) {
                throw decodeError(b, escape, i, "rawunicodeescape", "\\Uxxxxxxxx out of range");
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** CPython's UnicodeDecodeError for {@code b[start:end]}, with its attributes. */
    public static AioException decodeError(byte[] b, int start, int end, String codec, String reason) {
        String message = end - start == 1
                        ? "'" + codec + "' codec can't decode byte 0x" + String.format("%02x", b[start] & 0xff) + " in position " + start + ": " + reason
                        : "'" + codec + "' codec can't decode bytes in position " + start + "-" + (end - 1) + ": " + reason;
        return withDetails(PyErrors.raise(BuiltinTypes.UNICODE_DECODE_ERROR, message), codec, new PyBytes(b.clone()), start, end, reason);
    }

    /** Applies the error handler to the undecodable {@code b[start:end]}; the position decoding goes on from. */
    private static int handleDecodeError(StringBuilder sb, byte[] b, int start, int end, String codec, String reason, String errors) {
        switch (errors) {
            case "strict" -> throw decodeError(b, start, end, codec, reason);
            case "ignore" -> {
            }
            case "replace" -> sb.append('\ufffd');
            case "backslashreplace" -> {
                for (int k = start; k < end; k++) {
                    sb.append(String.format("\\x%02x", b[k] & 0xff));
                }
            }
            case "surrogateescape" -> {
                for (int k = start; k < end; k++) {
                    sb.append((char) (0xdc00 + (b[k] & 0xff)));
                }
            }
            case "surrogatepass" -> {
                // UTF-8's three-byte form of a surrogate (ED A0..BF 80..BF) is the surrogate; anything else is the error.
                if (!codec.equals("utf-8") || start + 3 > b.length || (b[start] & 0xff) != 0xed || (b[start + 1] & 0xe0) != 0xa0 || (b[start + 2] & 0xc0) != 0x80) {
                    throw decodeError(b, start, end, codec, reason);
                }
                sb.append((char) (0xd000 | (b[start + 1] & 0x3f) << 6 | b[start + 2] & 0x3f));
                return start + 3;
            }
            case "xmlcharrefreplace", "namereplace" -> throw PyErrors.typeError("don't know how to handle UnicodeDecodeError in error callback");
            default -> {
                CodecErrorRegistry.Replacement r = CodecErrorRegistry.call(CodecErrorRegistry.require(errors), decodeError(b, start, end, codec, reason), b.length, false);
                sb.append((String) r.text());
                return r.position();
            }
        }
        return end;
    }

    private static String decodeWide(byte[] b, String codec, String errors) {
        String actual = codec;
        int skip = 0;
        if (codec.equals("utf-16") || codec.equals("utf-32")) {
            boolean wide = codec.equals("utf-32");
            boolean bigEndian = wide ? b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xfe && b[3] == (byte) 0xff
                            : b.length >= 2 && b[0] == (byte) 0xfe && b[1] == (byte) 0xff;
            boolean littleEndian = wide ? b.length >= 4 && b[0] == (byte) 0xff && b[1] == (byte) 0xfe && b[2] == 0 && b[3] == 0
                            : b.length >= 2 && b[0] == (byte) 0xff && b[1] == (byte) 0xfe;
            skip = bigEndian || littleEndian ? (wide ? 4 : 2) : 0;
            actual = codec + (bigEndian ? "-be" : "-le");
        }
        int unit = codec.startsWith("utf-32") ? 4 : 2;
        int whole = skip + (b.length - skip) / unit * unit;
        var decoder = charset(actual).newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        if (!errors.equals("strict")) {
            decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        }
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(b, skip, whole - skip)).toString();
        } catch (CharacterCodingException e) {
            throw withDetails(PyErrors.raise(BuiltinTypes.UNICODE_DECODE_ERROR, "'" + actual + "' codec can't decode bytes: illegal encoding"), actual,
                            new PyBytes(b.clone()), skip, b.length, "illegal encoding");
        }
        if (whole < b.length) {
            StringBuilder sb = new StringBuilder(text);
            handleDecodeError(sb, b, whole, b.length, actual, "truncated data", errors);
            return sb.toString();
        }
        return text;
    }
}
