package dev.aio.stdlib;

import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.Bytes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.PyByteArray;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * The channel under a buffered file or a text wrapper that a program made over a stream of its
 * own ({@code io.BufferedReader(raw)}, {@code io.TextIOWrapper(gzip_file)}): each operation calls
 * the stream's method, as CPython's {@code _io} calls {@code raw.readinto}, {@code raw.write},
 * {@code raw.seek} and {@code raw.tell}. Exceptions the stream raises go through unchanged.
 */
final class StreamChannel implements SeekableByteChannel {
    /** The program's stream. */
    private final Object stream;
    /**
     * Whether reads call {@code readinto} (a raw stream under a buffered one, as CPython's
     * buffered classes do) or {@code read} (a buffered stream under a text wrapper).
     */
    private final boolean raw;

    StreamChannel(Object stream, boolean raw) {
        this.stream = stream;
        this.raw = raw;
    }

    Object stream() {
        return stream;
    }

    private Object call(String method, Object... args) {
        return Calls.call(Attributes.get(stream, method), args);
    }

    /** Whether the stream answers {@code method()} with true ({@code readable}, {@code writable}, {@code seekable}). */
    @TruffleBoundary
    boolean answers(String method) {
        return PyOps.isTrue(call(method));
    }

    /** The stream's {@code name}, or {@code null} when it has none. */
    Object name() {
        return attribute("name");
    }

    /** The stream's attribute {@code name}, or {@code null} when it has none. */
    @TruffleBoundary
    private Object attribute(String name) {
        try {
            return Attributes.get(stream, name);
        } catch (AioException e) {
            if (e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                return null;
            }
            throw e;
        }
    }

    @Override
    @TruffleBoundary
    public int read(ByteBuffer dst) {
        int want = dst.remaining();
        byte[] got;
        if (raw) {
            PyByteArray buffer = new PyByteArray(new byte[want]);
            Object n = call("readinto", buffer);
            if (n == PyNone.NONE) {
                return 0;
            }
            long count = Args.index(n, "readinto");
            if (count < 0 || count > want) {
                throw PyErrors.raise(BuiltinTypes.OS_ERROR, "raw readinto() returned invalid length " + count + " (should have been between 0 and " + want + ")");
            }
            got = new byte[(int) count];
            System.arraycopy(Bytes.bufferOf(buffer), 0, got, 0, got.length);
        } else {
            Object data = call("read", (long) want);
            got = Bytes.bufferOf(data);
            if (got == null) {
                throw PyErrors.typeError("underlying read() should have returned a bytes object, not '" + PyOps.typeName(data) + "'");
            }
        }
        if (got.length == 0) {
            return -1;
        }
        dst.put(got, 0, Math.min(got.length, want));
        return got.length;
    }

    /**
     * Up to {@code size} bytes by one call of the stream's {@code read1}, or of {@code read} where
     * it has none (as CPython's TextIOWrapper reads its buffer); empty at the end.
     */
    @TruffleBoundary
    byte[] readChunk(int size) {
        String method = attribute("read1") != null ? "read1" : "read";
        Object data = call(method, (long) size);
        byte[] got = Bytes.bufferOf(data);
        if (got == null) {
            throw PyErrors.typeError("underlying " + method + "() should have returned a bytes-like object, not '" + PyOps.typeName(data) + "'");
        }
        return got;
    }

    @Override
    @TruffleBoundary
    public int write(ByteBuffer src) {
        byte[] bytes = new byte[src.remaining()];
        src.get(bytes);
        Object n = call("write", new PyBytes(bytes));
        int written = n == PyNone.NONE ? bytes.length : (int) Args.index(n, "write");
        // What the stream did not take goes back to the buffer, to be written again.
        src.position(src.position() - (bytes.length - written));
        return written;
    }

    @Override
    @TruffleBoundary
    public long position() {
        return Args.index(call("tell"), "tell");
    }

    @Override
    @TruffleBoundary
    public SeekableByteChannel position(long newPosition) {
        call("seek", newPosition, 0L);
        return this;
    }

    @Override
    @TruffleBoundary
    public long size() {
        long here = position();
        long end = Args.index(call("seek", 0L, 2L), "seek");
        position(here);
        return end;
    }

    @Override
    @TruffleBoundary
    public SeekableByteChannel truncate(long size) {
        call("truncate", size);
        return this;
    }

    @Override
    @TruffleBoundary
    public boolean isOpen() {
        return !PyOps.isTrue(Attributes.get(stream, "closed"));
    }

    @Override
    @TruffleBoundary
    public void close() {
        call("close");
    }

    /** Flushes the stream. */
    @TruffleBoundary
    void flush() {
        call("flush");
    }
}
