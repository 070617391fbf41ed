package dev.aio.launcher;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import dev.aio.launcher.daemon.DaemonControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aio daemon status|stop}: the user's warm JVMs of {@code aio run} (docs/running.md). */
@Command(name = "daemon", mixinStandardHelpOptions = true, description = {"Show or stop aio's daemons, the warm JVMs of \"aio run\".",
                "There is one per build of aio and set of JVM options. status: each daemon's pid, runtime, age, runs and idle time.",
                "stop: each daemon takes no new run and exits when its runs in progress end; the next \"aio run\" starts a new one."})
public final class DaemonCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ACTION", arity = "1", description = "status or stop")
    String action;

    PrintStream out;
    PrintStream err;

    @Override
    public Integer call() {
        return DaemonControl.run(action, out, err);
    }
}
