package dev.aio.stdlib;

/**
 * One direction of a TCP connection between two sockets of the program: what the sending socket
 * wrote that the receiving one has not read yet, bytes and the end of the stream. Both ends being
 * the program's, it knows what is still on its way through the kernel, which the virtual clock
 * waits for ({@code dev.aio.kernel.InFlight}).
 */
final class OwnStream {
    private long unread;
    /** The sender shut down its output or closed: an end of stream (or a reset) follows the bytes. */
    private boolean ended;
    /** The receiver has read the end of the stream, or found the connection broken: nothing more comes. */
    private boolean over;
    /** A socket of the program reads this stream (it has looked it up). */
    private boolean received;

    void sent(long bytes) {
        unread += bytes;
    }

    void end() {
        ended = true;
    }

    void read(long bytes) {
        // A sender's bytes written before the stream was counted are not in unread.
        unread = Math.max(0, unread - bytes);
    }

    void over() {
        over = true;
        unread = 0;
    }

    void receivedByTheProgram() {
        received = true;
    }

    /** Whether the receiver has something of this stream left to read: bytes, or the end. */
    boolean hasUnread() {
        return !over && (unread > 0 || ended);
    }

    /** Whether a socket of the program has read all the sender wrote: the sender's send buffer empties (once the acknowledgements come). */
    boolean allRead() {
        return received && (over || unread == 0);
    }
}
