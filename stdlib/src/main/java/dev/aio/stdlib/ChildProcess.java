package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleSafepoint;

import dev.aio.AioContext;
import dev.aio.kernel.InterpreterLock;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBytes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * A child process, the part of CPython's {@code subprocess.Popen} that talks to the operating
 * system. As sockets are, it is the embedder's to allow ({@code allowCreateProcess}); it is started
 * by the JDK's {@link ProcessBuilder} (Truffle's process builder hides the child's pid), in the
 * context's working directory and with the context's environment. Its pipes are {@link ChildPipe}s the
 * loop can watch, and so is its exit ({@link #exitPipe()}), as CPython's child watcher reports it.
 */
public final class ChildProcess extends PyObject {
    static final PyType TYPE = new PyType("ChildProcess", "_subprocess");
    /** {@code subprocess.PIPE}, {@code STDOUT} and {@code DEVNULL}, CPython's values. */
    static final long PIPE = -1;
    static final long STDOUT = -2;
    static final long DEVNULL = -3;
    /** The errno in the JDK's message: "error=2, No such file or directory", or "error: 2 (No such file or directory)". */
    private static final Pattern JDK_ERRNO = Pattern.compile("error(?:=|: )(\\d+)(?:, | \\()([^)]*)");

    private final AioContext context;
    private final Process process;
    private final ChildPipe stdin;
    private final ChildPipe stdout;
    private final ChildPipe stderr;
    private final ChildPipe exit;
    /** The last signal the program sent: the JDK reports a child it ended as status 128 + signal, CPython as -signal. */
    private int signalSent;
    /** What a blocking communicate() has read so far (kept across its time-outs, as CPython's). */
    private ByteArrayOutputStream stdoutRead;
    private ByteArrayOutputStream stderrRead;
    private ByteBuffer inputLeft;

    private ChildProcess(AioContext context, Process process, ChildPipe stdin, ChildPipe stdout, ChildPipe stderr, ChildPipe exit) {
        this.context = context;
        this.process = process;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.exit = exit;
    }

    /**
     * Starts {@code args}; each of {@code in}, {@code out}, {@code err} is null (the child inherits
     * the program's stream), {@link #PIPE}, {@link #DEVNULL}, or for {@code err} {@link #STDOUT}.
     */
    @TruffleBoundary
    static ChildProcess spawn(AioContext context, List<String> args, String cwd, Map<String, String> env, Long in, Long out, Long err) {
        if (!context.getEnv().isCreateProcessAllowed()) {
            throw PyErrors.osError(13, "Permission denied (this aio context may not create processes; embedders allow it with Context.Builder.allowCreateProcess)", args.get(0));
        }
        ProcessBuilder builder = new ProcessBuilder(args);
        try {
            TruffleFile dir = cwd != null ? TextFile.resolve(context, cwd) : context.getEnv().getCurrentWorkingDirectory();
            if (cwd != null && !dir.isDirectory()) {
                throw dir.exists() ? PyErrors.osError(20, "Not a directory", cwd) : PyErrors.osError(2, "No such file or directory", cwd);
            }
            builder.directory(new File(dir.getAbsoluteFile().getPath()));
        } catch (SecurityException e) {
            if (cwd != null) {
                throw TextFile.noAccess(cwd);
            }
            // A context with no file access has no working directory of its own: the child starts in the JVM's.
        }
        // The context's environment (the embedder's allowEnvironmentAccess decides what it holds), or the one given.
        builder.environment().clear();
        builder.environment().putAll(env != null ? env : context.getEnv().getEnvironment());
        // In aio's daemon the process's streams are not the run's: what the child would inherit is relayed.
        boolean hosted = context.hosted();
        builder.redirectInput(in == null ? hosted ? Redirect.PIPE : Redirect.INHERIT : in == DEVNULL ? Redirect.from(new File("/dev/null")) : Redirect.PIPE);
        builder.redirectOutput(output(out, hosted));
        if (err != null && err == STDOUT) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(output(err, hosted));
        }
        // What sys.stdout holds stays in its buffer, as in CPython: a child that shares the stream writes first.
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw startError(e, args.get(0));
        }
        try {
            String pid = "of pid " + p.pid();
            ChildPipe stdinPipe = in != null && in == PIPE ? ChildPipe.toChild(p.getOutputStream(), "stdin " + pid) : null;
            ChildPipe stdoutPipe = out != null && out == PIPE ? ChildPipe.fromChild(p.getInputStream(), "stdout " + pid) : null;
            ChildPipe stderrPipe = err != null && err == PIPE ? ChildPipe.fromChild(p.getErrorStream(), "stderr " + pid) : null;
            List<Thread> relays = new ArrayList<>();
            if (hosted) {
                if (in == null) {
                    // Not awaited: the child may exit before its input ends.
                    ChildPipe.relay("stdin " + pid, context.stdin(), p.getOutputStream(), p.getOutputStream());
                }
                if (out == null) {
                    relays.add(ChildPipe.relay("stdout " + pid, p.getInputStream(), context.unbufferedOut(), p.getInputStream()));
                }
                if (err == null) {
                    relays.add(ChildPipe.relay("stderr " + pid, p.getErrorStream(), context.err(), p.getErrorStream()));
                }
            }
            return new ChildProcess(context, p, stdinPipe, stdoutPipe, stderrPipe, ChildPipe.endingWhen(p, "exit " + pid, relays.toArray(new Thread[0]), stdoutPipe, stderrPipe));
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException(e);
        }
    }

    private static Redirect output(Long how, boolean hosted) {
        if (how == null) {
            return hosted ? Redirect.PIPE : Redirect.INHERIT;
        }
        return how == DEVNULL ? Redirect.DISCARD : Redirect.PIPE;
    }

    /** The JDK's "Cannot run program "x": error=2, No such file or directory" as CPython's {@code FileNotFoundError: [Errno 2] No such file or directory: 'x'}. */
    private static AioException startError(IOException e, String program) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Matcher errno = JDK_ERRNO.matcher(m);
        if (errno.find()) {
            return PyErrors.osError(Long.parseLong(errno.group(1)), errno.group(2), program);
        }
        return PyErrors.raise(BuiltinTypes.OS_ERROR, m);
    }

    long pid() {
        return process.pid();
    }

    Object stdin() {
        return stdin == null ? PyNone.NONE : stdin;
    }

    Object stdout() {
        return stdout == null ? PyNone.NONE : stdout;
    }

    Object stderr() {
        return stderr == null ? PyNone.NONE : stderr;
    }

    ChildPipe exitPipe() {
        return exit;
    }

    /** The exit status as CPython reports it ({@code -N} for a child ended by the signal N the program sent), or None while it runs. */
    @TruffleBoundary
    Object poll() {
        if (process.isAlive()) {
            return PyNone.NONE;
        }
        int status = process.exitValue();
        return signalSent != 0 && status == 128 + signalSent ? (long) -signalSent : (long) status;
    }

    /** {@code Popen.send_signal}: SIGTERM and SIGKILL through the JDK, other signals through {@code kill}; nothing once the child has exited. */
    @TruffleBoundary
    void sendSignal(int signal) {
        if (!process.isAlive()) {
            return;
        }
        signalSent = signal;
        if (signal == 15) {
            process.destroy();
        } else if (signal == 9) {
            process.destroyForcibly();
        } else {
            try {
                Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
                kill.waitFor();
            } catch (IOException | SecurityException e) {
                throw PyErrors.raise(BuiltinTypes.OS_ERROR, "cannot send signal " + signal + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PyErrors.raiseNoArgs(BuiltinTypes.KEYBOARD_INTERRUPT);
            }
        }
    }

    /** Blocks up to {@code nanos} (negative: no limit) for the child to exit; returns its status, or None if it still runs. */
    @TruffleBoundary
    Object waitFor(long nanos) {
        long deadline = System.nanoTime() + nanos;
        block(() -> {
            if (nanos < 0) {
                process.waitFor();
            } else {
                process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        });
        return poll();
    }

    /**
     * The blocking {@code Popen.communicate}: writes {@code input} to the child's stdin and closes it,
     * reads its stdout and stderr to their ends, all at once as CPython's does with a selector, then
     * waits for the exit. Returns {@code (stdout, stderr)} (None for a stream that is no pipe), or
     * null when {@code nanos} (negative: no limit) passed first; a later call goes on from there.
     */
    @TruffleBoundary
    PyTuple communicate(byte[] input, long nanos) {
        long start = System.nanoTime();
        if (inputLeft == null) {
            inputLeft = ByteBuffer.wrap(input == null ? new byte[0] : input);
            stdoutRead = new ByteArrayOutputStream();
            stderrRead = new ByteArrayOutputStream();
        }
        try (Selector selector = Selector.open()) {
            if (stdin != null && !stdin.isClosed()) {
                if (inputLeft.hasRemaining()) {
                    stdin.selectable().register(selector, SelectionKey.OP_WRITE, stdin);
                } else {
                    stdin.close();
                }
            }
            for (ChildPipe p : new ChildPipe[]{stdout, stderr}) {
                if (p != null && !p.isClosed()) {
                    p.selectable().register(selector, SelectionKey.OP_READ, p);
                }
            }
            // Counted here: a cancelled key stays in keys() until the next select.
            while (selector.keys().stream().anyMatch(SelectionKey::isValid)) {
                long left = nanos < 0 ? -1 : nanos - (System.nanoTime() - start);
                if (nanos >= 0 && left <= 0) {
                    return null;
                }
                blockOn(context, selector, left);
                for (SelectionKey key : selector.selectedKeys()) {
                    transfer(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object status = waitFor(nanos < 0 ? -1 : Math.max(0, nanos - (System.nanoTime() - start)));
        if (status == PyNone.NONE) {
            return null;
        }
        PyTuple result = PyTuple.of(stdout == null ? PyNone.NONE : new PyBytes(stdoutRead.toByteArray()), stderr == null ? PyNone.NONE : new PyBytes(stderrRead.toByteArray()));
        inputLeft = null;
        return result;
    }

    /** One ready pipe of {@link #communicate}: writes what the child's stdin takes, or reads what its stdout or stderr has; a pipe at its end is closed. */
    private void transfer(SelectionKey key) {
        ChildPipe pipe = (ChildPipe) key.attachment();
        if (!pipe.isReadable()) {
            try {
                inputLeft.position(inputLeft.position() + (int) pipe.write(inputLeft.array(), inputLeft.position(), inputLeft.remaining()));
            } catch (AioException wouldBlockOrBroken) {
                if (!wouldBlockOrBroken.getException().getPyType().isSubtypeOf(BuiltinTypes.BLOCKING_IO_ERROR)) {
                    // CPython's communicate ignores a child that does not read its input (BrokenPipeError).
                    inputLeft.position(inputLeft.limit());
                }
            }
            if (!inputLeft.hasRemaining()) {
                key.cancel();
                pipe.close();
            }
            return;
        }
        PyBytes data;
        try {
            data = pipe.read(Integer.MAX_VALUE);
        } catch (AioException wouldBlock) {
            return;
        }
        if (data.length() == 0) {
            key.cancel();
            pipe.close();
        } else {
            (pipe == stdout ? stdoutRead : stderrRead).write(data.array(), 0, data.length());
        }
    }

    /** Runs {@code wait} without the interpreter lock, as a Truffle safepoint (a time limit, a Ctrl-C, may end it). */
    private void block(InterpreterLock.Blocking wait) {
        TruffleSafepoint.setBlockedThreadInterruptible(null, w -> context.interpreterLock().releasedWhile(w), wait);
    }

    /** Waits without the interpreter lock up to {@code nanos} (negative: no limit) for a key of {@code selector} to be ready; returns how many are. */
    @TruffleBoundary
    static int blockOn(AioContext context, Selector selector, long nanos) {
        long start = System.nanoTime();
        int[] found = {0};
        try {
            TruffleSafepoint.setBlockedThreadInterruptible(null, s -> context.interpreterLock().releasedWhile(() -> {
                long left = nanos < 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos - (System.nanoTime() - start) + 999_999));
                try {
                    found[0] = nanos >= 0 && System.nanoTime() - start >= nanos ? s.selectNow() : s.select(left);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }), selector);
        } catch (UncheckedIOException e) {
            throw PyErrors.raise(BuiltinTypes.OS_ERROR, e.getCause().getMessage());
        }
        return found[0];
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<_subprocess.ChildProcess " + process.pid() + ">";
    }
}
