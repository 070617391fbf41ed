package dev.aio.launcher.daemon;

import java.io.OutputStream;

/**
 * A run's standard output or error in the daemon: its writes go to the client as messages of
 * {@code type}, gathered with the other stream's in the run's {@link OutputBatch} so the two keep
 * the order they were written in.
 */
final class FramedOutput extends OutputStream {
    private final OutputBatch batch;
    private final byte type;

    FramedOutput(OutputBatch batch, byte type) {
        this.batch = batch;
        this.type = type;
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        batch.write(type, b, off, len);
    }
}
