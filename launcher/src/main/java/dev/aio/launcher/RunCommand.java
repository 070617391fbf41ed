package dev.aio.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aio run [options] FILE [ARGS...]}: runs a script as {@code __main__}. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run an aio (or Python) script.",
                exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:success", "1:uncaught exception or syntax error", "2:usage error or file not found",
                                "3:deadlock (no task can ever run again)", "124:--time-limit reached"})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--virtual-time", description = "Run on a virtual clock: sleeps take no time and the output is deterministic.")
    boolean virtualTime;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop after this much loop time (virtual or real), with exit status 124.")
    double timeLimit;

    @Option(names = "--slow-step", paramLabel = "MS", defaultValue = "100", description = "Warn when one step of a task blocks the loop longer than MS milliseconds (0: never). Default: ${DEFAULT-VALUE}.")
    double slowStep;

    @Option(names = "--dump-tasks-on", paramLabel = "SIGNAL", description = "Print every task and its await stack to stderr when aio receives SIGNAL (QUIT is Ctrl-\\ in a terminal; or USR1, USR2).")
    String dumpTasksOn = "";

    @Option(names = "--timeline", paramLabel = "FILE", description = "When the run ends, write an SVG timeline of its tasks to FILE: their steps, waits, sleeps and how each ended.")
    Path timeline;

    @Option(names = "--inspect", arity = "0..1", paramLabel = "[HOST:]PORT", preprocessor = DefaultWhenDetached.class,
                    description = "Debug in Chrome DevTools: listen on PORT (default 9229, loopback) and stop at the first line until a debugger resumes. Turns --slow-step off.")
    String inspect;

    @Option(names = "--cpusampler", arity = "0..1", paramLabel = "FORMAT", preprocessor = DefaultWhenDetached.class,
                    description = "Profile the run: sample the stack every 10 ms and print, when it ends, where time went (histogram, the default; calltree; json; flamegraph writes flamegraph.svg). Turns --slow-step off.")
    String cpuSampler;

    /**
     * An option whose value is optional: {@code --inspect=9230} gives one, a detached word is no
     * value ({@code --inspect FILE} runs FILE), so the option gets its default.
     */
    static final class DefaultWhenDetached implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandLine.Model.CommandSpec spec, CommandLine.Model.ArgSpec argSpec, java.util.Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) {
                args.push(argSpec.paramLabel().contains("PORT") ? "9229" : "histogram");
            }
            return false;
        }
    }

    @Option(names = "-c", paramLabel = "CODE", description = "Run CODE instead of a file (sys.argv[0] is '-c').")
    String code;

    @Parameters(paramLabel = "FILE ARGS", description = {"The script to run (.aio or .py; '-' reads it from standard input),", "then arguments for it (sys.argv[1:])."})
    List<String> positional = new ArrayList<>();

    /** Sees each run's context once it is built; tests use it to cancel runs that never end. */
    static volatile Consumer<Context> contextWatcher;

    private InputStream in;
    private PrintStream out;
    private PrintStream err;

    static void streams(CommandLine cli, InputStream in, PrintStream out, PrintStream err) {
        CommandLine run = cli.getSubcommands().get("run");
        run.setStopAtPositional(true);
        RunCommand command = run.getCommand();
        command.in = in;
        command.out = out;
        command.err = err;
    }

    @Override
    public Integer call() {
        List<String> argv = new ArrayList<>();
        String text;
        String name;
        if (code != null) {
            text = code;
            name = "<string>";
            argv.add("-c");
            argv.addAll(positional);
        } else if (positional.isEmpty()) {
            err.println("aio run: a FILE (or -c CODE, or - for standard input) is required; see aio run --help");
            return 2;
        } else {
            String file = positional.get(0);
            try {
                if (file.equals("-")) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    name = "<stdin>";
                    in = new java.io.ByteArrayInputStream(new byte[0]);
                } else {
                    text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                    // Like CPython, tracebacks name the main script by its absolute path.
                    name = Path.of(file).toAbsolutePath().normalize().toString();
                }
            } catch (NoSuchFileException e) {
                err.println("aio: can't open file '" + Path.of(file).toAbsolutePath() + "': [Errno 2] No such file or directory");
                return 2;
            } catch (IOException e) {
                err.println("aio: can't open file '" + file + "': " + e.getMessage());
                return 2;
            }
            argv.addAll(positional);
        }
        // Scripts run by the aio command may read and write files (open()) and import modules next to them.
        Context.Builder builder = Context.newBuilder("aio").in(in).out(out).err(err).arguments("aio", argv.toArray(new String[0])).allowCreateThread(true)
                        .allowIO(IOAccess.ALL)
                        .allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false").option("aio.Main", "true")
                        .option("aio.VirtualTime", String.valueOf(virtualTime)).option("aio.TimeLimit", String.valueOf(timeLimit))
                        // A pause in the debugger is no slow step; the sampler and instrumenting distort step times.
                        .option("aio.SlowStep", String.valueOf(inspect != null || cpuSampler != null ? 0 : slowStep)).option("aio.DumpTasksOn", dumpTasksOn);
        if (inspect != null) {
            // Truffle's Chrome inspector: it prints the DevTools URL and waits at the first line.
            builder.option("inspect", inspect);
        }
        if (cpuSampler != null) {
            builder.option("cpusampler", "true").option("cpusampler.Output", cpuSampler);
        }
        if (timeline != null) {
            builder.option("aio.Timeline", timeline.toAbsolutePath().toString());
        }
        try (Context context = builder.build()) {
            JitStatus.warnIfMissing(context.getEngine(), err);
            Consumer<Context> watcher = contextWatcher;
            if (watcher != null) {
                watcher.accept(context);
            }
            try {
                context.eval(Source.newBuilder("aio", text, name).build());
                return 0;
            } catch (PolyglotException e) {
                return report(e, context);
            }
        } catch (PolyglotException e) {
            // Closing a context that exited, or was cancelled, reports that again.
            return e.isExit() ? e.getExitStatus() : e.isCancelled() ? 130 : report(e, null);
        } catch (IOException e) {
            err.println("aio: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }

    private int report(PolyglotException e, Context context) {
        out.flush();
        if (e.isExit()) {
            return e.getExitStatus();
        }
        if (e.isSyntaxError()) {
            err.print(e.getMessage());
            return 1;
        }
        if (e.isInterrupted() || e.isCancelled() || context != null && (e.isInternalError() || e.isResourceExhausted()) && closesAsCancelled(context)) {
            err.println("aio: interrupted");
            return 130;
        }
        // The message names the aio line that was running, when there was one (see AioInternalError).
        err.println("aio: internal error — please report: " + e.getMessage());
        return 70;
    }

    /** A cancel (by an embedder) can surface as another error, a stack overflow while it unwound deep recursion: closing tells. */
    private static boolean closesAsCancelled(Context context) {
        try {
            context.close();
            return false;
        } catch (PolyglotException e) {
            return e.isCancelled();
        }
    }
}
