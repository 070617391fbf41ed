package dev.aio.parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of a source file → its text, as CPython's tokenizer decodes them (PEP 263,
 * {@code Parser/tokenizer.c}): UTF-8 unless the first or second line declares another encoding
 * ({@code # -*- coding: latin-1 -*-}); a UTF-8 byte order mark is skipped. Bytes that are not
 * valid in the encoding are a SyntaxError naming the first of them and its line.
 */
public final class SourceDecoder {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** PEP 263's declaration, on a line that is only a comment. */
    private static final Pattern DECLARATION = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    private SourceDecoder() {
    }

    public static String decode(byte[] bytes, String fileName) {
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        int start = bom ? BOM.length : 0;
        String declared = normalized(declaredEncoding(bytes, start));
        Charset charset = StandardCharsets.UTF_8;
        if (declared != null) {
            try {
                charset = Charset.forName(declared);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw unlocated(fileName, "encoding problem: " + declared);
            }
            if (bom && !charset.equals(StandardCharsets.UTF_8)) {
                throw unlocated(fileName, "encoding problem: " + declared + " with BOM");
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = firstUndecodable(charset, bytes, start);
            throw unlocated(fileName, String.format("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                            bytes[bad] & 0xFF, fileName, lineOf(bytes, start, bad)));
        }
    }

    /** The encoding named on line 1, or on line 2 when line 1 is a comment or blank, as CPython looks for it. */
    private static String declaredEncoding(byte[] bytes, int start) {
        int end1 = lineEnd(bytes, start);
        String first = new String(bytes, start, end1 - start, StandardCharsets.ISO_8859_1);
        Matcher m = DECLARATION.matcher(first);
        if (m.find()) {
            return m.group(1);
        }
        String stripped = first.strip();
        if (end1 >= bytes.length || !(stripped.isEmpty() || stripped.startsWith("#"))) {
            return null;
        }
        int start2 = end1 + 1;
        m = DECLARATION.matcher(new String(bytes, start2, lineEnd(bytes, start2) - start2, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    /** CPython's tokenizer's {@code get_normal_name}: the spellings of UTF-8 and Latin-1 it knows by heart. */
    private static String normalized(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (lower.equals("utf-8") || lower.startsWith("utf-8-")) {
            return "utf-8";
        }
        for (String latin1 : new String[]{"latin-1", "iso-8859-1", "iso-latin-1"}) {
            if (lower.equals(latin1) || lower.startsWith(latin1 + "-")) {
                return "iso-8859-1";
            }
        }
        return name;
    }

    private static int lineEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Where decoding fails: decodes one step at a time until the decoder reports the malformed input. */
    private static int firstUndecodable(Charset charset, byte[] bytes, int start) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        if (decoder.decode(in, out, true).isError()) {
            return in.position();
        }
        return start;
    }

    private static int lineOf(byte[] bytes, int start, int index) {
        int line = 1;
        for (int i = start; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static AioSyntaxError unlocated(String fileName, String message) {
        return new AioSyntaxError(fileName, "SyntaxError", message, 0, 0, 0, null);
    }
}
