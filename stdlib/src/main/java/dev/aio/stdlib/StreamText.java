package dev.aio.stdlib;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The text a {@code TextIOWrapper} reads from a program's binary stream, decoded a chunk at a
 * time as it is asked for (CPython's {@code textiowrapper_read_chunk}): each chunk is one call of
 * the stream's {@code read1} (or {@code read}), so a {@code readline()} over a pipe or a socket
 * returns as soon as its line has come. A character split between chunks, and with universal
 * newlines a {@code \r} at a chunk's end (the {@code \n} of a {@code \r\n} may follow), wait for
 * the next chunk, as CPython's incremental decoders hold them.
 */
final class StreamText {
    /** CPython's {@code _CHUNK_SIZE}. */
    private static final int CHUNK = 8192;

    private final StreamChannel stream;
    private final CharsetDecoder decoder;
    private final boolean translateNewlines;
    /** utf-8-sig: a byte order mark at the start is dropped. */
    private boolean dropMark;
    /** Bytes of a character the last chunk ended within. */
    private ByteBuffer undecoded = ByteBuffer.allocate(0);
    /** A {@code \r} held back from the end of the last piece. */
    private boolean pendingReturn;

    StreamText(StreamChannel stream, Charset charset, boolean translateNewlines, boolean dropMark) {
        this.stream = stream;
        // As aio's text files decode: what cannot be decoded becomes U+FFFD.
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.translateNewlines = translateNewlines;
        this.dropMark = dropMark;
    }

    /** The text of the next chunk or chunks the stream gives (never empty), or {@code null} where it ends. */
    @TruffleBoundary
    String next() {
        while (true) {
            byte[] chunk = stream.readChunk(CHUNK);
            boolean last = chunk.length == 0;
            ByteBuffer in = ByteBuffer.allocate(undecoded.remaining() + chunk.length).put(undecoded).put(chunk).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 2);
            decoder.decode(in, out, last);
            if (last) {
                decoder.flush(out);
                // The stream is asked again at the next read, as CPython's wrapper asks it.
                decoder.reset();
            }
            undecoded = in.slice();
            String piece = translated(out.flip().toString(), last);
            if (!piece.isEmpty()) {
                return piece;
            }
            if (last) {
                return null;
            }
        }
    }

    private String translated(String decoded, boolean last) {
        String s = decoded;
        if (dropMark && !s.isEmpty()) {
            dropMark = false;
            if (s.charAt(0) == '\uFEFF') {
                s = s.substring(1);
            }
        }
        if (!translateNewlines) {
            return s;
        }
        if (pendingReturn) {
            s = "\r" + s;
            pendingReturn = false;
        }
        if (!last && s.endsWith("\r")) {
            pendingReturn = true;
            s = s.substring(0, s.length() - 1);
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
