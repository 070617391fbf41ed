package dev.aio.launcher.repl;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A terminal, through JLine: line editing, history in a file, Tab indents. Ctrl-C at the prompt
 * is JLine's; while an input runs it interrupts the thread that evaluates it.
 */
public final class TerminalConsole implements Console {
    private final Terminal terminal;
    private final LineReader reader;
    private final PrintStream out;
    private final PrintStream err;

    TerminalConsole(Path historyFile, Thread evaluator) {
        try {
            terminal = TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = LineReaderBuilder.builder().terminal(terminal).variable(LineReader.HISTORY_FILE, historyFile).variable(LineReader.BLINK_MATCHING_PAREN, 0)
                        // Python code is full of '!' (!=) and pasted lines should run one by one, as in CPython's REPL.
                        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).option(LineReader.Option.BRACKETED_PASTE, false)
                        .option(LineReader.Option.INSERT_TAB, true).option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                        // Indented lines are the bodies of blocks: without them a function cannot be recalled.
                        .option(LineReader.Option.HISTORY_IGNORE_SPACE, false).option(LineReader.Option.HISTORY_REDUCE_BLANKS, false).build();
        terminal.handle(Terminal.Signal.INT, signal -> evaluator.interrupt());
        out = new PrintStream(new AbovePromptOutput(reader, terminal.output()), true, StandardCharsets.UTF_8);
        err = out;
    }

    /** Whether standard input and output are a terminal (JDK 22+ says so with Console.isTerminal()). */
    public static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public String readLine(String prompt) throws PromptInterrupted {
        // A Ctrl-C that came just as the last input ended is not for this line.
        Thread.interrupted();
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new PromptInterrupted();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public void close() {
        out.flush();
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
