package dev.aio.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aio} command: run, test, check, repl (also {@code aio} alone). Exit statuses: 0 success, 1 uncaught error, 2 usage error, 3 deadlock, 124 time limit. */
@Command(name = "aio", mixinStandardHelpOptions = true, versionProvider = Version.class, subcommands = {RunCommand.class, TestCommand.class, CheckCommand.class, ReplCommand.class},
                description = {"aio: Python-style async scripting on the JVM, on a single-threaded asyncio event loop.", "Without a command, starts the REPL (aio repl)."})
public final class AioMain implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs the command line with the given streams and returns the exit status: what tests call. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new AioMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        RunCommand.streams(cli, in, out, err);
        ((TestCommand) cli.getSubcommands().get("test").getCommand()).out = out;
        CheckCommand check = cli.getSubcommands().get("check").getCommand();
        check.out = out;
        check.err = err;
        ReplCommand repl = cli.getSubcommands().get("repl").getCommand();
        repl.in = in;
        repl.out = out;
        repl.err = err;
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        ReplCommand repl = spec.commandLine().getSubcommands().get("repl").getCommand();
        return repl.call();
    }
}
