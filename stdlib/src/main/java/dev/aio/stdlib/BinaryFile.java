package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;

import dev.aio.AioContext;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinSubclassInstance;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SpecialMethods;

/**
 * A binary file from {@code open(path, 'rb')} and the other {@code b} modes: CPython's
 * {@code _io.FileIO} with {@code buffering=0}, else {@code BufferedReader}, {@code BufferedWriter}
 * or {@code BufferedRandom} as the mode reads, writes or both. It is a channel of Truffle's
 * {@link TruffleFile}, so an embedder's file-system policy applies.
 *
 * <p>Reads go through a read-ahead buffer, as CPython's buffered classes do; writes go to the
 * channel at once (the bytes are on disk when {@code write} returns: aio cannot tell when a file
 * object goes away, where CPython flushes its buffer).
 */
final class BinaryFile extends PyIterator implements BuiltinSubclassInstance {
    static final PyType FILE_IO = new PyType("FileIO", "_io").withModuleInMessages();
    static final PyType BUFFERED_READER = new PyType("BufferedReader", "_io").withModuleInMessages();
    static final PyType BUFFERED_WRITER = new PyType("BufferedWriter", "_io").withModuleInMessages();
    static final PyType BUFFERED_RANDOM = new PyType("BufferedRandom", "_io").withModuleInMessages();
    private static final int CHUNK = 8192;

    /** The path it was opened by, or the descriptor number it was opened over ({@code open(fd)}). */
    private final Object name;
    /** How it was opened; null in an instance of a derived class before its {@code __init__}. */
    private FileMode mode;
    /** FileIO or one of the buffered types, or the class derived from one in aio code. */
    private final PyType type;
    private SeekableByteChannel channel;
    /** The descriptor this file is over, or -1 for a file opened by path. */
    private long descriptor = -1;
    /** Whether closing the file closes the channel (and frees its descriptor): {@code open(fd, closefd=False)} leaves it open. */
    private boolean closefd = true;
    private boolean closed;
    /** Bytes read from the channel ahead of the file's position. */
    private final ByteBuffer ahead = ByteBuffer.allocate(CHUNK).limit(0);
    /** Attributes a program sets on the file (tempfile names its files this way), as CPython's file objects have a __dict__. */
    private final PyDict attributes = new PyDict();

    private BinaryFile(Object name, FileMode mode, boolean buffered) {
        this.name = name;
        this.mode = mode;
        if (!buffered) {
            type = FILE_IO;
        } else if (mode.reading() && mode.writing()) {
            type = BUFFERED_RANDOM;
        } else {
            type = mode.reading() ? BUFFERED_READER : BUFFERED_WRITER;
        }
    }

    /** An instance of a class derived from a buffered type, made empty for its {@code __init__} ({@link #wrap}). */
    BinaryFile(PyType derived) {
        this.name = null;
        this.type = derived;
    }

    @TruffleBoundary
    static BinaryFile open(AioContext context, Object path, FileMode mode, boolean buffered) {
        String name = TextFile.pathName(path);
        BinaryFile f = new BinaryFile(name, mode, buffered);
        f.channel = openChannel(TextFile.resolve(context, name), name, mode);
        return f;
    }

    /** The channel {@code open(name, mode)} reads and writes, text or binary, positioned at the end in an append mode. */
    @TruffleBoundary
    static SeekableByteChannel openChannel(TruffleFile file, String name, FileMode mode) {
        Set<OpenOption> options = new HashSet<>();
        if (mode.reading()) {
            options.add(StandardOpenOption.READ);
        }
        if (mode.writing()) {
            options.add(StandardOpenOption.WRITE);
        }
        switch (mode.kind()) {
            case 'w' -> {
                options.add(StandardOpenOption.CREATE);
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            // Not APPEND, which the JDK refuses with READ: each write goes to the end itself.
            case 'a' -> options.add(StandardOpenOption.CREATE);
            case 'x' -> options.add(StandardOpenOption.CREATE_NEW);
            default -> {
            }
        }
        try {
            if (file.isDirectory()) {
                throw PyErrors.osError(21, "Is a directory", name);
            }
            SeekableByteChannel channel = file.newByteChannel(options);
            if (mode.kind() == 'a') {
                channel.position(channel.size());
            }
            return channel;
        } catch (IOException | SecurityException e) {
            throw TextFile.fileError(e, name);
        }
    }

    /**
     * {@code open(fd, mode)} and {@code open(path, opener=...)}: a file over the channel of the
     * descriptor {@code fd} (from {@code os.open}), named {@code name}; closing it closes the
     * descriptor unless {@code closefd} is false.
     */
    @TruffleBoundary
    static BinaryFile over(AioContext context, long fd, Object name, FileMode mode, boolean buffered, boolean closefd) {
        BinaryFile f = new BinaryFile(name, mode, buffered);
        f.channel = descriptorChannel(context, fd);
        f.descriptor = fd;
        f.closefd = closefd;
        if (mode.kind() == 'a') {
            try {
                f.channel.position(f.channel.size());
            } catch (IOException e) {
                throw f.error(e);
            }
        }
        return f;
    }

    /** The channel of the file descriptor {@code fd} names (aio opens only files, not pipes, this way). */
    static SeekableByteChannel descriptorChannel(AioContext context, long fd) {
        FileDescriptors.OpenFile file = OsDescriptors.descriptors(context).file(fd);
        if (file == null) {
            throw TextIO.unsupported("aio opens a pipe's descriptor with os.fdopen(), not open()");
        }
        return file.channel();
    }

    /**
     * {@code io.BufferedReader(raw)}, {@code BufferedWriter(raw)} or {@code BufferedRandom(raw)}
     * ({@code type}) over a stream the program gives: its reads, writes and seeks call the raw
     * stream's methods ({@link StreamChannel}); closing the buffered file closes the raw stream.
     */
    @TruffleBoundary
    static BinaryFile buffering(Object raw, PyType type) {
        BinaryFile f = new BinaryFile(type);
        f.wrap(raw);
        return f;
    }

    /** Makes this buffered file one over the program's stream {@code raw} (the buffered types' {@code __init__}). */
    @TruffleBoundary
    void wrap(Object raw) {
        PyType kind = type.isUserDefined() ? type.builtinBase() : type;
        StreamChannel stream = new StreamChannel(raw, true);
        if (kind != BUFFERED_WRITER && !stream.answers("readable")) {
            throw TextIO.unsupported("File or stream is not readable.");
        }
        if (kind != BUFFERED_READER && !stream.answers("writable")) {
            throw TextIO.unsupported("File or stream is not writable.");
        }
        if (kind == BUFFERED_RANDOM && !stream.answers("seekable")) {
            throw TextIO.unsupported("File or stream is not seekable.");
        }
        mode = FileMode.parse(kind == BUFFERED_READER ? "rb" : kind == BUFFERED_WRITER ? "wb" : "rb+");
        channel = stream;
        closed = false;
        ahead.limit(0);
    }

    /**
     * A binary file over the channel of a text file ({@code TextIOWrapper.buffer}), in {@code mode};
     * closing it closes the text file's channel too, as closing CPython's buffer does.
     */
    @TruffleBoundary
    static BinaryFile under(Object name, FileMode mode, SeekableByteChannel channel, long descriptor) {
        BinaryFile f = new BinaryFile(name, mode, true);
        f.channel = channel;
        f.descriptor = descriptor;
        return f;
    }

    /** {@code raw}: the stream a buffered file was made over, or a FileIO over this file's channel. */
    @TruffleBoundary
    Object raw() {
        if (channel instanceof StreamChannel stream) {
            return stream.stream();
        }
        if (isRaw()) {
            throw PyErrors.attributeError(this, "raw");
        }
        BinaryFile f = new BinaryFile(name, mode, false);
        f.channel = channel;
        f.descriptor = descriptor;
        f.closefd = closefd;
        return f;
    }

    /** {@code sys.stdin.buffer} (0), {@code sys.stdout.buffer} (1) or {@code sys.stderr.buffer} (2): a BufferedReader or BufferedWriter over the context's stream. */
    static BinaryFile standard(int fd) {
        String name = fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>";
        BinaryFile f = new BinaryFile(name, FileMode.parse(fd == 0 ? "rb" : "wb"), true);
        f.channel = new StandardStreamChannel(fd);
        f.descriptor = fd;
        f.closefd = false;
        return f;
    }

    /**
     * {@code fileno()}: the descriptor the file is over; a file opened by path is given one of
     * aio's descriptors for its channel when first asked (so {@code os.read}, {@code os.write},
     * {@code os.lseek} and {@code os.close} work on it), freed again when the file is closed.
     */
    @TruffleBoundary
    long fileno() {
        if (descriptor < 0) {
            descriptor = OsDescriptors.descriptors(AioContext.get(null)).add(new FileDescriptors.OpenFile(channel, (String) name, mode.kind() == 'a'));
        }
        return descriptor;
    }

    boolean seekable() {
        if (channel instanceof StreamChannel stream) {
            return stream.answers("seekable");
        }
        return !(channel instanceof StandardStreamChannel);
    }

    /** Whether this is {@code sys.stdout.buffer}, over the process's standard output. */
    boolean isStandardOutput() {
        return channel instanceof StandardStreamChannel standard && standard.fd() == 1;
    }

    /** Writes out what the stream holds (the standard streams'; a file's writes are on disk already, a program's stream has them). */
    void flush() {
        if (channel instanceof StandardStreamChannel standard) {
            standard.flush();
        }
    }

    PyDict attributes() {
        return attributes;
    }

    boolean isRaw() {
        return type == FILE_IO;
    }

    /** The path or descriptor; over a program's stream, the stream's {@code name} ({@code null} when it has none). */
    Object name() {
        return channel instanceof StreamChannel stream ? stream.name() : name;
    }

    /** The mode as CPython's FileIO normalises it ({@code w+b} is {@code rb+}); over a program's stream, the stream's {@code mode}. */
    Object shownMode() {
        return channel instanceof StreamChannel stream ? Attributes.get(stream.stream(), "mode") : mode();
    }

    private String mode() {
        String plus = mode.plus() ? "+" : "";
        return switch (mode.kind()) {
            case 'x' -> "xb" + plus;
            case 'a' -> "ab" + plus;
            default -> mode.reading() && mode.writing() ? "rb+" : mode.reading() ? "rb" : "wb";
        };
    }

    boolean readable() {
        checkInitialized();
        return mode.reading();
    }

    boolean writable() {
        checkInitialized();
        return mode.writing();
    }

    /** An instance of a derived class whose {@code __init__} has not made it a stream yet is CPython's "uninitialized object". */
    void checkInitialized() {
        if (mode == null) {
            throw PyErrors.valueError("I/O operation on uninitialized object");
        }
    }

    boolean isClosed() {
        return closed || channel == null || !channel.isOpen();
    }

    /**
     * Checks that {@code operation} may run: UnsupportedOperation when the mode does not allow it
     * ({@code reads}/{@code writes}), then ValueError when the file is closed, with the message
     * CPython's buffered classes give ({@code closedMessage}). FileIO checks closed first and says
     * "I/O operation on closed file", with the final period where the buffered message has one
     * (the checks CPython's IOBase makes itself: flush, iteration, with, readlines, writelines).
     */
    void check(String operation, boolean reads, boolean writes, String closedMessage) {
        checkInitialized();
        if (isRaw()) {
            if (isClosed()) {
                throw PyErrors.valueError(closedMessage.endsWith(".") ? closedMessage : "I/O operation on closed file");
            }
            if (reads && !mode.reading()) {
                throw TextIO.unsupported("File not open for reading");
            }
            if (writes && !mode.writing()) {
                throw TextIO.unsupported("File not open for writing");
            }
            return;
        }
        if ((reads && !mode.reading()) || (writes && !mode.writing())) {
            throw TextIO.unsupported(operation);
        }
        if (isClosed()) {
            throw PyErrors.valueError(closedMessage);
        }
    }

    /** As {@link #check}, but the closed file first: the order of CPython's truncate, writelines and readlines. */
    void checkClosedFirst(String operation, boolean reads, boolean writes, String closedMessage) {
        if (isClosed()) {
            check(operation, false, false, closedMessage);
        }
        check(operation, reads, writes, closedMessage);
    }

    /** The position in the file: the channel's, less what was read ahead. */
    @TruffleBoundary
    long tell() {
        try {
            return channel.position() - ahead.remaining();
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** Up to {@code size} bytes ({@code size < 0}: all that is left); a raw file makes one read. */
    @TruffleBoundary
    byte[] read(long size) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (size < 0 || out.size() < size) {
                if (!ahead.hasRemaining() && !fill()) {
                    break;
                }
                int n = size < 0 ? ahead.remaining() : (int) Math.min(ahead.remaining(), size - out.size());
                out.write(ahead.array(), ahead.position(), n);
                ahead.position(ahead.position() + n);
                if (isRaw() && size >= 0) {
                    break;
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** The bytes read ahead, reading some first when there are none (empty at the end). */
    @TruffleBoundary
    byte[] peek() {
        try {
            if (!ahead.hasRemaining()) {
                fill();
            }
            byte[] bytes = new byte[ahead.remaining()];
            ahead.get(ahead.position(), bytes);
            return bytes;
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** The next line with its {@code \n}, at most {@code size} bytes ({@code size < 0}: no limit); empty at the end. */
    @TruffleBoundary
    byte[] readLine(long size) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (size < 0 || out.size() < size) {
                if (!ahead.hasRemaining() && !fill()) {
                    break;
                }
                byte b = ahead.get();
                out.write(b);
                if (b == '\n') {
                    break;
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** Writes {@code bytes} at the position (at the end in an append mode); how many. */
    @TruffleBoundary
    long write(byte[] bytes) {
        try {
            dropReadAhead();
            if (mode.kind() == 'a') {
                channel.position(channel.size());
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return bytes.length;
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** Moves to {@code offset} from the start, the position or the end ({@code whence} 0, 1, 2; 3 and 4 are SEEK_DATA and SEEK_HOLE); the new position. */
    @TruffleBoundary
    long seek(long offset, long whence) {
        try {
            if (whence < 0 || whence > 4) {
                throw isRaw() ? PyErrors.osError(22, "Invalid argument", null) : PyErrors.valueError("whence value " + whence + " unsupported");
            }
            // Only a seek from the end asks for the size: a program's stream finds it by seeking.
            long size = whence >= 2 ? channel.size() : 0;
            long target;
            if (whence >= 3) {
                // SEEK_DATA and SEEK_HOLE, as Linux answers them for a file without holes (the JDK cannot see holes).
                if (offset < 0 || offset >= size) {
                    throw PyErrors.osError(offset < 0 ? 22 : 6, offset < 0 ? "Invalid argument" : "No such device or address", null);
                }
                target = whence == 3 ? offset : size;
            } else {
                target = (whence == 0 ? 0 : whence == 1 ? tell() : size) + offset;
            }
            if (target < 0) {
                throw PyErrors.osError(22, "Invalid argument", null);
            }
            ahead.limit(0);
            channel.position(target);
            return target;
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** Sets the file's size to {@code size} (zeros when it grows); the position stays. */
    @TruffleBoundary
    long truncate(long size) {
        if (size < 0) {
            throw PyErrors.osError(22, "Invalid argument", null);
        }
        try {
            dropReadAhead();
            long position = channel.position();
            if (size < channel.size()) {
                channel.truncate(size);
            } else if (size > channel.size()) {
                channel.position(size - 1);
                channel.write(ByteBuffer.wrap(new byte[1]));
            }
            channel.position(position);
            return size;
        } catch (IOException e) {
            throw error(e);
        }
    }

    @TruffleBoundary
    void close() {
        checkInitialized();
        if (closed) {
            return;
        }
        closed = true;
        if (!closefd) {
            return;
        }
        try {
            if (channel != null) {
                channel.close();
            }
            if (descriptor >= 0) {
                OsDescriptors.descriptors(AioContext.get(null)).release(descriptor);
            }
        } catch (IOException e) {
            throw error(e);
        }
    }

    /** Reads the next chunk into {@link #ahead} (which is empty); false at the end of the file. */
    private boolean fill() throws IOException {
        ahead.clear();
        int n = channel.read(ahead);
        ahead.flip();
        return n > 0;
    }

    /** Before a write or a seek: the channel goes back to the file's position. */
    private void dropReadAhead() throws IOException {
        if (ahead.hasRemaining()) {
            channel.position(channel.position() - ahead.remaining());
        }
        ahead.limit(0);
    }

    private AioException error(IOException e) {
        return TextFile.fileError(e, name);
    }

    /** Iteration: line by line. */
    @Override
    public Object next() {
        check("read", true, false, "readline of closed file");
        if (type.isUserDefined()) {
            // A derived class's lines come from its own readline, as CPython's buffered_iternext reads them.
            Object line = SpecialMethods.call(this, "readline");
            if (!(line instanceof PyBytes b)) {
                throw PyErrors.raise(BuiltinTypes.OS_ERROR, "readline() should have returned a bytes object, not '" + PyOps.typeName(line) + "'");
            }
            return b.length() == 0 ? null : b;
        }
        byte[] line = readLine(-1);
        return line.length == 0 ? null : new PyBytes(line);
    }

    @Override
    public PyType getPyType() {
        return type;
    }

    /** The name as the program sees it: one it assigned, else the path or descriptor. */
    private Object shownName() {
        Object assigned = attributes.get("name");
        return assigned != null ? assigned : name();
    }

    @Override
    public PyDict instanceDict() {
        return attributes;
    }

    @Override
    public String repr() {
        if (isRaw()) {
            return isClosed() ? "<_io.FileIO [closed]>" : "<_io.FileIO name=" + PyOps.repr(shownName()) + " mode='" + mode() + "' closefd=" + (closefd ? "True" : "False") + ">";
        }
        // CPython's tp_name: "_io.BufferedReader", or a derived class's bare name.
        String typeName = type.isUserDefined() ? type.getName() : "_io." + type.getName();
        Object shown = mode == null ? null : shownName();
        return "<" + typeName + (shown == null ? "" : " name=" + PyOps.repr(shown)) + ">";
    }
}
