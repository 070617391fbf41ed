package dev.aio.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import dev.aio.launcher.repl.Repl;
import picocli.CommandLine.Command;

/** {@code aio repl}, and {@code aio} alone: an interactive session with top-level {@code await}. */
@Command(name = "repl", mixinStandardHelpOptions = true, description = {"Start an interactive session where \"await\" works at the prompt (like python -m asyncio).",
                "Tasks created at the prompt keep running between inputs. Ctrl-C cancels what is running, Ctrl-D exits.",
                "History is kept in $AIO_HISTORY, else ~/.aio_history. What aio with no arguments does."})
public final class ReplCommand implements Callable<Integer> {
    InputStream in;
    PrintStream out;
    PrintStream err;

    @Override
    public Integer call() {
        return Repl.run(in, out, err, Version.aioVersion());
    }
}
