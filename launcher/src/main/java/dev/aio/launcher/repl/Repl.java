package dev.aio.launcher.repl;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/**
 * The read-eval-print loop of {@code aio repl}, after CPython's {@code python -m asyncio}: lines are
 * read until they make a complete input, which is evaluated as an interactive source named
 * {@code <stdin>} (aio runs it in the session's {@code __main__} on the session's event loop, see
 * the interpreter's ReplSession). Errors are reported and the loop goes on; Ctrl-D ends it.
 */
public final class Repl {
    private final Console console;
    private final Context context;

    private Repl(Console console, Context context) {
        this.console = console;
        this.context = context;
    }

    /** Runs a session on standard input (with line editing when it is a terminal) and returns the exit status. */
    public static int run(InputStream in, PrintStream out, PrintStream err, String version) {
        boolean terminal = in == System.in && TerminalConsole.isTerminal();
        try (Console console = terminal ? new TerminalConsole(historyFile(), Thread.currentThread()) : new StreamConsole(in, out, err)) {
            Context context = Context.newBuilder("aio").in(in).out(console.out()).err(console.err()).arguments("aio", new String[]{""}).allowCreateThread(true).allowCreateProcess(true)
                            .allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false").option("aio.SlowStep", "0").option("aio.Stdin", "true").build();
            try {
                return new Repl(console, context).loop(version);
            } finally {
                close(context);
            }
        }
    }

    /** {@code $AIO_HISTORY}, else {@code ~/.aio_history}. */
    private static Path historyFile() {
        String file = System.getenv("AIO_HISTORY");
        return file != null && !file.isEmpty() ? Path.of(file) : Path.of(System.getProperty("user.home"), ".aio_history");
    }

    private int loop(String version) {
        PrintStream err = console.err();
        err.println("aio REPL " + version + " (Truffle " + context.getEngine().getImplementationName() + ") [" + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version") + "] on " + System.getProperty("os.name").toLowerCase());
        err.println("Use \"await\" directly instead of \"asyncio.run()\".");
        err.println("Ctrl-C cancels what is running, Ctrl-D exits.");
        err.println(">>> import asyncio");
        // Starts the session (its event loop thread, __main__ with asyncio imported) before the first prompt.
        Integer status = eval("");
        List<String> lines = new ArrayList<>();
        while (status == null) {
            String line;
            try {
                line = console.readLine(lines.isEmpty() ? ">>> " : "... ");
            } catch (Console.PromptInterrupted e) {
                // Ctrl-C, or the session ended by itself (a task called sys.exit): an empty input tells which.
                status = eval("");
                if (status == null) {
                    err.print("KeyboardInterrupt\n");
                    lines.clear();
                }
                continue;
            }
            if (line == null) {
                err.print("exiting aio REPL...\n");
                return 0;
            }
            lines.add(line);
            if (!InputCompleteness.needsMore(lines)) {
                String text = String.join("\n", lines) + "\n";
                lines.clear();
                if (!text.isBlank()) {
                    status = eval(text);
                }
            }
        }
        return status;
    }

    /** Evaluates one input; returns the exit status if it ended the session. */
    private Integer eval(String text) {
        try {
            context.eval(Source.newBuilder("aio", text, "<stdin>").interactive(true).cached(false).buildLiteral());
            return null;
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            }
            console.out().flush();
            if (e.isSyntaxError()) {
                console.err().print(e.getMessage());
            } else {
                console.err().println("aio: internal error — please report: " + e.getMessage());
            }
            return null;
        }
    }

    private static void close(Context context) {
        try {
            context.close();
        } catch (PolyglotException e) {
            // Closing a context that exited reports the exit again.
            if (!e.isExit()) {
                throw e;
            }
        }
    }
}
