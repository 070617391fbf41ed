package dev.aio.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CPython's command-line shapes at aio's top level, as {@code aio run} arguments: {@code aio
 * [-u] FILE ARGS}, {@code aio [-u] -c CODE ARGS}, {@code aio [-u] -m MODULE ARGS} and {@code aio
 * [-u] - ARGS}, so that a program starting {@code sys.executable} as it would start CPython runs
 * aio. A word is a FILE when it cannot be a command: it is none of aio's command names and has a
 * {@code /}, ends in {@code .py} or {@code .aio}, or names an existing file ({@code aio test}
 * stays the command even where a file {@code test} exists; {@code aio ./test} runs that file).
 *
 * <p>Plain JDK code: the daemon's client ({@code DaemonClient}) uses it too.
 */
public final class PythonCommandLine {
    /** aio's commands (AioMain's subcommands): never taken for a file. */
    static final Set<String> COMMANDS = Set.of("run", "test", "check", "repl", "daemon");

    private PythonCommandLine() {
    }

    /**
     * The {@code aio run} arguments that {@code args} means in CPython's shape, or null when they
     * are not in that shape (an aio command, an aio option, a word that is no file).
     * {@code workingDirectory} is where a relative FILE is looked for.
     */
    public static List<String> asRun(List<String> args, Path workingDirectory) {
        List<String> run = new ArrayList<>();
        run.add("run");
        int i = 0;
        while (i < args.size() && args.get(i).equals("-u")) {
            run.add("-u");
            i++;
        }
        if (i == args.size()) {
            return null;
        }
        String first = args.get(i);
        if (first.equals("-c") || first.equals("-m")) {
            if (i + 1 == args.size()) {
                // aio run says what is missing.
                run.add(first);
                return run;
            }
            run.add(first);
            run.add(args.get(i + 1));
            // What follows is the program's (python -c CODE -x gives the program -x), never aio's options.
            run.add("--");
            i += 2;
        } else if (first.equals("-") || i > 0 && !first.startsWith("-") || isFile(first, workingDirectory)) {
            run.add("--");
            run.add(first);
            i++;
        } else {
            return null;
        }
        run.addAll(args.subList(i, args.size()));
        return run;
    }

    private static boolean isFile(String word, Path workingDirectory) {
        if (word.startsWith("-") || COMMANDS.contains(word)) {
            return false;
        }
        if (word.contains("/") || word.endsWith(".py") || word.endsWith(".aio")) {
            return true;
        }
        try {
            return Files.isRegularFile(workingDirectory == null ? Path.of(word) : workingDirectory.resolve(word));
        } catch (RuntimeException e) {
            // Not a path this file system can have.
            return false;
        }
    }
}
