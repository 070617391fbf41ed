package dev.aio.stdlib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;

import dev.aio.AioContext;
import dev.aio.asyncio.DefaultExecutor;
import dev.aio.kernel.InFlight;
import dev.aio.kernel.InterpreterLock;
import dev.aio.runtime.PyErrors;

/**
 * How a blocking socket call ({@code recv}, {@code accept}, {@code connect}, {@code sendall} on a
 * socket in blocking mode) waits: without the interpreter lock, as CPython's socket module waits
 * with the GIL released ({@code sock_call_ex} in {@code socketmodule.c}), so the loop and other
 * threads run meanwhile (a worker thread may talk to a server of the same program).
 *
 * <p>The JDK channel itself is never in blocking mode: a blocking JDK channel is closed by a
 * thread interrupt, and Truffle interrupts a blocked thread to run its safepoint actions (a
 * Ctrl-C, the time limit, an embedder's cancel). Instead the call waits on a selector of its own,
 * inside a Truffle blocked section: an interrupt wakes the selector and the action runs, then the
 * wait goes on. The selector waits in slices, so a socket another thread closes meanwhile ends the
 * wait too (the JDK does not wake a selector for that).
 */
final class SocketWait {
    private static final long SLICE_MILLIS = 100;
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);

    private SocketWait() {
    }

    /**
     * Waits until {@code channel} is ready for {@code ops} ({@code SelectionKey.OP_*}), at most
     * {@code timeoutNanos} (negative: no limit); returns false when the time ran out first.
     * {@code awaited}: whether something the program sent the channel is on its way to it.
     */
    @TruffleBoundary
    static boolean until(AioContext context, SelectableChannel channel, int ops, long timeoutNanos, InFlight awaited) {
        boolean ready;
        try (Selector selector = Selector.open()) {
            channel.register(selector, ops);
            ready = until(context, selector, () -> !channel.isOpen(), timeoutNanos, awaited);
        } catch (ClosedChannelException e) {
            throw PyErrors.osError(9, "Bad file descriptor", null);
        } catch (IOException e) {
            throw PySocket.error(e, null);
        }
        if (!channel.isOpen()) {
            throw PyErrors.osError(9, "Bad file descriptor", null);
        }
        return ready;
    }

    /**
     * Waits until a channel registered with {@code selector} is ready (its keys are then the
     * selector's selected keys), at most {@code timeoutNanos} (negative: no limit), or until
     * {@code gone} says a channel waited for was closed; returns whether one is ready.
     * {@code awaited}: whether something the program sent a channel waited for is on its way to it.
     */
    @TruffleBoundary
    static boolean until(AioContext context, Selector selector, BooleanSupplier gone, long timeoutNanos, InFlight awaited) {
        long start = System.nanoTime();
        boolean[] ready = {false};
        try {
            TruffleSafepoint.setBlockedThreadInterruptible(null, s -> withoutLock(context, () -> {
                ready[0] = selectUntil(s, gone, start, timeoutNanos);
            }, awaited), selector);
        } catch (UncheckedIOException e) {
            throw PySocket.error(e.getCause(), null);
        }
        return ready[0];
    }

    /** Selects in slices until a channel is ready (true), the time is up or a channel closed (false); an interrupt ends it. */
    private static boolean selectUntil(Selector selector, BooleanSupplier gone, long start, long timeoutNanos) throws InterruptedException {
        while (true) {
            long left = timeoutNanos < 0 ? Long.MAX_VALUE : timeoutNanos - (System.nanoTime() - start);
            if (left <= 0) {
                return false;
            }
            try {
                selector.select(Math.min(SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(Math.min(left, SLICE_NANOS) + 999_999)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            // Not select's count: it leaves out a key selected before (when an interrupt cut the wait short, say), and then returns at once.
            if (!selector.selectedKeys().isEmpty()) {
                return true;
            }
            if (gone.getAsBoolean()) {
                return false;
            }
        }
    }

    /**
     * Runs {@code wait} without the interpreter lock; a call of {@code asyncio.to_thread} gives up
     * its virtual-clock turn meanwhile, as for a {@code threading} lock, but time stands still while
     * what the program sent the socket ({@code awaited}) is on its way.
     */
    private static void withoutLock(AioContext context, InterpreterLock.Blocking wait, InFlight awaited) throws InterruptedException {
        DefaultExecutor worker = DefaultExecutor.ofCurrentThread();
        if (worker != null) {
            worker.block(wait, awaited);
        } else {
            context.interpreterLock().releasedWhile(wait);
        }
    }
}
