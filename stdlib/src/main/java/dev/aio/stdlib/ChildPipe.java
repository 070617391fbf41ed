package dev.aio.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.WritableByteChannel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/**
 * An end of a pipe: the parent's end of a pipe to a child process (its stdin, stdout or stderr), or
 * an end of a pipe the program made with {@code os.pipe()} ({@link #open}); a non-blocking end of a
 * JDK {@link Pipe}, so that the loop's selector watches it as it watches sockets (CPython's pipe
 * file descriptors under {@code _UnixReadPipeTransport} and {@code _UnixWritePipeTransport}). The
 * JDK gives a child's pipes as blocking streams only, so a pump thread copies between the stream
 * and the other end of the JDK pipe; the JDK pipe's capacity keeps CPython's back-pressure. Closing
 * the pipe ends the pump: the child then reads EOF on its stdin.
 */
public final class ChildPipe extends PyObject implements Watchable {
    static final PyType TYPE = new PyType("ChildPipe", "_subprocess");
    private static final int CHUNK = 64 * 1024;

    /**
     * How long the exit pipe waits, once the child has exited, for the output it wrote to reach
     * the program's pipes: a grandchild that keeps them open must not hold the exit back.
     */
    private static final long OUTPUT_DRAIN_MILLIS = 500;

    /** The end this side reads ({@link Pipe.SourceChannel}) or writes ({@link Pipe.SinkChannel}). */
    private final SelectableChannel end;
    private final String name;
    /** The thread that copies the child's output into this pipe (null for stdin and the exit pipe). */
    private Thread feeder;
    /** Whether the other end is a child's: what the pipe waits for then comes from outside the program. */
    private final boolean toChild;
    private boolean closed;
    private Selector waiter;

    private ChildPipe(SelectableChannel end, String name) {
        this(end, name, true);
    }

    private ChildPipe(SelectableChannel end, String name, boolean toChild) {
        this.end = end;
        this.name = name;
        this.toChild = toChild;
        try {
            end.configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code os.pipe()}: the read end and the write end of a pipe within the program. */
    @TruffleBoundary
    static ChildPipe[] open() {
        try {
            Pipe pipe = Pipe.open();
            return new ChildPipe[]{new ChildPipe(pipe.source(), "pipe", false), new ChildPipe(pipe.sink(), "pipe", false)};
        } catch (IOException e) {
            throw PyErrors.osError(24, "Too many open files", null);
        }
    }

    /** A pipe the child writes ({@code stream}, its stdout or stderr) and the program reads. */
    @TruffleBoundary
    static ChildPipe fromChild(InputStream stream, String name) throws IOException {
        Pipe pipe = Pipe.open();
        Pipe.SinkChannel sink = pipe.sink();
        ChildPipe read = new ChildPipe(pipe.source(), name);
        read.feeder = pump(name, () -> {
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = stream.read(chunk)) >= 0) {
                writeFully(sink, ByteBuffer.wrap(chunk, 0, n));
            }
        }, stream, sink);
        return read;
    }

    /** A pipe the program writes and the child reads ({@code stream}, its stdin). */
    @TruffleBoundary
    static ChildPipe toChild(OutputStream stream, String name) throws IOException {
        Pipe pipe = Pipe.open();
        Pipe.SourceChannel source = pipe.source();
        pump(name, () -> {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            while (source.read(chunk) >= 0) {
                stream.write(chunk.array(), 0, chunk.position());
                stream.flush();
                chunk.clear();
            }
        }, stream, source);
        return new ChildPipe(pipe.sink(), name);
    }

    /**
     * A pipe that reaches its end when {@code process} exits: the loop watches for the exit as for
     * the pipes (CPython's child watcher). It ends once {@code relays} have copied all the child
     * wrote to the streams it inherited, and the child's {@code outputs} hold what it wrote before
     * it exited (or after a short wait): in CPython that output already sits in the kernel's pipe
     * when the exit is reported, and a protocol's {@code process_exited} reads it.
     */
    @TruffleBoundary
    static ChildPipe endingWhen(Process process, String name, Thread[] relays, ChildPipe... outputs) throws IOException {
        Pipe pipe = Pipe.open();
        Pipe.SinkChannel sink = pipe.sink();
        pump(name, () -> {
            process.waitFor();
            for (Thread relay : relays) {
                relay.join();
            }
            long deadline = System.currentTimeMillis() + OUTPUT_DRAIN_MILLIS;
            for (ChildPipe output : outputs) {
                if (output != null && output.feeder != null) {
                    output.feeder.join(Math.max(1, deadline - System.currentTimeMillis()));
                }
            }
        }, sink);
        return new ChildPipe(pipe.source(), name);
    }

    /**
     * Copies {@code from} to {@code to} until either ends: in aio's daemon, a stream a child would
     * inherit from a process of its own (the daemon's are not the run's) goes through the run's.
     * Then it closes the child's end ({@code childEnd}), never the run's stream.
     */
    @TruffleBoundary
    static Thread relay(String name, InputStream from, OutputStream to, AutoCloseable childEnd) {
        return pump(name, () -> {
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = from.read(chunk)) >= 0) {
                to.write(chunk, 0, n);
                to.flush();
            }
        }, childEnd);
    }

    private interface Copy {
        void run() throws IOException, InterruptedException;
    }

    /** Runs {@code copy} on a daemon thread; whatever way it ends, it closes {@code ends}, so that the other side sees EOF or a broken pipe. */
    private static Thread pump(String name, Copy copy, AutoCloseable... ends) {
        Thread t = new Thread(() -> {
            try {
                copy.run();
            } catch (IOException | InterruptedException e) {
                // The child closed its end, or the program closed ours: either way the copy is over.
            } finally {
                for (AutoCloseable c : ends) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // Closing is all that is left to do.
                    }
                }
            }
        }, "aio " + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void writeFully(WritableByteChannel sink, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            sink.write(b);
        }
    }

    @Override
    public SelectableChannel selectable() {
        if (closed) {
            throw PyErrors.osError(9, "Bad file descriptor", null);
        }
        return end;
    }

    @Override
    public SelectableChannel channelOrNull() {
        return end;
    }

    /**
     * Only the child can fill or drain its pipe: the outside world (the virtual clock stands still
     * while the loop waits for it). The program's own pipe is filled and drained by the program.
     */
    @Override
    public boolean waitsForOutside() {
        return toChild;
    }

    /** Up to {@code max} bytes the child wrote, b'' at its end; BlockingIOError when none is there yet ({@code os.read} on a non-blocking pipe). */
    PyBytes read(int max) {
        return read(max, null);
    }

    /** As {@link #read(int)}; with {@code blockIn}, waits without its interpreter lock until there is something ({@code os.read} on a blocking pipe). */
    @TruffleBoundary
    PyBytes read(int max, AioContext blockIn) {
        if (!(selectable() instanceof ReadableByteChannel source)) {
            throw PyErrors.osError(9, "Bad file descriptor", null);
        }
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, Math.min(max, CHUNK)));
        try {
            int n;
            while ((n = source.read(b)) == 0 && max > 0) {
                if (blockIn == null) {
                    throw PyErrors.osError(11, "Resource temporarily unavailable", null);
                }
                awaitReady(blockIn, -1);
            }
            if (n < 0) {
                return PyBytes.EMPTY;
            }
            byte[] got = new byte[n];
            System.arraycopy(b.array(), 0, got, 0, n);
            return new PyBytes(got);
        } catch (IOException e) {
            throw PyErrors.osError(5, "Input/output error", null);
        }
    }

    /** Writes what the pipe takes now of {@code data}; BlockingIOError when it takes nothing, BrokenPipeError once the child closed its stdin. */
    long write(byte[] data, int offset, int length) {
        return write(data, offset, length, null);
    }

    /** As {@link #write(byte[], int, int)}; with {@code blockIn}, waits without its interpreter lock until the pipe takes something ({@code os.write} on a blocking pipe). */
    @TruffleBoundary
    long write(byte[] data, int offset, int length, AioContext blockIn) {
        if (!(selectable() instanceof WritableByteChannel sink)) {
            throw PyErrors.osError(9, "Bad file descriptor", null);
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(data, offset, length);
            int n;
            while ((n = sink.write(b)) == 0 && length > 0) {
                if (blockIn == null) {
                    throw PyErrors.osError(11, "Resource temporarily unavailable", null);
                }
                awaitReady(blockIn, -1);
            }
            return n;
        } catch (IOException e) {
            throw PyErrors.osError(32, "Broken pipe", null);
        }
    }

    /**
     * Waits up to {@code nanos} (negative: no limit) for the pipe to be readable or writable, without
     * the interpreter lock: the blocking reads and writes of the {@code subprocess} module. Returns
     * whether it is.
     */
    @TruffleBoundary
    boolean awaitReady(AioContext context, long nanos) {
        SelectableChannel channel = selectable();
        try {
            if (waiter == null) {
                waiter = Selector.open();
                channel.register(waiter, end instanceof ReadableByteChannel ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
            }
            return ChildProcess.blockOn(context, waiter, nanos) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isReadable() {
        return end instanceof ReadableByteChannel;
    }

    boolean isClosed() {
        return closed;
    }

    @TruffleBoundary
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (waiter != null) {
                waiter.close();
            }
            end.close();
        } catch (IOException e) {
            // Closing is all that is left to do.
        }
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<_subprocess.ChildPipe " + name + (closed ? " closed>" : ">");
    }
}
