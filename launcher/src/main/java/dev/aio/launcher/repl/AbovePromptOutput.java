package dev.aio.launcher.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.jline.reader.LineReader;

/**
 * aio's output on the terminal. While the user edits a line, what a background task prints goes
 * above the prompt (JLine redraws the prompt and the line being typed below it), a line at a time;
 * otherwise it is written as it comes.
 */
final class AbovePromptOutput extends OutputStream {
    private final LineReader reader;
    private final OutputStream terminal;
    /** The unfinished line printed while the user edits one. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    AbovePromptOutput(LineReader reader, OutputStream terminal) {
        this.reader = reader;
        this.terminal = terminal;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (!reader.isReading()) {
            writePending();
            terminal.write(b, off, len);
            return;
        }
        pending.write(b, off, len);
        byte[] bytes = pending.toByteArray();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end > 0) {
            reader.printAbove(new String(bytes, 0, end, StandardCharsets.UTF_8));
            pending.reset();
            pending.write(bytes, end, bytes.length - end);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!reader.isReading()) {
            writePending();
        }
        terminal.flush();
    }

    private void writePending() throws IOException {
        if (pending.size() > 0) {
            pending.writeTo(terminal);
            pending.reset();
        }
    }
}
