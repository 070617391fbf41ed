package dev.aio;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

import com.oracle.truffle.api.Option;

/** The options of the aio language ({@code --aio.VirtualTime} and so on); the launcher maps its flags onto them. */
@Option.Group(AioLanguage.ID)
public final class AioOptions {
    private AioOptions() {
    }

    @Option(name = "VirtualTime", help = "Run on a virtual clock: sleeps take no time and runs are deterministic.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> VIRTUAL_TIME = new OptionKey<>(false);

    @Option(name = "TimeLimit", help = "Stop the run after this many (virtual or real) seconds of loop time, with exit status 124; 0 for no limit.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Double> TIME_LIMIT = new OptionKey<>(0.0);

    // Off unless asked for: aio run asks (--slow-step, 100 ms by default); an embedder chooses where the warnings go.
    @Option(name = "SlowStep", help = "Warn when one step of a task blocks the loop longer than this many milliseconds; 0 (the default) disables.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Double> SLOW_STEP = new OptionKey<>(0.0);

    @Option(name = "DumpTasksOn", help = "Print every task and its await stack when the process receives this signal (QUIT, USR1, USR2...); empty: never.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<String> DUMP_TASKS_ON = new OptionKey<>("");

    @Option(name = "Timeline", help = "Write an SVG timeline of the run's tasks (steps, waits, sleeps, how each ended) to this file when the run ends; empty for none.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<String> TIMELINE = new OptionKey<>("");

    @Option(name = "MaxHeapMemory", help = "Raise MemoryError in the running script once the JVM's heap holds more than this many bytes after a full collection; 0 for no limit.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Long> MAX_HEAP_MEMORY = new OptionKey<>(0L);

    @Option(name = "MaxTasks", help = "Raise RuntimeError when a task would be created while this many are pending; 0 for no limit.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Long> MAX_TASKS = new OptionKey<>(0L);

    @Option(name = "MaxQueueSize", help = "Raise RuntimeError when an item would be put into an asyncio queue that holds this many; 0 for no limit.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Long> MAX_QUEUE_SIZE = new OptionKey<>(0L);

    @Option(name = "CheckNames", help = "Compiling also reports every name read that nothing binds (aio check).", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> CHECK_NAMES = new OptionKey<>(false);

    @Option(name = "Stdin", help = "Let scripts read the standard input (input(), sys.stdin); contexts with I/O access and the aio command always may.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> STDIN = new OptionKey<>(false);

    @Option(name = "Executable", help = "The sys.executable of the program: the absolute path of the command that starts aio (the aio command sets it); empty for none.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<String> EXECUTABLE = new OptionKey<>("");

    // CPython's sys.stdout: line-buffered on a terminal, block-buffered elsewhere, unbuffered with -u.
    // Only the main program buffers (aio.Main): an embedder's stream gets each write at once.
    @Option(name = "StdoutTerminal", help = "The main program's standard output is a terminal: sys.stdout is line-buffered and isatty() is true (else block-buffered).", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> STDOUT_TERMINAL = new OptionKey<>(false);

    @Option(name = "Unbuffered", help = "Let sys.stdout and sys.stderr write through at once, as python -u (and PYTHONUNBUFFERED) make them.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> UNBUFFERED = new OptionKey<>(false);

    @Option(name = "Main", help = "Run as the main program: print uncaught exceptions as Python tracebacks and exit with status 1.", category = OptionCategory.INTERNAL) //
    public static final OptionKey<Boolean> MAIN = new OptionKey<>(false);

    @Option(name = "Hosted", help = "The main program shares its JVM with other runs (aio's daemon): a signal it would send to the process ends this run instead, as it would end the process.", category = OptionCategory.INTERNAL) //
    public static final OptionKey<Boolean> HOSTED = new OptionKey<>(false);
}
