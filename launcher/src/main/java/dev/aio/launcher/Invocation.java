package dev.aio.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a run learns from the process the user started: the path of the {@code aio} command that
 * started it ({@code sys.executable}; empty when not started by one, as by an embedder), and
 * whether its standard output is a terminal (CPython line-buffers {@code sys.stdout} there and
 * block-buffers it elsewhere). Through the daemon, its client's ({@code RunRequest}).
 *
 * <p>Plain JDK code: the daemon's client uses it too.
 */
public record Invocation(String executable, boolean stdoutTerminal) {
    /** The system property the {@code aio} script sets to its own absolute path. */
    public static final String EXECUTABLE_PROPERTY = "aio.executable";

    static final Invocation NONE = new Invocation("", false);

    /** This process's. */
    public static Invocation ofThisProcess() {
        return new Invocation(System.getProperty(EXECUTABLE_PROPERTY, ""), isTerminal(1));
    }

    /** This process's aio command, for a run whose output is captured (a golden test's). */
    static Invocation capturedOutput() {
        return new Invocation(System.getProperty(EXECUTABLE_PROPERTY, ""), false);
    }

    /** Whether the descriptor is a terminal: Linux names its terminals /dev/pts/N and /dev/ttyN (isatty(3) asks the same of the kernel). */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
