package dev.aio.launcher.daemon;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a run wrote to its standard output and error and the client has not been sent yet. A
 * message per write made a program printing many short lines cost two system calls and a context
 * switch per line on each side (200,000 lines took 17 s); writes now gather into one message,
 * sent when the other stream is written (so the two keep their order), when it grows past
 * {@link #LIMIT}, before the program waits for input, at the run's end, and otherwise at most
 * {@link #LINGER_MS} after the first write it holds, so output still appears as it is made.
 */
final class OutputBatch {
    static final int LIMIT = 64 << 10;
    static final long LINGER_MS = 2;

    private static final ScheduledExecutorService SENDER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aio-daemon-output");
        t.setDaemon(true);
        return t;
    });

    private final DataOutputStream toClient;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private byte pendingType;
    private boolean scheduled;
    private boolean discarding;

    OutputBatch(DataOutputStream toClient) {
        this.toClient = toClient;
    }

    synchronized void write(byte type, byte[] b, int off, int len) {
        if (discarding || len == 0) {
            return;
        }
        if (pending.size() > 0 && type != pendingType) {
            send();
        }
        pendingType = type;
        pending.write(b, off, len);
        if (pending.size() >= LIMIT) {
            send();
        } else if (!scheduled) {
            scheduled = true;
            SENDER.schedule(this::send, LINGER_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends what is pending now. */
    synchronized void send() {
        scheduled = false;
        if (pending.size() == 0 || discarding) {
            return;
        }
        try {
            Frames.write(toClient, pendingType, pending.toByteArray(), 0, pending.size());
        } catch (IOException e) {
            // The client is gone: the run is being cancelled.
            discarding = true;
        }
        pending.reset();
    }

    /** The run is over for the client (killed by a signal, or the client went away): drop the rest. */
    synchronized void discard() {
        discarding = true;
        pending.reset();
    }
}
