package dev.aio.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

import dev.aio.nodes.RunModuleRootNode;
import dev.aio.parser.AioSyntaxError;
import dev.aio.parser.SourceDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code aio run [options] FILE [ARGS...]}: runs a script as {@code __main__}. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run an aio (or Python) script.",
                exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:success", "1:uncaught exception or syntax error", "2:usage error or file not found",
                                "3:deadlock (no task can ever run again)", "124:--time-limit reached"})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--virtual-time", description = "Run on a virtual clock: sleeps take no time and the output is deterministic.")
    boolean virtualTime;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop after this much loop time (virtual or real), with exit status 124.")
    Double timeLimit;

    @Option(names = "--slow-step", paramLabel = "MS", defaultValue = "100", description = "Warn when one step of a task blocks the loop longer than MS milliseconds (0: never). Default: ${DEFAULT-VALUE}.")
    double slowStep;

    @Option(names = "--dump-tasks-on", paramLabel = "SIGNAL", description = "Print every task and its await stack to stderr when aio receives SIGNAL (USR1: kill -USR1 PID; the JVM keeps QUIT and USR2).")
    String dumpTasksOn = "";

    @Option(names = "--timeline", paramLabel = "FILE", description = "When the run ends, write an SVG timeline of its tasks to FILE: their steps, waits, sleeps and how each ended.")
    Path timeline;

    @Option(names = "--inspect", arity = "0..1", paramLabel = "[HOST:]PORT", preprocessor = DefaultWhenDetached.class,
                    description = "Debug in Chrome DevTools: listen on PORT (default 9229, loopback) and stop at the first line until a debugger resumes. Turns --slow-step off.")
    String inspect;

    @Option(names = "--cpusampler", arity = "0..1", paramLabel = "FORMAT", preprocessor = DefaultWhenDetached.class,
                    description = "Profile the run: sample the stack every 10 ms and print, when it ends, where time went (histogram, the default; calltree; json; flamegraph writes flamegraph.svg). Turns --slow-step off.")
    String cpuSampler;

    /** The sampler's own options, named as its warnings name them ("Use --cpusampler.Period=..."). */
    @Option(names = "--cpusampler.Period", paramLabel = "MS", description = "With --cpusampler: sample every MS milliseconds (default 10).")
    Long cpuSamplerPeriod;

    @Option(names = "--cpusampler.StackLimit", paramLabel = "N", description = "With --cpusampler: sample at most N frames of each stack (default 10000).")
    Integer cpuSamplerStackLimit;

    private static final String FLAMEGRAPH_FILE = "flamegraph.svg";
    private static final List<String> CPU_SAMPLER_FORMATS = List.of("histogram", "calltree", "json", "flamegraph");

    /**
     * An option whose value is optional: {@code --inspect=9230} gives one, a detached word is no
     * value ({@code --inspect FILE} runs FILE), so the option gets its default.
     */
    static final class DefaultWhenDetached implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandLine.Model.CommandSpec spec, CommandLine.Model.ArgSpec argSpec, Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) {
                args.push(argSpec.paramLabel().contains("PORT") ? "9229" : "histogram");
            }
            return false;
        }
    }

    @Option(names = "-c", paramLabel = "CODE", description = "Run CODE instead of a file (sys.argv[0] is '-c').")
    String code;

    @Option(names = "-u", description = "Unbuffered: sys.stdout and sys.stderr write through at once (python -u; so does PYTHONUNBUFFERED set and not empty).")
    boolean unbuffered;

    @Option(names = "-m", paramLabel = "MODULE", description = "Run MODULE, found along sys.path (the working directory first) or in the library, as __main__ (python -m); a package runs its __main__.")
    String module;

    @Parameters(paramLabel = "FILE ARGS", description = {"The script to run (.aio or .py; '-' reads it from standard input),", "then arguments for it (sys.argv[1:])."})
    List<String> positional = new ArrayList<>();

    /** Sees each run's context once it is built; tests use it to cancel runs that never end. */
    static volatile Consumer<Context> contextWatcher;

    @Option(names = "--no-daemon", description = "Run in a JVM of its own, not in aio's daemon (as AIO_DAEMON=off does).")
    boolean noDaemon;

    /**
     * Where a run happens when not simply in this process: a golden test's (its folder, a watcher
     * that stops it at the test's time limit) or aio's daemon's (the client's folder and
     * environment, the daemon's shared engine). Null fields: the process's own.
     */
    record Host(Path workingDirectory, Map<String, String> environment, Invocation invocation, Engine engine, Consumer<Context> watcher) {
        static final Host NONE = new Host(null, null, Invocation.NONE, null, null);
    }

    Host host = Host.NONE;
    /** The folder the file is read from and the program runs in (null: the process's working directory). */
    private Path workingDirectory;

    private InputStream in;
    private PrintStream out;
    private PrintStream err;

    static RunCommand streams(CommandLine cli, InputStream in, PrintStream out, PrintStream err) {
        CommandLine run = cli.getSubcommands().get("run");
        run.setStopAtPositional(true);
        RunCommand command = run.getCommand();
        command.in = in;
        command.out = out;
        command.err = err;
        return command;
    }

    /** What is wrong with the options, for a usage error, or null. */
    private String optionError() {
        if (timeLimit != null && !(timeLimit > 0 && Double.isFinite(timeLimit))) {
            return "--time-limit must be a number of seconds greater than 0, got " + GoldenTests.seconds(timeLimit);
        }
        if (!(slowStep >= 0 && Double.isFinite(slowStep))) {
            return "--slow-step must be a number of milliseconds, 0 or more, got " + GoldenTests.seconds(slowStep);
        }
        String signal = dumpTasksOn.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
        if (signal.equals("QUIT") || signal.equals("USR2")) {
            return "--dump-tasks-on " + dumpTasksOn + ": the JVM keeps SIG" + signal + " for itself; use USR1";
        }
        if (cpuSampler != null && !CPU_SAMPLER_FORMATS.contains(cpuSampler)) {
            return "--cpusampler: unknown FORMAT '" + cpuSampler + "' (one of: " + String.join(", ", CPU_SAMPLER_FORMATS) + ")";
        }
        if (cpuSamplerPeriod != null && cpuSamplerPeriod <= 0 || cpuSamplerStackLimit != null && cpuSamplerStackLimit <= 0) {
            return "--cpusampler.Period and --cpusampler.StackLimit must be greater than 0";
        }
        if ((cpuSamplerPeriod != null || cpuSamplerStackLimit != null) && cpuSampler == null) {
            return "--cpusampler.Period and --cpusampler.StackLimit go with --cpusampler";
        }
        return null;
    }

    @Override
    public Integer call() {
        workingDirectory = host.workingDirectory();
        String optionError = optionError();
        if (optionError != null) {
            err.println("aio run: " + optionError);
            return 2;
        }
        List<String> argv = new ArrayList<>();
        String text;
        String name;
        if (code != null) {
            text = code;
            name = "<string>";
            argv.add("-c");
            argv.addAll(positional);
        } else if (module != null) {
            // sys.argv[0] becomes the module's file once it is found (see RunModuleRootNode).
            text = module;
            name = RunModuleRootNode.SOURCE_NAME;
            argv.add("-m");
            argv.addAll(positional);
        } else if (positional.isEmpty()) {
            err.println("aio run: a FILE (or -c CODE, -m MODULE, or - for standard input) is required; see aio run --help");
            return 2;
        } else {
            String file = positional.get(0);
            Path path = workingDirectory == null ? Path.of(file) : workingDirectory.resolve(file);
            try {
                if (file.equals("-")) {
                    name = "<stdin>";
                    text = SourceDecoder.decode(in.readAllBytes(), name);
                    in = new ByteArrayInputStream(new byte[0]);
                } else {
                    // Like CPython, tracebacks name the main script by its absolute path.
                    name = path.toAbsolutePath().normalize().toString();
                    text = SourceDecoder.decode(Files.readAllBytes(path), name);
                }
            } catch (NoSuchFileException e) {
                err.println("aio: can't open file '" + path.toAbsolutePath() + "': [Errno 2] No such file or directory");
                return 2;
            } catch (IOException e) {
                err.println("aio: can't open file '" + file + "': " + e.getMessage());
                return 2;
            } catch (AioSyntaxError e) {
                err.print(e.format());
                return 1;
            }
            argv.addAll(positional);
        }
        // Scripts run by the aio command may read and write files (open()) and import modules next to them.
        Context.Builder builder = Context.newBuilder("aio").in(in).out(out).err(err).arguments("aio", argv.toArray(new String[0])).allowCreateThread(true).allowCreateProcess(true)
                        .allowIO(IOAccess.ALL)
                        .allowExperimentalOptions(true).option("aio.Main", "true")
                        .option("aio.VirtualTime", String.valueOf(virtualTime)).option("aio.TimeLimit", String.valueOf(timeLimit == null ? 0 : timeLimit))
                        // A pause in the debugger is no slow step; the sampler and instrumenting distort step times.
                        .option("aio.SlowStep", String.valueOf(inspect != null || cpuSampler != null ? 0 : slowStep)).option("aio.DumpTasksOn", dumpTasksOn)
                        .option("aio.Executable", host.invocation().executable()).option("aio.StdoutTerminal", String.valueOf(host.invocation().stdoutTerminal()))
                        .option("aio.Unbuffered", String.valueOf(unbuffered));
        if (host.engine() != null) {
            // aio's daemon: its engine is shared by runs, so engine options are its own.
            builder.engine(host.engine()).option("aio.Hosted", "true");
        } else {
            builder.option("engine.WarnInterpreterOnly", "false");
        }
        // os.environ, and what child processes get: the command's environment (the daemon's client's).
        builder.environment(host.environment() != null ? host.environment() : System.getenv());
        if (workingDirectory != null) {
            builder.currentWorkingDirectory(workingDirectory.toAbsolutePath().normalize());
        }
        if (inspect != null) {
            // Truffle's Chrome inspector: it prints the DevTools URL and waits at the first line.
            builder.option("inspect", inspect);
        }
        if (cpuSampler != null) {
            builder.option("cpusampler", "true").option("cpusampler.Output", cpuSampler);
            if (cpuSampler.equals("flamegraph")) {
                // An SVG is no text for the program's standard output.
                builder.option("cpusampler.OutputFile", resolve(Path.of(FLAMEGRAPH_FILE)).toString());
            }
            if (cpuSamplerPeriod != null) {
                builder.option("cpusampler.Period", cpuSamplerPeriod.toString());
            }
            if (cpuSamplerStackLimit != null) {
                builder.option("cpusampler.StackLimit", cpuSamplerStackLimit.toString());
            }
        }
        Path timelineFile = null;
        if (timeline != null) {
            // Found out now, not after the whole run: a picture that cannot be written.
            timelineFile = resolve(timeline);
            String problem = FileProblems.cannotWrite(timelineFile);
            if (problem != null) {
                err.println("aio run: cannot write the timeline to " + timeline + ": " + problem);
                return 2;
            }
            builder.option("aio.Timeline", timelineFile.toString());
        }
        int status = run(builder, text, name);
        if (timelineFile != null && status == 0 && !written(timelineFile)) {
            // aio said why when the run ended.
            return 1;
        }
        return status;
    }

    /** A relative path as the program sees it: against its working directory. */
    private Path resolve(Path p) {
        return (workingDirectory == null ? p : workingDirectory.resolve(p)).toAbsolutePath().normalize();
    }

    private static boolean written(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private int run(Context.Builder builder, String text, String name) {
        Context built;
        try {
            built = builder.build();
        } catch (IllegalArgumentException e) {
            // An option the engine rejects: a -Dpolyglot.* property (AIO_JAVA_OPTS) it does not know, or a bad value.
            err.println("aio: invalid option: " + e.getMessage());
            return 2;
        }
        try (Context context = built) {
            JitStatus.warnIfMissing(context.getEngine(), err);
            Consumer<Context> testWatcher = contextWatcher;
            if (testWatcher != null) {
                testWatcher.accept(context);
            }
            if (host.watcher() != null) {
                host.watcher().accept(context);
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
