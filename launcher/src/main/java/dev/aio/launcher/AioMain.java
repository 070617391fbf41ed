package dev.aio.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

import dev.aio.kernel.InterpreterStack;
import dev.aio.launcher.repl.TerminalConsole;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code aio} command: run, test, check, repl (also {@code aio} alone), daemon; CPython's {@code aio FILE}, {@code aio -c CODE}... ({@link PythonCommandLine}). Exit statuses: 0 success, 1 uncaught error, 2 usage error, 3 deadlock, 124 time limit. */
@Command(name = "aio", mixinStandardHelpOptions = true, versionProvider = Version.class, subcommands = {RunCommand.class, TestCommand.class, CheckCommand.class, ReplCommand.class, DaemonCommand.class},
                description = {"aio: Python-style async scripting on the JVM, on a single-threaded asyncio event loop.", "Without a command, starts the REPL (aio repl)."})
public final class AioMain implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err, new RunCommand.Host(null, null, Invocation.ofThisProcess(), null, null), TerminalConsole.isTerminal());
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs the command line with the given streams and returns the exit status: what tests call. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, RunCommand.Host.NONE, false);
    }

    /**
     * The same for a golden test: {@code aio run} reads its file from, and runs it in,
     * {@code workingDirectory} (null: the process's), and {@code watcher} sees the run's context.
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path workingDirectory, Consumer<Context> watcher) {
        return run(args, in, out, err, new RunCommand.Host(workingDirectory, null, Invocation.capturedOutput(), null, watcher), false);
    }

    /**
     * The same for aio's daemon ({@code dev.aio.launcher.daemon.AioDaemon}): {@code aio run} in
     * {@code workingDirectory} with {@code environment} and the client's {@code invocation}, in a
     * context on the daemon's shared {@code engine}; {@code watcher} sees the run's context.
     */
    public static int runHosted(String[] args, InputStream in, PrintStream out, PrintStream err, Path workingDirectory, Map<String, String> environment, Invocation invocation,
                    Engine engine, Consumer<Context> watcher) {
        return run(args, in, out, err, new RunCommand.Host(workingDirectory, environment, invocation, engine, watcher), false);
    }

    /**
     * Runs the command on a thread with aio's stack ({@link InterpreterStack}): the caller's may be
     * the JVM's small default, too small for a deeply nested program or for CPython's recursion limit.
     */
    private static int run(String[] args, InputStream in, PrintStream out, PrintStream err, RunCommand.Host host, boolean terminal) {
        int[] status = new int[1];
        Throwable[] failure = new Throwable[1];
        Thread runner = new Thread(null, () -> {
            try {
                status[0] = runHere(args, in, out, err, host, terminal);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "aio-main", InterpreterStack.BYTES);
        runner.start();
        boolean interrupted = false;
        while (true) {
            try {
                runner.join();
                break;
            } catch (InterruptedException e) {
                // Passed on: the command stops as it would on the caller's thread.
                interrupted = true;
                runner.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return status[0];
    }

    private static int runHere(String[] args, InputStream in, PrintStream out, PrintStream err, RunCommand.Host host, boolean terminal) {
        CommandLine cli = new CommandLine(new AioMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        RunCommand run = RunCommand.streams(cli, in, out, err);
        run.host = host;
        TestCommand test = cli.getSubcommands().get("test").getCommand();
        test.out = out;
        test.err = err;
        test.showProgress = terminal;
        CheckCommand check = cli.getSubcommands().get("check").getCommand();
        check.out = out;
        check.err = err;
        DaemonCommand daemon = cli.getSubcommands().get("daemon").getCommand();
        daemon.out = out;
        daemon.err = err;
        ReplCommand repl = cli.getSubcommands().get("repl").getCommand();
        repl.in = in;
        repl.out = out;
        repl.err = err;
        CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, arguments) -> {
            if (e.getCommandLine() == cli && e instanceof CommandLine.UnmatchedArgumentException && arguments.length > 0 && !arguments[0].startsWith("-")) {
                // "aio script.py", as one types "python3 script.py".
                err.println("aio: '" + arguments[0] + "' is not a command; did you mean: aio run " + String.join(" ", arguments));
                err.println("(aio --help lists the commands)");
                return 2;
            }
            return standard.handleParseException(e, arguments);
        });
        // aio FILE, aio -c CODE...: CPython's shapes are aio run's.
        List<String> asRun = PythonCommandLine.asRun(Arrays.asList(args), host.workingDirectory());
        return cli.execute(asRun != null ? asRun.toArray(new String[0]) : args);
    }

    @Override
    public Integer call() {
        ReplCommand repl = spec.commandLine().getSubcommands().get("repl").getCommand();
        return repl.call();
    }
}
