package dev.aio.stdlib;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The local addresses of the program's open sockets: a connected socket whose peer is one of them
 * talks to the program itself (a server and its client on localhost), so waiting for it is no
 * waiting for the outside world (see the virtual clock's rules on channels). Counted, since the
 * connections a server accepts share its listening socket's address.
 */
final class ProgramSockets {
    private final Map<SocketAddress, Integer> local = new HashMap<>();

    void opened(SocketAddress address) {
        if (address != null) {
            local.merge(address, 1, Integer::sum);
        }
    }

    void closed(SocketAddress address) {
        if (address != null) {
            local.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        }
    }

    /** Whether {@code peer} is a socket of this program. */
    boolean isOwn(SocketAddress peer) {
        if (peer == null) {
            return false;
        }
        if (local.containsKey(peer)) {
            return true;
        }
        for (SocketAddress s : local.keySet()) {
            if (reaches(s, peer)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a connection to {@code to} reaches the socket bound to {@code local} (a listening socket bound to the wildcard address takes every address of its port). */
    static boolean reaches(SocketAddress local, SocketAddress to) {
        if (local.equals(to)) {
            return true;
        }
        return local instanceof InetSocketAddress a && to instanceof InetSocketAddress p && a.getPort() == p.getPort() && a.getAddress() != null
                        && a.getAddress().isAnyLocalAddress() && p.getAddress() != null && (p.getAddress().isLoopbackAddress() || p.getAddress().isAnyLocalAddress());
    }
}
