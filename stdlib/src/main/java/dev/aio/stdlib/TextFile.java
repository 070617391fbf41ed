package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;

import dev.aio.AioContext;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Codecs;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.SpecialMethods;

/**
 * A text file from {@code open(path, mode, encoding=..., newline=...)} (or {@code open(fd, ...)}
 * over a descriptor of {@code os.open}). Every access goes through a channel of Truffle's
 * {@link TruffleFile}, so an embedder's file-system policy applies: a context without IO access
 * gets a PermissionError.
 *
 * <p>Files opened for reading keep their text in memory (read whole at {@code open}; a wrapper
 * over a program's stream reads it a chunk at a time as it is asked, {@link StreamText}); {@code r+},
 * {@code w+} and {@code a+} write the whole text back at each write. Write-only files ({@code w},
 * {@code a}, {@code x}) write through at each {@code write()}, so the text is on disk at once (as
 * CPython's buffers are flushed when the file object goes away, which aio cannot tell).
 */
final class TextFile extends TextIO {
    private final Object name;
    private final String mode;
    private final String encodingName;
    private final Charset charset;
    /** {@code newline=None}: universal newlines when reading. */
    private final boolean translateNewlines;
    /** {@code newline}: null (universal, translated), "" (universal, kept), "\n", "\r" or "\r\n" (the only line end, and what "\n" becomes when written). */
    private final String newline;
    private final boolean reading;
    private final boolean writing;
    private final boolean appending;
    private SeekableByteChannel channel;
    /** The descriptor this file is over, or -1 for a file opened by path. */
    private long descriptor = -1;
    /** Whether closing the file closes the channel: {@code open(fd, closefd=False)} leaves it open. */
    private boolean closefd = true;
    /** The whole text, for files that can be read (so far as it was read, over a program's stream); the position is a char index into it. */
    private StringBuilder text;
    /** A wrapper's readable stream: its text is read as it is asked for. */
    private StreamText unread;
    private int position;
    /** Write-only files: how many bytes were written (for tell()). */
    private long written;
    private boolean closed;
    /** Whether the channel is a program's binary stream ({@code io.TextIOWrapper(buffer)}): it is the {@code buffer}. */
    private boolean wrapped;
    /** The binary file {@code buffer} gives for a file aio opened, made when first asked. */
    private BinaryFile buffer;
    /** {@code detach()} gave the stream back. */
    private boolean detached;
    /** The error handler of writes ({@code io.TextIOWrapper(errors=)}). */
    private String errors = "strict";
    /** {@code io.TextIOWrapper(line_buffering=)}, shown by its property (writes reach the stream at once anyway). */
    boolean lineBuffering;
    /**
     * A wrapper over a stream that reads and writes but cannot seek (a socket's file, CPython's
     * BufferedRWPair): what it writes goes to the stream at once, apart from what it reads, instead
     * of into the text it has read.
     */
    private boolean writesApart;
    /** A wrapper over a stream that cannot seek: {@code tell} and {@code seek} refuse, as CPython's. */
    private boolean unseekable;

    private TextFile(Object name, String mode, String encodingName, Charset charset, String newline, boolean reading, boolean writing, boolean appending) {
        this.name = name;
        this.mode = mode;
        this.encodingName = encodingName;
        this.charset = charset;
        this.newline = newline;
        this.translateNewlines = newline == null;
        this.reading = reading;
        this.writing = writing;
        this.appending = appending;
    }

    @TruffleBoundary
    static TextFile open(AioContext context, Object path, FileMode mode, Object encoding, Object newline) {
        String name = pathName(path);
        TextFile f = create(name, mode, encoding, newline);
        f.channel = BinaryFile.openChannel(resolve(context, name), name, mode);
        f.load(mode.kind());
        return f;
    }

    /** {@code open(fd, mode)}: a text file over the channel of a descriptor of {@code os.open}, named {@code name}. */
    @TruffleBoundary
    static TextFile over(AioContext context, long fd, Object name, FileMode mode, Object encoding, Object newline, boolean closefd) {
        TextFile f = create(name, mode, encoding, newline);
        f.channel = BinaryFile.descriptorChannel(context, fd);
        f.descriptor = fd;
        f.closefd = closefd;
        f.load(mode.kind());
        return f;
    }

    /**
     * {@code io.TextIOWrapper(buffer, encoding, errors, newline)} over a binary stream: reads and
     * writes call the stream's {@code read} and {@code write} ({@link StreamChannel}); it reads,
     * writes or both as the stream does, and has no {@code mode} (CPython's {@code open} sets one).
     */
    @TruffleBoundary
    static TextFile wrapping(Object buffer, Object encoding, String errors, Object newline) {
        StreamChannel stream = new StreamChannel(buffer, false);
        boolean reading = stream.answers("readable");
        boolean writing = stream.answers("writable");
        FileMode mode = FileMode.parse(reading && writing ? "r+" : reading ? "r" : "w");
        TextFile f = create(null, mode, encoding, newline);
        // Text is decoded with the Java charset, which knows no error handlers; aio's own codecs encode with them.
        if (!errors.equals("strict") && !Codecs.isKnown(f.encodingName)) {
            throw notYet(errors);
        }
        f.errors = errors;
        f.channel = stream;
        f.wrapped = true;
        f.unseekable = !stream.answers("seekable");
        f.writesApart = reading && writing && f.unseekable;
        f.load(mode.kind());
        return f;
    }

    private static TextFile create(Object name, FileMode mode, Object encoding, Object newline) {
        String given = encoding == Missing.INSTANCE || encoding == PyNone.NONE ? null : Args.string(encoding, "open() argument 'encoding'");
        // "locale" (io.text_encoding's answer for None) is the default, UTF-8, as aio's locale encoding always is.
        String encodingName = "locale".equals(given) ? null : given;
        Charset charset = charset(encodingName);
        Object nl = Args.orDefault(newline, null);
        if (nl != null && !(nl instanceof String)) {
            throw PyErrors.typeError("open() argument 'newline' must be str or None, not " + PyOps.typeName(nl));
        }
        if (nl != null && !List.of("", "\n", "\r", "\r\n").contains(nl)) {
            throw PyErrors.valueError("illegal newline value: " + nl);
        }
        return new TextFile(name, mode.text(), encodingName == null ? "UTF-8" : encodingName, charset, (String) nl, mode.reading(), mode.writing(), mode.kind() == 'a');
    }

    private static Charset charset(String encoding) {
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        String e = encoding.toLowerCase().replace('_', '-');
        try {
            return switch (e) {
                case "utf-8", "utf8", "u8", "utf-8-sig" -> StandardCharsets.UTF_8;
                case "ascii", "us-ascii" -> StandardCharsets.US_ASCII;
                case "latin-1", "latin1", "iso-8859-1", "iso8859-1" -> StandardCharsets.ISO_8859_1;
                default -> Charset.forName(e);
            };
        } catch (IllegalArgumentException ex) {
            throw PyErrors.raise(BuiltinTypes.LOOKUP_ERROR, "unknown encoding: " + encoding);
        }
    }

    /** The file name {@code open()} was given: a str, or what an os.PathLike object's {@code __fspath__} returns. */
    static String pathName(Object path) {
        if (!(fspath(path) instanceof String name)) {
            throw PyErrors.typeError("expected str, bytes or os.PathLike object, not " + PyOps.typeName(path));
        }
        return name;
    }

    static TruffleFile resolve(AioContext context, String name) {
        try {
            return context.getEnv().getPublicTruffleFile(name);
        } catch (SecurityException | UnsupportedOperationException e) {
            throw noAccess(name);
        } catch (IllegalArgumentException e) {
            throw PyErrors.valueError("invalid path: " + PyOps.repr(name));
        }
    }

    /**
     * A str path as it is; an os.PathLike object's ({@code pathlib.Path}) {@code __fspath__()};
     * anything else unchanged (CPython's {@code PyOS_FSPath}).
     */
    @TruffleBoundary
    static Object fspath(Object path) {
        if (path instanceof String) {
            return path;
        }
        Object own = SpecialMethods.call(path, "__fspath__");
        return own == SpecialMethods.NOT_DEFINED ? path : own;
    }

    /** The context may not touch files: a PermissionError that says how to allow it. */
    static AioException noAccess(String name) {
        return PyErrors.osError(13, "Permission denied (this aio context has no file access; embedders allow it with Context.Builder.allowIO)", name);
    }

    private AioException error(Exception e) {
        return fileError(e, name);
    }

    /** A Java file-system failure as the OSError CPython raises for it. */
    static AioException fileError(Exception e, Object name) {
        if (e instanceof SecurityException) {
            return noAccess(String.valueOf(name));
        }
        if (e instanceof NoSuchFileException) {
            return PyErrors.osError(2, "No such file or directory", name);
        }
        if (e instanceof FileAlreadyExistsException) {
            return PyErrors.osError(17, "File exists", name);
        }
        if (e instanceof AccessDeniedException) {
            return PyErrors.osError(13, "Permission denied", name);
        }
        if (e instanceof NotDirectoryException) {
            return PyErrors.osError(20, "Not a directory", name);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return PyErrors.osError(39, "Directory not empty", name);
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null && fse.getReason().contains("Is a directory")) {
            return PyErrors.osError(21, "Is a directory", name);
        }
        if (e instanceof FileSystemException fse && "Illegal seek".equals(fse.getReason())) {
            return PyErrors.osError(29, "Illegal seek", null);
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null && fse.getReason().contains("Not a directory")) {
            return PyErrors.osError(20, "Not a directory", name);
        }
        return PyErrors.osError(5, "Input/output error (" + e.getMessage() + ")", name);
    }

    /** Reads the text of a file that can be read; a write-only one starts at its end (append) or its start. */
    private void load(char kind) {
        try {
            if (reading && wrapped) {
                text = new StringBuilder();
                position = 0;
                unread = new StreamText((StreamChannel) channel, charset, translateNewlines, encodingName.equalsIgnoreCase("utf-8-sig"));
                return;
            }
            if (reading) {
                // r, r+: the file's text; w+, x+: empty (the channel truncated it); a+: the whole text, positioned at its end.
                if (kind == 'a') {
                    channel.position(0);
                }
                text = new StringBuilder(kind == 'r' || kind == 'a' ? decode(readRest()) : "");
                position = kind == 'a' ? text.length() : 0;
                return;
            }
            written = kind == 'a' ? channel.size() : wrapped ? 0 : channel.position();
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** Reads the next piece of a wrapper's stream into the text; false once the stream has ended. */
    private boolean readMore() {
        if (unread == null) {
            return false;
        }
        String piece = unread.next();
        if (piece == null) {
            return false;
        }
        text.append(piece);
        return true;
    }

    private void readAll() {
        while (readMore()) {
            // Each piece is appended to the text.
        }
    }

    private byte[] readRest() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) > 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return out.toByteArray();
    }

    private static AioException notYet(String errors) {
        return PyErrors.raise(BuiltinTypes.NOT_IMPLEMENTED_ERROR, "aio's TextIOWrapper takes errors=" + PyOps.repr(errors) + " only for writing utf-8, ascii or latin-1 yet");
    }

    private byte[] encode(String s) {
        return errors.equals("strict") ? s.getBytes(charset) : Codecs.encode(s, encodingName, errors);
    }

    private String decode(byte[] bytes) {
        if (bytes.length > 0 && !errors.equals("strict")) {
            throw notYet(errors);
        }
        String s = new String(bytes, charset);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF' && encodingName.equalsIgnoreCase("utf-8-sig")) {
            s = s.substring(1);
        }
        return translateNewlines ? s.replace("\r\n", "\n").replace('\r', '\n') : s;
    }

    /** Writes the whole text back (read-write modes). */
    private void store() {
        try {
            byte[] bytes = encode(text.toString());
            channel.position(0);
            writeFully(bytes);
            channel.truncate(bytes.length);
        } catch (IOException e) {
            throw error(e);
        }
    }

    private void writeFully(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    Object name() {
        return wrapped ? ((StreamChannel) channel).name() : name;
    }

    /**
     * {@code buffer}: the stream a wrapper was made over; for a file aio opened, a binary file over
     * its channel (write-only files write through, so text and bytes come out in the order
     * written). A readable file's text was read at {@code open}, so the channel is put back at the
     * byte offset of the text read so far, where CPython's buffer is when nothing is read ahead.
     */
    @Override
    @TruffleBoundary
    Object buffer() {
        if (wrapped) {
            return ((StreamChannel) channel).stream();
        }
        if (text != null && !closed) {
            try {
                channel.position(tell());
            } catch (IOException e) {
                throw error(e);
            }
        }
        if (buffer == null) {
            buffer = BinaryFile.under(name, FileMode.parse(mode.replace("t", "") + "b"), channel, descriptor);
        }
        return buffer;
    }

    /** As {@link BinaryFile#fileno}: a file opened by path is given one of aio's descriptors for its channel when first asked. */
    @Override
    @TruffleBoundary
    long fileno() {
        checkOpen();
        if (descriptor < 0) {
            descriptor = OsDescriptors.descriptors(AioContext.get(null)).add(new FileDescriptors.OpenFile(channel, (String) name, appending));
        }
        return descriptor;
    }

    /** The mode {@code open} was given; {@code null} for a wrapper, which has none. */
    @Override
    String mode() {
        return wrapped ? null : mode;
    }

    @Override
    String encoding() {
        return encodingName;
    }

    @Override
    String errors() {
        return errors;
    }

    @Override
    boolean lineBuffering() {
        return lineBuffering;
    }

    @Override
    boolean isClosed() {
        return closed;
    }

    @Override
    boolean readable() {
        checkOpen();
        return reading;
    }

    @Override
    boolean writable() {
        checkOpen();
        return writing;
    }

    /** A file can seek; a wrapper as its stream can. */
    @Override
    boolean seekable() {
        checkOpen();
        return !unseekable;
    }

    @Override
    @TruffleBoundary
    String read(long size) {
        checkOpen();
        if (!reading) {
            throw unsupported("not readable");
        }
        if (size < 0) {
            readAll();
        } else {
            while (text.codePointCount(position, text.length()) < size && readMore()) {
                // Until size characters have come, or the end.
            }
        }
        int end = size < 0 ? text.length() : offset(position, size);
        String s = text.substring(position, end);
        position = end;
        return s;
    }

    @Override
    @TruffleBoundary
    String readLine(long size) {
        checkOpen();
        if (!reading) {
            throw unsupported("not readable");
        }
        int lineEnd = lineEnd(position, false);
        while (lineEnd < 0 && (size < 0 || text.codePointCount(position, text.length()) < size)) {
            // A line end may straddle the pieces ("\r" then "\n"): look again from the last char.
            int searched = Math.max(position, text.length() - 1);
            if (!readMore()) {
                lineEnd = lineEnd(searched, true);
                break;
            }
            lineEnd = lineEnd(searched, false);
        }
        int end = lineEnd < 0 ? text.length() : lineEnd;
        if (size >= 0) {
            end = Math.min(end, offset(position, size));
        }
        String s = text.substring(position, end);
        position = end;
        return s;
    }

    /**
     * The index just after the first line end at or after {@code from}, as {@code newline} defines
     * line ends; -1 when the text read so far has none. With {@code newline=""} a {@code \r} that
     * ends the text so far ends a line only at the end of the stream ({@code atEnd}): a {@code \n}
     * may follow.
     */
    private int lineEnd(int from, boolean atEnd) {
        if (newline == null || !newline.isEmpty()) {
            String end = newline == null ? "\n" : newline;
            int i = text.indexOf(end, from);
            return i < 0 ? -1 : i + end.length();
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                if (i + 1 < text.length()) {
                    return text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                }
                return atEnd ? i + 1 : -1;
            }
        }
        return -1;
    }

    /** The char index {@code count} code points after {@code from}, or the end. */
    private int offset(int from, long count) {
        int i = from;
        for (long k = 0; k < count && i < text.length(); k++) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    @Override
    @TruffleBoundary
    long write(String given) {
        checkOpen();
        if (!writing) {
            throw unsupported("not writable");
        }
        // CPython's TextIOWrapper: with newline "\r" or "\r\n", each "\n" written becomes it.
        String s = newline != null && newline.length() > 0 && !newline.equals("\n") ? given.replace("\n", newline) : given;
        if (text == null || writesApart) {
            try {
                byte[] bytes = encode(s);
                if (appending) {
                    channel.position(channel.size());
                }
                writeFully(bytes);
                // A program's stream may not seek (sys.stdout.buffer): count what went to it.
                written = wrapped ? written + bytes.length : channel.position();
            } catch (IOException e) {
                throw error(e);
            }
        } else {
            // The whole text is written back: what the stream has not given yet is read first.
            readAll();
            if (appending) {
                position = text.length();
            }
            int end = Math.min(text.length(), position + s.length());
            text.replace(position, end, s);
            position += s.length();
            store();
        }
        return given.codePointCount(0, given.length());
    }

    @Override
    @TruffleBoundary
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        text = null;
        unread = null;
        if (!closefd) {
            return;
        }
        try {
            channel.close();
            if (descriptor >= 0) {
                OsDescriptors.descriptors(AioContext.get(null)).release(descriptor);
            }
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** A wrapper gives its stream back flushed and is unusable after, as CPython's {@code TextIOWrapper.detach}. */
    @Override
    @TruffleBoundary
    Object detach() {
        checkOpen();
        if (!wrapped) {
            throw unsupported("detach");
        }
        flush();
        Object stream = buffer();
        detached = true;
        closed = true;
        text = null;
        return stream;
    }

    @Override
    void checkOpen() {
        if (detached) {
            throw PyErrors.valueError("underlying buffer has been detached");
        }
        super.checkOpen();
    }

    /** A file's writes are on disk already; a wrapper flushes the program's stream under it, as CPython's does. */
    @Override
    void flush() {
        checkOpen();
        if (wrapped) {
            ((StreamChannel) channel).flush();
        }
    }

    /** Like CPython's text files: the position is a byte offset into the encoded text. */
    @Override
    @TruffleBoundary
    long tell() {
        checkOpen();
        if (unseekable) {
            throw unsupported("underlying stream is not seekable");
        }
        if (text == null) {
            return written;
        }
        return text.substring(0, position).getBytes(charset).length;
    }

    @Override
    @TruffleBoundary
    long seek(long offset, long whence) {
        checkOpen();
        if (unseekable) {
            throw unsupported("underlying stream is not seekable");
        }
        if (whence == 1 && offset != 0) {
            throw unsupported("can't do nonzero cur-relative seeks");
        }
        if (whence == 2 && offset != 0) {
            throw unsupported("can't do nonzero end-relative seeks");
        }
        if (whence < 0 || whence > 2) {
            throw PyErrors.valueError("invalid whence (" + whence + ", should be 0, 1 or 2)");
        }
        if (whence == 0 && offset < 0) {
            throw PyErrors.valueError("negative seek position " + offset);
        }
        readAll();
        if (text == null) {
            if (whence == 0 && offset != written) {
                throw unsupported("aio cannot seek in a write-only file yet; open it with '+'");
            }
            return written;
        }
        if (whence == 1) {
            return tell();
        }
        if (whence == 2) {
            position = text.length();
            return tell();
        }
        int i = 0;
        long bytes = 0;
        while (i < text.length() && bytes < offset) {
            int cp = text.codePointAt(i);
            bytes += new String(Character.toChars(cp)).getBytes(charset).length;
            i += Character.charCount(cp);
        }
        position = i;
        return offset;
    }
}
