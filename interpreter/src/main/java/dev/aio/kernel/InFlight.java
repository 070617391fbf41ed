package dev.aio.kernel;

/**
 * Whether something the program sent one of its own channels is on its way to a watched channel
 * now: bytes or the end of a stream another socket of the program wrote, a connection one of them
 * made, the acknowledgement that frees a full send buffer. Loopback delivery is not instantaneous
 * (the kernel may hand it on a moment later, much later on a loaded machine), so the channel will
 * become ready without the outside world, and the virtual clock must not jump past it (see
 * {@link VirtualClock}). Asked on the loop's thread, with the interpreter lock held.
 */
@FunctionalInterface
public interface InFlight {
    /** Nothing the program sent is on its way to the channel (a pipe, a socket whose peers are outside the program). */
    InFlight NONE = () -> false;

    boolean onTheWay();
}
