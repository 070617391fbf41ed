package dev.aio.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;

/**
 * The channel under {@code sys.stdin.buffer}, {@code sys.stdout.buffer} and
 * {@code sys.stderr.buffer} ({@link BinaryFile#standard}): the context's own streams, which
 * {@code print} and {@code sys.stdout.write} write to as well, so bytes and text come out in the
 * order they were written. Like a terminal or a pipe, it cannot seek.
 */
final class StandardStreamChannel implements SeekableByteChannel {
    /** 0, 1 or 2: standard input, output or error. */
    private final int fd;

    StandardStreamChannel(int fd) {
        this.fd = fd;
    }

    int fd() {
        return fd;
    }

    /** Standard output's binary side writes past the text pending in {@code sys.stdout}, as CPython's BufferedWriter under its TextIOWrapper. */
    private static OutputStream stream(AioContext context, int fd) {
        return fd == 2 ? context.err() : context.stdoutBinary();
    }

    @Override
    @TruffleBoundary
    public int read(ByteBuffer dst) throws IOException {
        AioContext context = AioContext.get(null);
        context.out().flush();
        InputStream in = context.stdin();
        int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
        if (n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    @Override
    @TruffleBoundary
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        stream(AioContext.get(null), fd).write(src.array(), src.arrayOffset() + src.position(), n);
        src.position(src.limit());
        return n;
    }

    @TruffleBoundary
    void flush() {
        if (fd != 0) {
            try {
                stream(AioContext.get(null), fd).flush();
            } catch (IOException e) {
                // As a PrintStream's: a stream that cannot be written loses what it held.
            }
        }
    }

    @Override
    public long position() throws IOException {
        throw illegalSeek();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        throw illegalSeek();
    }

    @Override
    public long size() throws IOException {
        throw illegalSeek();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        throw illegalSeek();
    }

    /** What lseek(2) says of a terminal or a pipe; {@link TextFile#fileError} makes it OSError(ESPIPE). */
    private static FileSystemException illegalSeek() {
        return new FileSystemException(null, null, "Illegal seek");
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    /** The process's stream stays open: the file over it is marked closed. */
    @Override
    public void close() {
    }
}
