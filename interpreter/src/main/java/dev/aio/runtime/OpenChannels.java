package dev.aio.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The sockets and event loops a program has open, closed when its context is disposed as a
 * process's descriptors are when it exits: a context closed or cancelled in a JVM that lives on
 * (an embedder's, aio's daemon) must not leave a server listening on its port.
 */
public final class OpenChannels {
    private final Set<Closeable> open = Collections.newSetFromMap(new IdentityHashMap<>());

    public synchronized void opened(Closeable channel) {
        open.add(channel);
    }

    public synchronized void closed(Closeable channel) {
        open.remove(channel);
    }

    /** Closes every channel still open (on the thread disposing the context). */
    public void closeAll() {
        List<Closeable> left;
        synchronized (this) {
            left = new ArrayList<>(open);
            open.clear();
        }
        for (Closeable channel : left) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing is all that is left to do; the context is gone.
            }
        }
    }
}
