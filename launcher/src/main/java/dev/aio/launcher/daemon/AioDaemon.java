package dev.aio.launcher.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

import dev.aio.AioContext;
import dev.aio.launcher.AioMain;

/**
 * aio's daemon: a JVM kept warm between runs of {@code aio run}, after Nailgun and Gradle's
 * daemon. It listens on a Unix-domain socket in a folder private to its user
 * ({@link DaemonPlace}); each connection is one run ({@link DaemonClient} sends it), on a thread of
 * its own, in a fresh polyglot context on one engine that all runs share: aio's classes, parsed
 * library modules and compiled code stay warm, while each run has its own modules, globals,
 * working directory, environment and streams. It leaves after an idle period
 * ({@code AIO_DAEMON_IDLE} seconds, 600 by default), or when the jars it was started from change
 * (aio was rebuilt: the new build has a daemon of its own).
 *
 * <p>Arguments: the private folder, the build's key, the lib folder.
 */
public final class AioDaemon {
    private static final long CHECK_MILLIS = 2_000;
    /**
     * How long without a run before the daemon collects a heap that runs grew: the JVM then gives
     * that memory back to the system (the serial collector shrinks the heap only in a full
     * collection, which an idle JVM never has). Long enough that runs in a row (a script calling
     * {@code aio run} in a loop) do not pay for a collection between each two.
     */
    private static final long COLLECT_AFTER_MILLIS = 5_000;

    private final DaemonPlace place;
    private final Path lib;
    private final long idleMillis;
    private final String jars;
    private final Engine engine;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final long started = System.currentTimeMillis();
    private volatile long lastActivity = started;
    /** Whether the heap was collected since the last run ended. */
    private volatile boolean collected = true;
    private final AtomicInteger idleCollections = new AtomicInteger();
    /** The committed heap that is not worth a collection when idle: the JVM's initial heap, which it never goes below. */
    private final long heapKept;
    private ServerSocketChannel server;

    AioDaemon(DaemonPlace place, Path lib, long idleMillis) {
        this(place, lib, idleMillis, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit());
    }

    AioDaemon(DaemonPlace place, Path lib, long idleMillis, long heapKept) {
        this.place = place;
        this.lib = lib;
        this.idleMillis = idleMillis;
        this.heapKept = heapKept;
        this.jars = DaemonPlace.jarsSignature(lib);
        this.engine = Engine.newBuilder("aio").allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false").build();
    }

    public static void main(String[] args) throws IOException {
        DaemonPlace place = new DaemonPlace(DaemonPlace.ensurePrivate(Path.of(args[0])), args[1]);
        String idle = System.getenv("AIO_DAEMON_IDLE");
        long idleMillis = (long) (1000 * (idle == null || idle.isEmpty() ? 600 : Double.parseDouble(idle)));
        try (FileChannel lockFile = FileChannel.open(place.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                // Another run started this build's daemon at the same time: that one serves.
                return;
            }
            AioDaemon daemon;
            try {
                daemon = new AioDaemon(place, Path.of(args[2]), idleMillis);
            } catch (IllegalArgumentException e) {
                // The engine rejects an option (a -Dpolyglot.* property in AIO_JAVA_OPTS): the client
                // sees this daemon fail and runs aio itself, which says so on the user's terminal.
                log("cannot start: " + e.getMessage());
                System.exit(2);
                return;
            }
            daemon.serve();
        }
    }

    DaemonPlace place() {
        return place;
    }

    /** Listens until idle or stale; returns once no run is left. */
    void serve() throws IOException {
        Files.deleteIfExists(place.socket());
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(place.socket()));
        log("listening on " + place.socket() + " (pid " + ProcessHandle.current().pid() + ")");
        Thread watchman = new Thread(this::watch, "aio-daemon-watch");
        watchman.setDaemon(true);
        watchman.start();
        try {
            while (true) {
                SocketChannel client = server.accept();
                // Counted from here, so the watchman does not leave while a run is being read.
                active.incrementAndGet();
                Thread run = new Thread(() -> {
                    try {
                        serve(client);
                    } finally {
                        active.decrementAndGet();
                    }
                }, "aio-daemon-run");
                run.start();
            }
        } catch (IOException e) {
            // Closed by the watchman: leaving.
        }
        while (active.get() > 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                break;
            }
        }
        engine.close();
        log("stopped");
        // Its files go with it (a rebuilt aio's daemon has others); the lock is still held.
        Files.deleteIfExists(place.log());
        Files.deleteIfExists(place.lock());
    }

    /** Stops listening when idle too long or when aio was rebuilt. */
    private void watch() {
        while (true) {
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            String why = null;
            if (!DaemonPlace.jarsSignature(lib).equals(jars)) {
                why = "aio was rebuilt";
            } else if (active.get() == 0 && System.currentTimeMillis() - lastActivity > idleMillis) {
                why = "idle for " + idleMillis / 1000.0 + " s";
            } else if (!Files.exists(place.socket())) {
                why = "its socket was removed";
            }
            if (why != null) {
                leave(why);
                return;
            }
            if (!collected && active.get() == 0 && System.currentTimeMillis() - lastActivity >= COLLECT_AFTER_MILLIS) {
                collected = true;
                if (Runtime.getRuntime().totalMemory() > heapKept) {
                    collectIdleHeap();
                }
            }
        }
    }

    /** Gives the memory the last runs grew the heap to back to the system, once per idle period. */
    private void collectIdleHeap() {
        long before = Runtime.getRuntime().totalMemory();
        System.gc();
        idleCollections.incrementAndGet();
        log("idle: heap collected, " + megabytes(before) + " -> " + megabytes(Runtime.getRuntime().totalMemory()) + " committed");
    }

    /** How many times the heap was collected while idle (for tests). */
    int idleCollections() {
        return idleCollections.get();
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    /** Stops listening: a new run starts another daemon, the runs in progress finish here. */
    private void leave(String why) {
        log("leaving: " + why);
        try {
            Files.deleteIfExists(place.socket());
            server.close();
        } catch (IOException e) {
            log("closing: " + e);
        }
    }

    /** One line for {@code aio daemon status}: pid, runtime, age, runs, idleness, the heap's committed size, and the build it serves. */
    String describe() {
        long now = System.currentTimeMillis();
        int running = active.get() - 1;
        String runs = served.get() + (served.get() == 1 ? " run" : " runs") + (running > 0 ? " (" + running + " running)" : "");
        String idle = running > 0 ? "busy" : "idle " + DaemonControl.duration(now - lastActivity) + " of " + DaemonControl.duration(idleMillis);
        return "pid " + ProcessHandle.current().pid() + ", " + runtime() + ", up " + DaemonControl.duration(now - started) + ", " + runs + ", " + idle + ", heap "
                        + megabytes(Runtime.getRuntime().totalMemory()) + ", aio in " + lib.getParent();
    }

    private String runtime() {
        return engine.getImplementationName().equals("Interpreted") ? "interpreter only (AIO_JIT=off)" : "JIT";
    }

    /** One run: the client's request, its streams, signals and exit status. */
    private void serve(SocketChannel client) {
        try (client) {
            DataInputStream fromClient = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream toClient = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client), OutputBatch.LIMIT + 5));
            Frames.Frame first = Frames.read(fromClient);
            if (first == null) {
                return;
            }
            if (first.type() == Frames.STATUS || first.type() == Frames.STOP) {
                byte[] line = describe().getBytes(StandardCharsets.UTF_8);
                Frames.write(toClient, Frames.INFO, line, 0, line.length);
                if (first.type() == Frames.STOP) {
                    leave("asked to stop (aio daemon stop)");
                }
                return;
            }
            if (first.type() != Frames.RUN) {
                return;
            }
            // Only runs count as activity: asking for the status does not keep an idle daemon.
            served.incrementAndGet();
            lastActivity = System.currentTimeMillis();
            try {
                RunRequest request = RunRequest.decode(first.payload());
                new HostedRun(request, fromClient, toClient).run();
            } finally {
                lastActivity = System.currentTimeMillis();
                collected = false;
            }
        } catch (IOException e) {
            log("run: " + e);
        }
    }

    /** A run in this JVM for one client. */
    private final class HostedRun {
        private final RunRequest request;
        private final DataInputStream fromClient;
        private final DataOutputStream toClient;
        private final RelayedInput in;
        private final OutputBatch output;
        private final AtomicReference<Context> context = new AtomicReference<>();
        /** The status the run ended with for the client when a signal ended it (the program did not take it), else 0. */
        private volatile int killedStatus;

        HostedRun(RunRequest request, DataInputStream fromClient, DataOutputStream toClient) {
            this.request = request;
            this.fromClient = fromClient;
            this.toClient = toClient;
            this.output = new OutputBatch(toClient);
            this.in = new RelayedInput(toClient, output);
        }

        void run() throws IOException {
            Thread listener = new Thread(this::listen, "aio-daemon-client");
            listener.setDaemon(true);
            listener.start();
            PrintStream stdout = new PrintStream(new FramedOutput(output, Frames.STDOUT), true, StandardCharsets.UTF_8);
            PrintStream stderr = new PrintStream(new FramedOutput(output, Frames.STDERR), true, StandardCharsets.UTF_8);
            int status = AioMain.runHosted(request.args().toArray(new String[0]), in, stdout, stderr, Path.of(request.workingDirectory()), request.environment(), request.invocation(), engine, context::set);
            stdout.flush();
            stderr.flush();
            output.send();
            if (killedStatus == 0) {
                Frames.writeInt(toClient, Frames.EXIT, status);
            }
        }

        /** The client's messages: input, signals, and its end (then the run is cancelled). */
        private void listen() {
            try {
                Frames.Frame frame;
                while ((frame = Frames.read(fromClient)) != null) {
                    if (frame.type() == Frames.STDIN) {
                        in.supply(frame.payload());
                    } else if (frame.type() == Frames.SIGNAL) {
                        signal(frame.asInt());
                    }
                }
            } catch (IOException e) {
                // As the end of the client.
            }
            in.supply(new byte[0]);
            kill(0);
        }

        /** A signal the client's user sent: to the program when it takes it (SIGINT cancels the main task), else it ends the run as it would end a process. */
        private void signal(int signum) {
            Context c = context.get();
            boolean taken = false;
            if (c != null) {
                try {
                    c.enter();
                    try {
                        taken = AioContext.get(null).signals().deliver(signum);
                    } finally {
                        c.leave();
                    }
                } catch (IllegalStateException e) {
                    // Closed or closing: the run is ending anyway.
                }
            }
            if (!taken) {
                kill(128 + signum);
            }
        }

        /** Ends the run now: the client hears {@code status} (none if 0: it is gone) and nothing more. */
        private void kill(int status) {
            if (killedStatus != 0) {
                return;
            }
            killedStatus = status == 0 ? -1 : status;
            output.discard();
            if (status != 0) {
                try {
                    Frames.writeInt(toClient, Frames.EXIT, status);
                } catch (IOException e) {
                    // Gone already.
                }
            }
            Context c = context.get();
            if (c != null) {
                try {
                    c.close(true);
                } catch (RuntimeException e) {
                    // Closing a cancelled context reports the cancel.
                }
            }
        }
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " aio daemon: " + message);
    }
}
