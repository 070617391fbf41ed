package dev.aio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.graalvm.options.OptionValues;

/**
 * The main program's standard output buffered as CPython buffers {@code sys.stdout}
 * ({@code create_stdio} in Python/pylifecycle.c): line by line on a terminal, in blocks
 * elsewhere (a pipe, a file), and not at all with {@code -u} or {@code PYTHONUNBUFFERED}. What is
 * buffered is written when the run ends, by {@code flush()}, and before input is read; never by
 * {@code os._exit}, which {@link #discard}s it. An embedded run's output is not buffered: an
 * embedder's stream gets each write at once.
 *
 * <p>The blocks are CPython's two buffers: the text wrapper's pending writes (8 KiB), handed on
 * whole when the next write would not fit or they fill it, and the binary buffer under them, the
 * size of the pipe's or file's blocks (st_blksize, 4 KiB on Linux), which a block of more than
 * that passes straight through. So a block ends where a write ended: what another writer to the
 * same pipe (a child's standard error) shows.
 */
final class StandardOutput extends OutputStream {
    /** The text wrapper's chunk size (TextIOWrapper's _CHUNK_SIZE). */
    private static final int BLOCK = 8192;
    /** The binary buffer's: st_blksize of a Linux pipe or file, which CPython's open() takes. */
    private static final int BUFFER = 4096;

    private final OutputStream out;
    private final boolean lineBuffered;
    /** The text wrapper's pending writes (TextIOWrapper's pending_bytes). */
    private final byte[] pending = new byte[BLOCK];
    private int pendingCount;
    /** The binary buffer's (BufferedWriter's). */
    private final byte[] buffer = new byte[BUFFER];
    private int bufferCount;

    private StandardOutput(OutputStream out, boolean lineBuffered) {
        this.out = out;
        this.lineBuffered = lineBuffered;
    }

    /** The buffer under {@code print} and {@code sys.stdout}, or null when they write through. */
    static StandardOutput forRun(OutputStream out, OptionValues options, Map<String, String> environment) {
        if (!options.get(AioOptions.MAIN) || unbuffered(options, environment)) {
            return null;
        }
        return new StandardOutput(out, options.get(AioOptions.STDOUT_TERMINAL));
    }

    /** {@code -u}, or {@code PYTHONUNBUFFERED} set and not empty. */
    static boolean unbuffered(OptionValues options, Map<String, String> environment) {
        String pythonUnbuffered = environment.get("PYTHONUNBUFFERED");
        return options.get(AioOptions.UNBUFFERED) || pythonUnbuffered != null && !pythonUnbuffered.isEmpty();
    }

    /**
     * The text stream over {@code buffer} (null: straight over {@code out}), each {@code print}
     * of it one write; a line-buffered one is flushed by each write that ends a line
     * (PrintStream's autoflush).
     */
    static PrintStream printStream(OutputStream out, StandardOutput buffer) {
        return buffer == null ? new PrintStream(out, false, StandardCharsets.UTF_8) : new PrintStream(buffer, buffer.lineBuffered, StandardCharsets.UTF_8);
    }

    boolean lineBuffered() {
        return lineBuffered;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (pendingCount + len > BLOCK) {
            handOn();
        }
        if (len > BLOCK) {
            // A write longer than a block goes on alone.
            toBuffer(b, off, len);
            return;
        }
        System.arraycopy(b, off, pending, pendingCount, len);
        pendingCount += len;
        if (pendingCount == BLOCK) {
            handOn();
        }
    }

    /** The pending writes to the binary buffer. */
    private void handOn() throws IOException {
        toBuffer(pending, 0, pendingCount);
        pendingCount = 0;
    }

    private void toBuffer(byte[] b, int off, int len) throws IOException {
        if (bufferCount + len <= BUFFER) {
            System.arraycopy(b, off, buffer, bufferCount, len);
            bufferCount += len;
            return;
        }
        writeBuffer();
        if (len > BUFFER) {
            out.write(b, off, len);
        } else {
            System.arraycopy(b, off, buffer, 0, len);
            bufferCount = len;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        handOn();
        writeBuffer();
        out.flush();
    }

    private void writeBuffer() throws IOException {
        if (bufferCount > 0) {
            out.write(buffer, 0, bufferCount);
            bufferCount = 0;
        }
    }

    /**
     * {@code sys.stdout.buffer}: writes into the binary buffer, past the text wrapper's pending
     * writes (which come after them, as in CPython, unless the text was flushed first), and a
     * flush of it leaves those pending.
     */
    OutputStream binary() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (StandardOutput.this) {
                    toBuffer(b, off, len);
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (StandardOutput.this) {
                    writeBuffer();
                    out.flush();
                }
            }
        };
    }

    /** {@code os._exit}: what was not written yet never will be. */
    synchronized void discard() {
        pendingCount = 0;
        bufferCount = 0;
    }
}
