package dev.aio.stdlib;

import java.nio.channels.SelectableChannel;

/**
 * What the loop's selector can watch ({@code add_reader}, {@code add_writer}): a socket, or a pipe
 * to a child process. CPython watches anything with a {@code fileno()}; aio's selector needs a JDK
 * channel.
 */
public interface Watchable {
    /** The channel to watch; OSError(EBADF) when closed. */
    SelectableChannel selectable();

    /** The channel, also once closed (its reader and writer can still be removed from the loop), or null when there is none. */
    SelectableChannel channelOrNull();

    /** Whether what the channel waits for comes from outside the program (see the virtual clock's rules on channels). */
    boolean waitsForOutside();

    /**
     * Whether something another socket of the program sent this channel is on its way to it (bytes,
     * the end of a stream, a connection to accept), so that it becomes readable without the outside
     * world (the kernel's {@code dev.aio.kernel.InFlight}). None for a pipe to a child process.
     */
    default boolean readableOnTheWay() {
        return false;
    }

    /** Whether the channel becomes writable without the outside world: a socket of the program has read all it sent, and the acknowledgements are on their way. */
    default boolean writableOnTheWay() {
        return false;
    }
}
