package dev.aio.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import com.oracle.truffle.api.TruffleSafepoint;

/**
 * How the loop thread waits: on a {@link Selector} for its channels to become ready, for a deadline
 * (the next timer), or for another thread to hand it work ({@code call_soon_threadsafe}, a worker's
 * outcome, a Java future), which ends the wait through {@link Selector#wakeup()}. CPython's
 * {@code selectors.DefaultSelector} with {@code BaseSelectorEventLoop._process_events} and its
 * self-pipe. A wake-up that comes before the wait is not lost. The selector is opened on the first
 * wait, so a loop that is never idle opens none.
 */
final class IoSelector {
    /** A channel's reader and writer callbacks (CPython's {@code (reader, writer)} key data). */
    private static final class Registration {
        SelectionKey key;
        Handle reader;
        Handle writer;
        boolean readerFromOutside;
        boolean writerFromOutside;
        InFlight toReader = InFlight.NONE;
        InFlight toWriter = InFlight.NONE;
    }

    private final Consumer<Handle> ready;
    /** By channel, also after the channel was closed, so that its reader and writer can still be removed. */
    private final Map<SelectableChannel, Registration> registrations = new IdentityHashMap<>();
    /** Read by other threads to wake the loop. */
    private volatile Selector selector;
    private volatile Thread sleeper;
    private volatile boolean requested;
    /** Readers and writers registered (loop thread only). */
    private int registered;
    /** Of those, the ones waiting for something outside the program (see {@link Scheduler#addReader}). */
    private int fromOutside;
    /** The current loop iteration has looked at its channels already. */
    private boolean selected;

    /** {@code ready} takes the callbacks of channels found ready. */
    IoSelector(Consumer<Handle> ready) {
        this.ready = ready;
    }

    private Selector selector() {
        if (selector == null) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return selector;
    }

    boolean hasRegistrations() {
        return registered > 0;
    }

    boolean waitsForOutside() {
        return fromOutside > 0;
    }

    /**
     * Whether a watched channel that is not ready waits for something the program itself sent it,
     * still on its way (see {@link InFlight}); asked after a {@link #poll()} found nothing ready.
     */
    boolean awaitsInFlight() {
        for (Registration r : registrations.values()) {
            if (r.reader != null && r.toReader.onTheWay() || r.writer != null && r.toWriter.onTheWay()) {
                return true;
            }
        }
        return false;
    }

    void addReader(SelectableChannel channel, Handle reader, boolean outside, InFlight inFlight) {
        Registration r = registration(channel);
        if (r.reader == null) {
            registered++;
        } else if (r.readerFromOutside) {
            fromOutside--;
        }
        r.reader = reader;
        r.readerFromOutside = outside;
        r.toReader = inFlight;
        if (outside) {
            fromOutside++;
        }
        updateInterest(channel, r);
    }

    void addWriter(SelectableChannel channel, Handle writer, boolean outside, InFlight inFlight) {
        Registration r = registration(channel);
        if (r.writer == null) {
            registered++;
        } else if (r.writerFromOutside) {
            fromOutside--;
        }
        r.writer = writer;
        r.writerFromOutside = outside;
        r.toWriter = inFlight;
        if (outside) {
            fromOutside++;
        }
        updateInterest(channel, r);
    }

    boolean removeReader(SelectableChannel channel) {
        Registration r = existing(channel);
        if (r == null || r.reader == null) {
            return false;
        }
        r.reader.cancel();
        r.reader = null;
        registered--;
        if (r.readerFromOutside) {
            fromOutside--;
        }
        updateInterest(channel, r);
        return true;
    }

    boolean removeWriter(SelectableChannel channel) {
        Registration r = existing(channel);
        if (r == null || r.writer == null) {
            return false;
        }
        r.writer.cancel();
        r.writer = null;
        registered--;
        if (r.writerFromOutside) {
            fromOutside--;
        }
        updateInterest(channel, r);
        return true;
    }

    private Registration registration(SelectableChannel channel) {
        Registration r = registrations.get(channel);
        if (r == null) {
            r = new Registration();
            try {
                SelectionKey key = channel.keyFor(selector());
                r.key = key != null && key.isValid() ? key : channel.register(selector(), 0, r);
                r.key.attach(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            registrations.put(channel, r);
        }
        return r;
    }

    private Registration existing(SelectableChannel channel) {
        return registrations.get(channel);
    }

    /**
     * A channel left with no reader and no writer leaves the selector at once: its key is cancelled
     * and flushed by a select that takes no ready channel (the next select finds those again). A
     * channel the JDK still finds registered defers its close until then, so a socket the program
     * closes would otherwise go on accepting connections (CPython's close is immediate); and a
     * cancelled key left in place would make registering the channel again fail.
     */
    private void updateInterest(SelectableChannel channel, Registration r) {
        if (r.reader == null && r.writer == null) {
            registrations.remove(channel);
            r.key.cancel();
            try {
                selector.selectNow(key -> {
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (!r.key.isValid()) {
            return;
        }
        int valid = channel.validOps();
        int ops = 0;
        if (r.reader != null) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (r.writer != null) {
            // OP_CONNECT only while connecting: on a connected socket it would be "ready" with no ready operation, every time.
            boolean connecting = channel instanceof SocketChannel s && s.isConnectionPending();
            ops |= connecting ? SelectionKey.OP_CONNECT : valid & SelectionKey.OP_WRITE;
        }
        r.key.interestOps(ops);
    }

    /** CPython's {@code _process_events}: the callbacks of a ready channel join the ready queue. */
    private void process(SelectionKey key) {
        if (!key.isValid() || !(key.attachment() instanceof Registration r)) {
            return;
        }
        int ops = key.readyOps();
        if (r.reader != null && (ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
            ready.accept(r.reader);
        }
        if (r.writer != null && (ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
            ready.accept(r.writer);
        }
    }

    void beginIteration() {
        selected = false;
    }

    /** Adds the callbacks of channels ready now, without waiting; returns whether there were any. */
    boolean poll() {
        if (registered == 0) {
            return false;
        }
        selected = true;
        try {
            return selector().selectNow(this::process) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #poll()}, unless this iteration has looked at its channels already (a channel's callback joins the ready queue once per iteration). */
    void pollOnce() {
        if (!selected) {
            poll();
        }
    }

    /**
     * Waits up to {@code nanos} (Long.MAX_VALUE: no limit) for a channel to become ready or for
     * {@link #wake()}. The wait is a Truffle safepoint: a thread-local action (a time limit, a cancel
     * from another thread) runs in it, and may end it.
     */
    void select(long nanos) throws InterruptedException {
        blockInterruptibly(start -> selectUntil(start, nanos));
    }

    /** Waits for {@link #wake()} only, leaving ready channels for the next {@link #select} (a worker's turn, see {@link VirtualClock}). */
    void park() throws InterruptedException {
        blockInterruptibly(start -> parkUntilWoken());
    }

    private interface Wait {
        void run(long start) throws InterruptedException;
    }

    private void blockInterruptibly(Wait wait) throws InterruptedException {
        sleeper = Thread.currentThread();
        long start = System.nanoTime();
        try {
            TruffleSafepoint.setBlockedThreadInterruptible(null, w -> w.run(start), wait);
        } catch (IllegalStateException notInAContext) {
            // A scheduler driven outside a polyglot context (its unit tests) has no safepoints.
            wait.run(start);
        } finally {
            sleeper = null;
            requested = false;
        }
    }

    private void selectUntil(long start, long nanos) throws InterruptedException {
        Selector s = selector();
        try {
            while (!requested) {
                long timeoutMillis = 0;
                selected = true;
                if (nanos != Long.MAX_VALUE) {
                    long left = nanos - (System.nanoTime() - start);
                    if (left <= 0) {
                        s.selectNow(this::process);
                        return;
                    }
                    // Selector.select(0) would wait without a limit: wait at least a millisecond.
                    timeoutMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
                }
                int found = s.select(this::process, timeoutMillis);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (found > 0) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void parkUntilWoken() throws InterruptedException {
        while (!requested) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** From any thread: ends the loop thread's wait, or the next one if it does not wait now. */
    void wake() {
        requested = true;
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
        Selector s = selector;
        if (s != null) {
            // A wake-up with no select in progress makes the next select return at once: harmless.
            s.wakeup();
        }
    }

    void close() {
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                // Nothing is left to wait on either way.
            }
            selector = null;
            registrations.clear();
            registered = 0;
            fromOutside = 0;
        }
    }
}
