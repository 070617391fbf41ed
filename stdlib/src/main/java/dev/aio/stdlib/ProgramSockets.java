package dev.aio.stdlib;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * The local addresses of the program's open sockets: a connected socket whose peer is one of them
 * talks to the program itself (a server and its client on localhost), so waiting for it is no
 * waiting for the outside world (see the virtual clock's rules on channels).
 */
final class ProgramSockets {
    private final Set<InetSocketAddress> local = new HashSet<>();

    void opened(InetSocketAddress address) {
        if (address != null) {
            local.add(address);
        }
    }

    void closed(InetSocketAddress address) {
        if (address != null) {
            local.remove(address);
        }
    }

    /** Whether {@code peer} is a socket of this program (a listening socket bound to the wildcard address takes every address of its port). */
    boolean isOwn(InetSocketAddress peer) {
        if (peer == null) {
            return false;
        }
        if (local.contains(peer)) {
            return true;
        }
        for (InetSocketAddress a : local) {
            InetAddress ip = a.getAddress();
            if (a.getPort() == peer.getPort() && ip != null && ip.isAnyLocalAddress() && (peer.getAddress().isLoopbackAddress() || peer.getAddress().isAnyLocalAddress())) {
                return true;
            }
        }
        return false;
    }
}
