package dev.aio.launcher.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import dev.aio.launcher.Invocation;
import dev.aio.launcher.PythonCommandLine;
import sun.misc.Signal;

/**
 * The fast path of {@code aio run}: a small JVM of plain JDK classes that hands the run to aio's
 * daemon (a JVM kept warm, {@link AioDaemon}) and relays its output, input, Ctrl-C and exit status.
 * It starts the daemon when there is none for this build, and runs aio in a process of its own,
 * as {@code aio run --no-daemon} would, when no daemon can be had or the options need one
 * ({@link #needsOwnProcess}).
 *
 * {@code aio daemon status|stop} is answered here too ({@link DaemonControl}).
 *
 * <p>Arguments: the lib folder, the number N of JVM options aio runs with, those N options, then
 * aio's own arguments ({@code run ...}, or CPython's shapes that mean it: {@link PythonCommandLine}).
 */
public final class DaemonClient {
    /** How long a first run waits for the daemon it started to listen. */
    private static final long START_TIMEOUT_MILLIS = 60_000;
    /** {@code aio run}'s options that take a value as the next argument. */
    private static final Set<String> VALUED = Set.of("--time-limit", "--slow-step", "--dump-tasks-on", "--timeline", "-c", "-m", "--cpusampler.Period", "--cpusampler.StackLimit");

    private DaemonClient() {
    }

    public static void main(String[] argv) throws Exception {
        Path lib = Path.of(argv[0]);
        int n = Integer.parseInt(argv[1]);
        List<String> jvmOptions = Arrays.asList(argv).subList(2, 2 + n);
        List<String> args = Arrays.asList(argv).subList(2 + n, argv.length);
        // aio FILE, aio -c CODE...: CPython's shapes are aio run's.
        List<String> asRun = PythonCommandLine.asRun(args, null);
        if (asRun != null) {
            args = asRun;
        }
        if (args.size() == 2 && args.get(0).equals("daemon") && !args.get(1).startsWith("-")) {
            // aio daemon status|stop: answered here, without starting aio.
            System.exit(DaemonControl.run(args.get(1), System.out, System.err));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        DaemonPlace place = null;
        if (!needsOwnProcess(args)) {
            try {
                place = new DaemonPlace(DaemonPlace.privateFolder(), DaemonPlace.key(System.getProperty("java.home"), jvmOptions, lib));
            } catch (IOException e) {
                // No private folder: no daemon.
            }
        }
        int status = run(java, jvmOptions, lib, place, args, true);
        System.exit(status);
    }

    /**
     * Runs {@code aio ARGS} through the daemon at {@code place} (null: none), or in a process of
     * its own; the exit status. {@code handleSignals}: this process's Ctrl-C goes to the run.
     */
    static int run(String java, List<String> jvmOptions, Path lib, DaemonPlace place, List<String> args, boolean handleSignals) throws IOException, InterruptedException {
        SocketChannel channel = place == null ? null : connect(java, jvmOptions, lib, place);
        if (channel == null) {
            if (handleSignals) {
                // The terminal sends Ctrl-C to both processes: the one running aio handles it.
                Signal.handle(new Signal("INT"), s -> {
                });
            }
            return runOwnProcess(java, jvmOptions, args);
        }
        RunRequest request = new RunRequest(args, System.getProperty("user.dir"), System.getenv(), Invocation.ofThisProcess());
        // Ctrl-C: the program handles it in the daemon (SIGINT cancels the main task), as it would in a process of its own.
        return relay(channel, request, System.in, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), sender -> {
            if (handleSignals) {
                Signal.handle(new Signal("INT"), s -> sender.accept(s.getNumber()));
            }
        });
    }

    /**
     * Whether {@code aio run ARGS} needs a JVM of its own: {@code --no-daemon}; the debugger and
     * the sampler (engine options, and the engine is shared); {@code --dump-tasks-on} (the signal
     * would go to this process).
     */
    static boolean needsOwnProcess(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("run")) {
            return true;
        }
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--no-daemon") || a.startsWith("--inspect") || a.startsWith("--cpusampler") || a.startsWith("--dump-tasks-on")) {
                return true;
            }
            if (a.equals("--") || a.equals("-") || !a.startsWith("-")) {
                return false;
            }
            if (VALUED.contains(a)) {
                i++;
            }
        }
        return false;
    }

    /** The socket of this build's daemon, connected; the daemon is started if it is not there. Null when none can be had. */
    private static SocketChannel connect(String java, List<String> jvmOptions, Path lib, DaemonPlace place) {
        SocketChannel channel = tryConnect(place.socket());
        if (channel != null) {
            return channel;
        }
        Process daemon;
        try {
            daemon = startDaemon(java, jvmOptions, lib, place);
        } catch (IOException e) {
            return null;
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            channel = tryConnect(place.socket());
            if (channel != null) {
                return channel;
            }
            if (!daemon.isAlive() && daemon.exitValue() != 0) {
                // It failed (the log says why); a daemon started by another run exits 0 and that one is awaited.
                return null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    static SocketChannel tryConnect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return channel;
            } catch (IOException e) {
                channel.close();
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Starts this build's daemon, detached: a session of its own (the terminal's Ctrl-C is not for
     * it), no input, output to its log. It exits at once when another one holds the lock.
     */
    static Process startDaemon(String java, List<String> jvmOptions, Path lib, DaemonPlace place) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.add(java);
        // The full collection the daemon makes when idle (AioDaemon) gives all the heap that runs
        // grew back at once, not 0 %, then 10 %, 40 % of it over the next collections (the serial
        // collector's damping). Before aio's options: AIO_JAVA_OPTS may say otherwise.
        command.add("-XX:-ShrinkHeapInSteps");
        command.addAll(jvmOptions);
        command.add("dev.aio.launcher.daemon.AioDaemon");
        command.add(place.folder().toString());
        command.add(place.key());
        command.add(lib.toString());
        File log = place.log().toFile();
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                        .redirectErrorStream(true).start();
    }

    /** {@code aio ARGS} in a JVM of its own, this one waiting. */
    private static int runOwnProcess(String java, List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        String executable = System.getProperty(Invocation.EXECUTABLE_PROPERTY);
        if (executable != null) {
            command.add("-D" + Invocation.EXECUTABLE_PROPERTY + "=" + executable);
        }
        command.add("dev.aio.launcher.AioMain");
        command.addAll(args);
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }

    /**
     * Sends the run to the daemon and relays until it ends; its exit status. {@code signals} is
     * handed what sends the daemon a signal the user sent this process.
     */
    static int relay(SocketChannel channel, RunRequest request, InputStream in, OutputStream out, OutputStream err, Consumer<IntConsumer> signals) throws IOException {
        DataOutputStream toDaemon = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
        DataInputStream fromDaemon = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), OutputBatch.LIMIT + 5));
        byte[] encoded = request.encode();
        Frames.write(toDaemon, Frames.RUN, encoded, 0, encoded.length);
        signals.accept(signum -> send(toDaemon, signum));
        StdinPump stdin = null;
        while (true) {
            Frames.Frame frame;
            try {
                frame = Frames.read(fromDaemon);
            } catch (IOException e) {
                frame = null;
            }
            if (frame == null) {
                // The daemon went away (killed): as a process killed, with nothing more said.
                err.write("aio: the daemon running this program went away (AIO_DAEMON=off runs without one)\n".getBytes(StandardCharsets.UTF_8));
                return 1;
            }
            switch (frame.type()) {
                case Frames.STDOUT -> out.write(frame.payload());
                case Frames.STDERR -> err.write(frame.payload());
                case Frames.READ -> {
                    if (stdin == null) {
                        stdin = new StdinPump(in, toDaemon);
                        stdin.start();
                    }
                    stdin.ask(frame.asInt());
                }
                case Frames.EXIT -> {
                    return frame.asInt();
                }
                default -> throw new IOException("unexpected message " + frame.type());
            }
        }
    }

    private static void send(DataOutputStream toDaemon, int signum) {
        try {
            Frames.writeInt(toDaemon, Frames.SIGNAL, signum);
        } catch (IOException e) {
            // The run is over.
        }
    }

    /** Reads standard input when the program asks for it, on a thread of its own: reading blocks, and output keeps coming meanwhile. */
    private static final class StdinPump extends Thread {
        private final InputStream in;
        private final DataOutputStream toDaemon;
        private final SynchronousQueue<Integer> asks = new SynchronousQueue<>();

        StdinPump(InputStream in, DataOutputStream toDaemon) {
            super("aio-stdin");
            setDaemon(true);
            this.in = in;
            this.toDaemon = toDaemon;
        }

        void ask(int max) {
            try {
                asks.put(max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    int max = asks.take();
                    byte[] buffer = new byte[Math.max(1, Math.min(max, 1 << 16))];
                    int n = in.read(buffer);
                    Frames.write(toDaemon, Frames.STDIN, buffer, 0, Math.max(n, 0));
                }
            } catch (IOException | InterruptedException e) {
                // The run is over.
            }
        }
    }
}
