package dev.aio.stdlib;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The input of {@link ExpatTokenizer}: the bytes fed so far, decoded into the text not yet consumed,
 * with expat's positions (line from 1, column from 0 in characters, byte index in the input) of
 * every character of it. CR LF and a lone CR count as one line break, as expat normalizes them. The
 * encoding is the parser's, else a byte order mark's, else UTF-8 until the XML declaration names
 * another, at which point the bytes after the declaration are decoded again (expat's
 * {@code XML_SetEncoding} and its encoding detection in xmltok.c).
 */
final class ExpatInput {
    private byte[] raw = new byte[0];
    /** {@code raw[rawStart..]} are the bytes of the unconsumed text followed by undecoded ones. */
    private int rawStart;
    private int rawEnd;
    /** How many bytes from {@code rawStart} the unconsumed text covers. */
    private int decodedBytes;
    private final StringBuilder text = new StringBuilder();
    private int start;
    private Charset charset;
    private boolean encodingFixed;
    private boolean sawInput;
    /** The bytes after the decoded text are not valid in the encoding. */
    private boolean invalidAhead;

    private long line = 1;
    private long column;
    private long byteIndex;

    private int cachedIndex = -1;
    private long cachedLine;
    private long cachedColumn;
    private long cachedByte;

    /** Fixes the encoding as {@code ParserCreate(encoding)} or a str passed to {@code Parse} does; false if it is unknown. */
    boolean fixEncoding(String name) {
        Charset c = charsetNamed(name);
        if (c == null) {
            return false;
        }
        charset = c;
        encodingFixed = true;
        return true;
    }

    boolean hasStarted() {
        return sawInput;
    }

    void append(byte[] data) {
        if (rawEnd + data.length > raw.length) {
            int live = rawEnd - rawStart;
            byte[] grown = new byte[Math.max(live + data.length, 2 * live + 64)];
            System.arraycopy(raw, rawStart, grown, 0, live);
            raw = grown;
            rawEnd = live;
            rawStart = 0;
        }
        System.arraycopy(data, 0, raw, rawEnd, data.length);
        rawEnd += data.length;
        if (!sawInput && charset == null) {
            if (rawEnd - rawStart < 3 && data.length > 0 && startsLikeByteOrderMark()) {
                return;
            }
            detectByteOrderMark();
        }
        if (rawEnd > rawStart) {
            sawInput = true;
        }
        decode();
    }

    private boolean startsLikeByteOrderMark() {
        int b = raw[rawStart] & 0xff;
        return b == 0xEF || b == 0xFE || b == 0xFF;
    }

    private void detectByteOrderMark() {
        int n = rawEnd - rawStart;
        if (n >= 3 && (raw[rawStart] & 0xff) == 0xEF && (raw[rawStart + 1] & 0xff) == 0xBB && (raw[rawStart + 2] & 0xff) == 0xBF) {
            skipMark(3, StandardCharsets.UTF_8);
        } else if (n >= 2 && (raw[rawStart] & 0xff) == 0xFE && (raw[rawStart + 1] & 0xff) == 0xFF) {
            skipMark(2, StandardCharsets.UTF_16BE);
        } else if (n >= 2 && (raw[rawStart] & 0xff) == 0xFF && (raw[rawStart + 1] & 0xff) == 0xFE) {
            skipMark(2, StandardCharsets.UTF_16LE);
        } else {
            charset = StandardCharsets.UTF_8;
        }
    }

    /** expat counts the byte order mark as a column. */
    private void skipMark(int length, Charset c) {
        charset = c;
        encodingFixed = true;
        rawStart += length;
        byteIndex += length;
        column++;
    }

    private void decode() {
        if (invalidAhead || charset == null) {
            return;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw, rawStart + decodedBytes, rawEnd - rawStart - decodedBytes);
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        CoderResult result = decoder.decode(in, out, false);
        if (result.isError()) {
            invalidAhead = true;
        }
        out.flip();
        text.append(out);
        decodedBytes = in.position() - rawStart;
    }

    /** Switches to the encoding an XML declaration names, unless the encoding is fixed; false if it is unknown. */
    boolean declareEncoding(String name) {
        if (encodingFixed) {
            return true;
        }
        Charset c = charsetNamed(name);
        if (c == null) {
            return false;
        }
        if (!c.equals(charset)) {
            charset = c;
            text.setLength(start);
            decodedBytes = 0;
            invalidAhead = false;
            decode();
        }
        return true;
    }

    /** CPython's expat decodes UTF-8, UTF-16, ISO-8859-1 and US-ASCII itself and any one-byte codec through Python. */
    private static Charset charsetNamed(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "utf-8", "utf8":
                return StandardCharsets.UTF_8;
            case "utf-16":
                return StandardCharsets.UTF_16BE;
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1":
                return StandardCharsets.ISO_8859_1;
            case "ascii", "us-ascii":
                return StandardCharsets.US_ASCII;
            default:
                try {
                    if (Charset.isSupported(n)) {
                        Charset c = Charset.forName(n);
                        if (c.newEncoder().maxBytesPerChar() == 1) {
                            return c;
                        }
                    }
                } catch (IllegalCharsetNameException e) {
                    return null;
                }
                return null;
        }
    }

    boolean invalidAhead() {
        return invalidAhead;
    }

    /** Whether bytes are left that do not make a whole character yet. */
    boolean hasPartialCharacter() {
        return !invalidAhead && rawEnd - rawStart > decodedBytes;
    }

    int start() {
        return start;
    }

    int end() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    String substring(int from, int to) {
        return text.substring(from, to);
    }

    /** expat's position of character {@code i} (or of the end): line, column, byte index (-1 before any input, as expat's). */
    long[] positionOf(int i) {
        if (!sawInput) {
            return new long[]{line, column, -1};
        }
        int k;
        long l;
        long c;
        long b;
        if (cachedIndex >= start && cachedIndex <= i) {
            k = cachedIndex;
            l = cachedLine;
            c = cachedColumn;
            b = cachedByte;
        } else {
            k = start;
            l = line;
            c = column;
            b = byteIndex;
        }
        for (; k < i; k++) {
            char ch = text.charAt(k);
            b += byteLength(ch);
            if (ch == '\n' && k > 0 && text.charAt(k - 1) == '\r') {
                continue;
            }
            if (ch == '\n' || ch == '\r') {
                l++;
                c = 0;
            } else if (!Character.isLowSurrogate(ch)) {
                c++;
            }
        }
        cachedIndex = i;
        cachedLine = l;
        cachedColumn = c;
        cachedByte = b;
        return new long[]{l, c, b};
    }

    private int byteLength(char ch) {
        if (charset == StandardCharsets.UTF_8) {
            if (ch < 0x80) {
                return 1;
            }
            if (ch < 0x800) {
                return 2;
            }
            return Character.isSurrogate(ch) ? 2 : 3;
        }
        return charset == StandardCharsets.UTF_16BE || charset == StandardCharsets.UTF_16LE ? 2 : 1;
    }

    /** Drops the text before {@code i}, which the tokenizer is done with. */
    void consumeTo(int i) {
        long[] p = positionOf(i);
        int bytes = (int) (p[2] - byteIndex);
        line = p[0];
        column = p[1];
        byteIndex = p[2];
        rawStart += bytes;
        decodedBytes -= bytes;
        start = i;
        if (start > 4096 && start > text.length() / 2) {
            text.delete(0, start);
            cachedIndex -= start;
            start = 0;
        }
    }
}
