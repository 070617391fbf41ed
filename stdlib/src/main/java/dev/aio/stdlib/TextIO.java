package dev.aio.stdlib;

import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinSubclassInstance;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * A text stream: {@code sys.stdout}, {@code sys.stderr}, {@code sys.stdin}, or a file from
 * {@code open()} ({@link TextFile}). Iterating one gives its lines.
 */
public abstract class TextIO extends PyIterator implements BuiltinSubclassInstance {
    static final PyType TYPE = new PyType("TextIOWrapper", "_io").withModuleInMessages();
    /** {@code io.UnsupportedOperation}: reading a file opened for writing, and the like. */
    static final PyType UNSUPPORTED_OPERATION = new PyType("UnsupportedOperation", "io", BuiltinTypes.OS_ERROR, BuiltinTypes.VALUE_ERROR);

    /** Attributes a program sets on the stream (tempfile names its files this way), as CPython's file objects have a __dict__. */
    private final PyDict attributes = new PyDict();

    /** The path it was opened by, or the descriptor it was opened over. */
    abstract Object name();

    /** The name as the program sees it: one it assigned, else {@link #name()}. */
    Object shownName() {
        Object assigned = attributes.get("name");
        return assigned != null ? assigned : name();
    }

    @Override
    public PyDict instanceDict() {
        return attributes;
    }

    /** The mode {@code open} was given, or {@code null} for a stream that has none ({@code io.TextIOWrapper(buffer)}). */
    abstract String mode();

    /** The mode as the program sees it: one it assigned (as CPython's {@code open} and {@code socket.makefile} set it on a wrapper), else {@link #mode()}. */
    Object shownMode() {
        Object assigned = attributes.get("mode");
        return assigned != null ? assigned : mode();
    }

    abstract String encoding();

    /** {@code isatty()}: whether the stream is a terminal; only standard output can be one to aio. */
    boolean isatty() {
        return false;
    }

    /** {@code line_buffering}: as given to {@code io.TextIOWrapper}, else false. */
    boolean lineBuffering() {
        return false;
    }

    /** The error handler of its codec ({@code errors}): {@code 'strict'} unless it was made with another. */
    abstract String errors();

    abstract boolean isClosed();

    boolean readable() {
        return false;
    }

    boolean writable() {
        return false;
    }

    boolean seekable() {
        return false;
    }

    /** Up to {@code size} characters ({@code size < 0}: all that is left). */
    String read(long size) {
        throw unsupported("not readable");
    }

    /** The next line with its newline, up to {@code size} characters; empty at the end. */
    String readLine(long size) {
        throw unsupported("not readable");
    }

    /** Writes the text; returns how many characters. */
    long write(String text) {
        throw unsupported("not writable");
    }

    void flush() {
    }

    void close() {
    }

    long tell() {
        throw unsupported("underlying stream is not seekable");
    }

    long seek(long offset, long whence) {
        throw unsupported("underlying stream is not seekable");
    }

    /** {@code fileno()}: the descriptor under the stream. */
    long fileno() {
        throw unsupported("fileno");
    }

    /** The binary stream under the text ({@code buffer}). */
    abstract Object buffer();

    /** {@code detach()}: the binary stream under the text, which this wrapper no longer uses. */
    Object detach() {
        throw unsupported("detach");
    }

    void checkOpen() {
        if (isClosed()) {
            throw PyErrors.valueError("I/O operation on closed file.");
        }
    }

    static AioException unsupported(String message) {
        return PyErrors.raise(UNSUPPORTED_OPERATION, message);
    }

    /** Iteration: line by line. */
    @Override
    public Object next() {
        checkOpen();
        String line = readLine(-1);
        return line.isEmpty() ? null : line;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        Object shownName = shownName();
        Object mode = shownMode();
        return "<_io.TextIOWrapper" + (shownName == null ? "" : " name=" + PyOps.repr(shownName)) + (mode == null ? "" : " mode=" + PyOps.repr(mode)) + " encoding="
                        + PyOps.repr(encoding()) + ">";
    }
}
