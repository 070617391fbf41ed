package dev.aio.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The JVM's side of the signals aio programs handle (module {@code jdk.unsupported}'s
 * {@link Signal}): signal handlers are the process's, while programs are contexts, several of which
 * may run in one JVM (aio's own tests). A signal goes to the context that asked for it last; when
 * none asks any more, the JVM's own handler is back (for SIGINT, SIGTERM and SIGHUP: exit with
 * 128 + the signal's number, as a process killed by it).
 */
final class JvmSignals {
    private static final Map<Integer, Deque<IntConsumer>> receivers = new HashMap<>();
    private static final Map<Integer, SignalHandler> jvmHandlers = new HashMap<>();

    private JvmSignals() {
    }

    /** Sends signal {@code signum} (named {@code name}, without "SIG") to {@code receiver}; IllegalArgumentException if the JVM or the OS keeps it. */
    static synchronized void receive(int signum, String name, IntConsumer receiver) {
        Deque<IntConsumer> forSignal = receivers.get(signum);
        if (forSignal == null) {
            Signal signal = new Signal(name);
            jvmHandlers.put(signum, Signal.handle(signal, s -> deliver(signum)));
            forSignal = new ArrayDeque<>();
            receivers.put(signum, forSignal);
        }
        forSignal.remove(receiver);
        forSignal.push(receiver);
    }

    /** {@code receiver} no longer takes the signal; the JVM's handler is back if no one else does. */
    static synchronized void stopReceiving(int signum, String name, IntConsumer receiver) {
        Deque<IntConsumer> forSignal = receivers.get(signum);
        if (forSignal == null) {
            return;
        }
        forSignal.remove(receiver);
        if (forSignal.isEmpty()) {
            receivers.remove(signum);
            Signal.handle(new Signal(name), jvmHandlers.remove(signum));
        }
    }

    /** What the JVM would have done with the signal had aio not taken it. */
    static void jvmDefault(int signum, String name) {
        SignalHandler handler;
        synchronized (JvmSignals.class) {
            handler = jvmHandlers.get(signum);
        }
        if (handler != null && handler != SignalHandler.SIG_DFL && handler != SignalHandler.SIG_IGN) {
            handler.handle(new Signal(name));
        } else if (handler == SignalHandler.SIG_DFL) {
            // The OS default for these signals ends the process, as a process killed by the signal.
            Runtime.getRuntime().halt(128 + signum);
        }
    }

    private static void deliver(int signum) {
        IntConsumer receiver;
        synchronized (JvmSignals.class) {
            Deque<IntConsumer> forSignal = receivers.get(signum);
            receiver = forSignal == null ? null : forSignal.peek();
        }
        if (receiver != null) {
            receiver.accept(signum);
        }
    }
}
