package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.runtime.PyErrors;

/** {@code sys.stdout} / {@code sys.stderr} (text written to the context's streams) and {@code sys.stdin}. */
public final class TextStream extends TextIO {
    private final String name;
    private final boolean isError;
    private final boolean isInput;

    TextStream(String name, boolean isError) {
        this(name, isError, false);
    }

    private TextStream(String name, boolean isError, boolean isInput) {
        this.name = name;
        this.isError = isError;
        this.isInput = isInput;
    }

    /** {@code sys.stdout.buffer} and the others, made when first asked for. */
    private BinaryFile buffer;

    static TextStream stdin() {
        return new TextStream("stdin", false, true);
    }

    /** The context's stream; writing to standard error leaves what standard output holds in its buffer, as in CPython. */
    PrintStream stream(AioContext context) {
        return isError ? context.err() : context.out();
    }

    /** Whether this is {@code sys.__stdout__}, the process's standard output. */
    boolean isStandardOutput() {
        return !isError && !isInput;
    }

    void write(AioContext context, String text) {
        stream(context).print(text);
    }

    @Override
    long fileno() {
        return isInput ? 0 : isError ? 2 : 1;
    }

    /** The standard stream's binary side: bytes written to it come out in order with the text written here. */
    @Override
    Object buffer() {
        if (buffer == null) {
            buffer = BinaryFile.standard((int) fileno());
        }
        return buffer;
    }

    @Override
    String name() {
        return "<" + name + ">";
    }

    @Override
    String mode() {
        return isInput ? "r" : "w";
    }

    @Override
    @TruffleBoundary
    boolean isatty() {
        return isStandardOutput() && AioContext.get(null).stdoutIsTerminal();
    }

    /** As CPython's: standard output on a terminal, and standard error unless -u. */
    @Override
    @TruffleBoundary
    boolean lineBuffering() {
        AioContext context = AioContext.get(null);
        return isStandardOutput() ? context.stdoutLineBuffered() : isError && context.stdioBuffered();
    }

    @Override
    String encoding() {
        return "utf-8";
    }

    /** As CPython's under a UTF-8 locale: standard error escapes what it cannot encode. */
    @Override
    String errors() {
        return isError ? "backslashreplace" : "strict";
    }

    @Override
    boolean isClosed() {
        return false;
    }

    @Override
    boolean readable() {
        return isInput;
    }

    @Override
    boolean writable() {
        return !isInput;
    }

    @Override
    @TruffleBoundary
    long write(String text) {
        if (isInput) {
            return super.write(text);
        }
        write(AioContext.get(null), text);
        return text.codePointCount(0, text.length());
    }

    @Override
    @TruffleBoundary
    void flush() {
        if (!isInput) {
            stream(AioContext.get(null)).flush();
        }
    }

    /** Reads byte by byte, as {@code input()} does, so that the two can be mixed. */
    @Override
    @TruffleBoundary
    String readLine(long size) {
        if (!isInput) {
            return super.readLine(size);
        }
        AioContext context = AioContext.get(null);
        context.out().flush();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            InputStream in = context.stdin();
            int c;
            while ((size < 0 || line.size() < size) && (c = in.read()) != -1) {
                line.write(c);
                if (c == '\n') {
                    break;
                }
            }
        } catch (IOException e) {
            throw PyErrors.osError(5, "Input/output error", null);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    @TruffleBoundary
    String read(long size) {
        if (!isInput) {
            return super.read(size);
        }
        StringBuilder sb = new StringBuilder();
        while (size < 0 || sb.length() < size) {
            String line = readLine(size < 0 ? -1 : size - sb.length());
            if (line.isEmpty()) {
                break;
            }
            sb.append(line);
        }
        return sb.toString();
    }

    @Override
    public String repr() {
        return "<_io.TextIOWrapper name='" + name() + "' mode='" + mode() + "' encoding='utf-8'>";
    }
}
