package dev.aio.launcher.repl;

import java.io.PrintStream;

/** Where the REPL reads lines and writes its output: a terminal with line editing, or plain streams. */
interface Console extends AutoCloseable {
    /** Thrown by {@link #readLine} for Ctrl-C at the prompt. */
    final class PromptInterrupted extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The next line, without its line end; null at the end of the input (Ctrl-D). At the end of
     * the input and on Ctrl-C the prompt's line is ended, so what is printed next starts a line.
     */
    String readLine(String prompt) throws PromptInterrupted;

    /** Where aio's standard output goes. */
    PrintStream out();

    /** Where aio's standard error, and the REPL's own messages, go. */
    PrintStream err();

    @Override
    void close();
}
