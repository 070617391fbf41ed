package dev.aio.stdlib;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The local addresses of the program's open sockets: a connected socket whose peer is one of them
 * talks to the program itself (a server and its client on localhost), so waiting for it is no
 * waiting for the outside world (see the virtual clock's rules on channels). Counted, since the
 * connections a server accepts share its listening socket's address.
 */
final class ProgramSockets {
    private final Map<InetSocketAddress, Integer> local = new HashMap<>();

    void opened(InetSocketAddress address) {
        if (address != null) {
            local.merge(address, 1, Integer::sum);
        }
    }

    void closed(InetSocketAddress address) {
        if (address != null) {
            local.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        }
    }

    /** Whether {@code peer} is a socket of this program (a listening socket bound to the wildcard address takes every address of its port). */
    boolean isOwn(InetSocketAddress peer) {
        if (peer == null) {
            return false;
        }
        if (local.containsKey(peer)) {
            return true;
        }
        for (InetSocketAddress a : local.keySet()) {
            InetAddress ip = a.getAddress();
            if (a.getPort() == peer.getPort() && ip != null && ip.isAnyLocalAddress() && (peer.getAddress().isLoopbackAddress() || peer.getAddress().isAnyLocalAddress())) {
                return true;
            }
        }
        return false;
    }
}
