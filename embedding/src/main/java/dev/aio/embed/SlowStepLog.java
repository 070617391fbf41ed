package dev.aio.embed;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * The log handler of an {@link Aio} that reports slow steps: aio's {@code aio.slowstep} warnings
 * go to the embedder's sink; the other log records of the context (Truffle's own) to the error
 * stream, as Truffle's default handler writes them.
 */
final class SlowStepLog extends Handler {
    private static final String SLOW_STEP_LOGGER = "aio.slowstep";

    private final Consumer<String> sink;
    private final PrintStream others;

    SlowStepLog(Consumer<String> sink, OutputStream err) {
        this.sink = sink;
        this.others = new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    @Override
    public void publish(LogRecord record) {
        if (SLOW_STEP_LOGGER.equals(record.getLoggerName())) {
            sink.accept(record.getMessage());
        } else {
            others.println("[" + record.getLoggerName() + "] " + record.getLevel() + ": " + record.getMessage());
        }
    }

    @Override
    public void flush() {
        others.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
