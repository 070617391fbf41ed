package dev.aio.launcher.daemon;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A run's standard input in the daemon: what the client reads from its own when the program asks
 * ({@link Frames#READ}), so a program that never reads leaves the terminal's input alone.
 */
final class RelayedInput extends InputStream {
    private final DataOutputStream toClient;
    private final OutputBatch output;
    private byte[] buffer = new byte[0];
    private int position;
    private boolean asked;
    private boolean ended;

    RelayedInput(DataOutputStream toClient, OutputBatch output) {
        this.toClient = toClient;
        this.output = output;
    }

    /** What the client read; none: the end of its input (or of the client). */
    synchronized void supply(byte[] bytes) {
        asked = false;
        if (bytes.length == 0) {
            ended = true;
        } else {
            buffer = bytes;
            position = 0;
        }
        notifyAll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == buffer.length && !ended) {
            if (!asked) {
                asked = true;
                // A prompt written before the read must be on the screen while the user types.
                output.send();
                Frames.writeInt(toClient, Frames.READ, len);
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        if (position == buffer.length) {
            return -1;
        }
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }
}
