package dev.aio.launcher.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aio daemon status} and {@code aio daemon stop}, as Gradle's {@code --status} and
 * {@code --stop}: every daemon of the user (one per build of aio and set of JVM options) in the
 * private folder, asked over its socket. Plain JDK classes only: the fast client runs this.
 */
public final class DaemonControl {
    private static final String PREFIX = "daemon-";
    private static final String SOCKET = ".sock";

    private DaemonControl() {
    }

    /** Runs {@code aio daemon ACTION} ({@code status} or {@code stop}) on the user's private folder; the exit status. */
    public static int run(String action, PrintStream out, PrintStream err) {
        Path folder;
        try {
            folder = DaemonPlace.privateFolder();
        } catch (IOException e) {
            err.println("aio daemon: no daemon can run: " + e.getMessage());
            return 1;
        }
        return switch (action) {
            case "status" -> status(folder, out);
            case "stop" -> stop(folder, out);
            default -> {
                err.println("aio daemon: unknown action '" + action + "' (status or stop)");
                yield 2;
            }
        };
    }

    /** Prints each daemon in {@code folder}: what it says of itself, or that it no longer answers. */
    static int status(Path folder, PrintStream out) {
        List<Path> sockets = sockets(folder);
        if (sockets.isEmpty()) {
            out.println("no aio daemon is running (" + folder + ")");
            return 0;
        }
        for (Path socket : sockets) {
            String answer = ask(socket, Frames.STATUS);
            out.println(answer != null ? answer : "daemon " + key(socket) + ": not answering (a daemon that was killed; aio daemon stop removes its files)");
        }
        return 0;
    }

    /**
     * Asks each daemon in {@code folder} to leave: it stops taking runs at once (the next
     * {@code aio run} starts a new one) and exits when its runs in progress end. The files of a
     * daemon that was killed are removed.
     */
    static int stop(Path folder, PrintStream out) {
        List<Path> sockets = sockets(folder);
        if (sockets.isEmpty()) {
            out.println("no aio daemon is running (" + folder + ")");
            return 0;
        }
        for (Path socket : sockets) {
            String answer = ask(socket, Frames.STOP);
            if (answer != null) {
                out.println("stopped: " + answer);
            } else if (removeIfDead(folder, key(socket))) {
                out.println("daemon " + key(socket) + ": removed the files of a daemon that was killed");
            } else {
                out.println("daemon " + key(socket) + ": not answering, but alive (starting?); try again");
            }
        }
        return 0;
    }

    /** The daemon's one-line answer to {@code request}; null when nothing answers on {@code socket}. */
    static String ask(Path socket, byte request) {
        SocketChannel channel = DaemonClient.tryConnect(socket);
        if (channel == null) {
            return null;
        }
        try (channel) {
            Frames.write(new DataOutputStream(Channels.newOutputStream(channel)), request, new byte[0], 0, 0);
            Frames.Frame answer = Frames.read(new DataInputStream(Channels.newInputStream(channel)));
            return answer != null && answer.type() == Frames.INFO ? new String(answer.payload(), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes a daemon's socket, lock and log when no process holds its lock (a daemon holds it while it lives). */
    private static boolean removeIfDead(Path folder, String key) {
        DaemonPlace place = new DaemonPlace(folder, key);
        try (FileChannel lockFile = FileChannel.open(place.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                // Alive but not answering (starting, or busy closing its socket): left alone.
                return false;
            }
            try (lock) {
                Files.deleteIfExists(place.socket());
                Files.deleteIfExists(place.log());
            }
            Files.deleteIfExists(place.lock());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> sockets(Path folder) {
        List<Path> sockets = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, PREFIX + "*" + SOCKET)) {
            entries.forEach(sockets::add);
        } catch (IOException e) {
            // An unreadable folder has no daemons to show.
        }
        sockets.sort(null);
        return sockets;
    }

    private static String key(Path socket) {
        String name = socket.getFileName().toString();
        return name.substring(PREFIX.length(), name.length() - SOCKET.length());
    }

    /** {@code 3 s}, {@code 2 min 5 s}, {@code 1 h 4 min}: how long, for a person. */
    static String duration(long millis) {
        long s = millis / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
