package dev.aio.launcher.repl;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command run on a pseudo-terminal made by util-linux's {@code script(1)}: keys are typed into
 * it, and what it writes is read back with terminal controls (colours, cursor moves, carriage
 * returns) removed, so a test can wait for text the way a user watches for it.
 */
public final class PseudoTerminal implements AutoCloseable {
    private static final Pattern CONTROLS = Pattern.compile("\u001b\\[[0-9;?<>=]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(\u0007|\u001b\\\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]|[\r\b\u0007]");

    private final Process process;
    private final StringBuilder raw = new StringBuilder();
    /** How much of the cleaned output earlier waits consumed. */
    private int consumed;

    private PseudoTerminal(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "pty-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The launcher in a JVM like the one running the tests (the ./aio script needs the packaged jar, which the test phase precedes). */
    public static List<String> aio(String... args) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.aio.launcher.AioMain"));
        command.addAll(List.of(args));
        return command;
    }

    public static boolean available() {
        return find("script") != null;
    }

    private static Path find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Starts {@code command} on a 120x40 terminal with the extra environment {@code env}. */
    public static PseudoTerminal start(List<String> command, Map<String, String> env) throws IOException {
        String shell = "stty cols 120 rows 40; exec " + command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(find("script").toString(), "-q", "-e", "-f", "-c", shell, "/dev/null").redirectErrorStream(true);
        builder.environment().putAll(env);
        return new PseudoTerminal(builder.start());
    }

    private void readOutput() {
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (raw) {
                    raw.append(buffer, 0, n);
                    raw.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    /** Everything written so far, terminal controls removed. */
    String screenText() {
        synchronized (raw) {
            return CONTROLS.matcher(raw).replaceAll("");
        }
    }

    /**
     * Waits until {@code text} appears in what was written after the previous wait's match and
     * returns what came before it; fails after {@code timeout} showing everything written.
     */
    public String expect(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (raw) {
            while (true) {
                String clean = screenText();
                int at = clean.indexOf(text, consumed);
                if (at >= 0) {
                    String before = clean.substring(consumed, at);
                    consumed = at + text.length();
                    return before;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && raw.length() == rawLengthAtExit())) {
                    throw new AssertionError("did not see " + quote(text) + " within " + timeout + "; the terminal showed, after what was already matched:\n"
                                    + clean.substring(consumed) + "\n-- whole output:\n" + clean);
                }
                raw.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    private int rawLengthAtExit() {
        try {
            // Let the reader take in the last output.
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return raw.length();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\u0003", "^C").replace("\u0004", "^D") + "\"";
    }

    /** Types {@code keys} (a carriage return is Enter, \u0003 is Ctrl-C, \u0004 is Ctrl-D). */
    public void type(String keys) {
        try {
            OutputStream in = process.getOutputStream();
            in.write(keys.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command's exit status, once it has ended. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the command did not end within " + timeout + "; the terminal showed:\n" + screenText());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
