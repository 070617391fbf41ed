package dev.aio.launcher.daemon;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A run's standard output or error in the daemon: each write a message to the client, so the two
 * keep the order they were written in. Once the run is over for the client (it was killed by a
 * signal, or went away), what is still written goes nowhere.
 */
final class FramedOutput extends OutputStream {
    private final DataOutputStream toClient;
    private final byte type;
    private volatile boolean discarding;

    FramedOutput(DataOutputStream toClient, byte type) {
        this.toClient = toClient;
        this.type = type;
    }

    void discard() {
        discarding = true;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (discarding || len == 0) {
            return;
        }
        try {
            Frames.write(toClient, type, b, off, len);
        } catch (IOException e) {
            // The client is gone: the run is being cancelled.
            discarding = true;
        }
    }
}
