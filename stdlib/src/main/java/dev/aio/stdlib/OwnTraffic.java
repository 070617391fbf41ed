package dev.aio.stdlib;

import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * What the program's TCP sockets sent one another that has not been taken yet: the streams of
 * their connections ({@link OwnStream}, by sending and receiving address) and the connections made
 * to a listening socket of the program that it has not accepted yet. Loopback delivery takes real
 * time, so this is what the virtual clock waits for before it jumps (see
 * {@link Watchable#readableOnTheWay()}). AF_UNIX sockets need none of it: the kernel hands their
 * bytes and connections to the peer within the sending call.
 */
final class OwnTraffic {
    private record Route(SocketAddress from, SocketAddress to) {
    }

    private final ProgramSockets sockets;
    private final Map<Route, OwnStream> streams = new HashMap<>();
    /** By the address connected to: how many connections to it the program made that no listening socket of it accepted yet. */
    private final Map<SocketAddress, Integer> unaccepted = new HashMap<>();

    OwnTraffic(ProgramSockets sockets) {
        this.sockets = sockets;
    }

    /** The stream a socket just connected (or accepted) writes: a new one, in place of one an earlier connection between the same addresses left. */
    OwnStream outbound(SocketAddress local, SocketAddress remote) {
        OwnStream s = new OwnStream();
        streams.put(new Route(local, remote), s);
        return s;
    }

    /** The stream a connected socket reads, when its peer is a socket of the program that has connected already; else null. */
    OwnStream inbound(SocketAddress local, SocketAddress remote) {
        OwnStream s = streams.get(new Route(remote, local));
        if (s != null) {
            s.receivedByTheProgram();
        }
        return s;
    }

    /** A connected socket closed: nobody reads what was sent to it any more, nor (if its peer is outside) what it sent. */
    void closed(SocketAddress local, SocketAddress remote) {
        streams.remove(new Route(remote, local));
        if (!sockets.isOwn(remote)) {
            streams.remove(new Route(local, remote));
        }
    }

    /** A socket starts to connect to {@code to}, an address of the program's. */
    void connecting(SocketAddress to) {
        unaccepted.merge(to, 1, Integer::sum);
    }

    /** A connection {@link #connecting} counted failed, or was given up before it was made. */
    void connectFailed(SocketAddress to) {
        unaccepted.computeIfPresent(to, (a, n) -> n == 1 ? null : n - 1);
    }

    /**
     * The listening socket at {@code listening} accepted a connection: one counted to it is no
     * longer on its way (a connection from outside the program may take the place of one of the
     * program's, which then holds nothing up).
     */
    void accepted(SocketAddress listening) {
        unaccepted.keySet().stream().filter(to -> ProgramSockets.reaches(listening, to)).findFirst().ifPresent(this::connectFailed);
    }

    /** Whether a connection of the program to the listening socket at {@code listening} waits to be accepted. */
    boolean awaitsAccept(SocketAddress listening) {
        return unaccepted.keySet().stream().anyMatch(to -> ProgramSockets.reaches(listening, to));
    }

    /** The listening socket at {@code listening} closed: the connections waiting for it are refused. */
    void listenerClosed(SocketAddress listening) {
        unaccepted.keySet().removeIf(to -> ProgramSockets.reaches(listening, to));
    }
}
