package dev.aio.stdlib;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SpecialMethods;

/**
 * An instance of a class derived from {@code io.TextIOWrapper} in aio code: made empty, then given
 * its stream by {@code TextIOWrapper.__init__} (as CPython's {@code tp_new} and {@code tp_init});
 * until then every operation is CPython's "I/O operation on uninitialized object".
 */
final class DerivedTextIOWrapper extends TextIO {
    private final PyType type;
    /** The wrapper {@code __init__} made over the program's buffer; null before. */
    private TextFile wrapper;

    DerivedTextIOWrapper(PyType type) {
        this.type = type;
    }

    /** {@code TextIOWrapper.__init__}: wraps the buffer (again, when called once more, as CPython's does). */
    void initialize(TextFile made) {
        wrapper = made;
    }

    private TextFile wrapper() {
        if (wrapper == null) {
            throw PyErrors.valueError("I/O operation on uninitialized object");
        }
        return wrapper;
    }

    @Override
    public PyType getPyType() {
        return type;
    }

    @Override
    Object name() {
        return wrapper().name();
    }

    @Override
    String mode() {
        return wrapper().mode();
    }

    /** Before {@code __init__}, None (CPython's is a plain member, not a check of the stream). */
    @Override
    String encoding() {
        return wrapper == null ? null : wrapper.encoding();
    }

    @Override
    String errors() {
        return wrapper().errors();
    }

    @Override
    boolean lineBuffering() {
        return wrapper().lineBuffering();
    }

    @Override
    boolean isClosed() {
        return wrapper().isClosed();
    }

    @Override
    boolean readable() {
        return wrapper().readable();
    }

    @Override
    boolean writable() {
        return wrapper().writable();
    }

    @Override
    boolean seekable() {
        return wrapper().seekable();
    }

    @Override
    String read(long size) {
        return wrapper().read(size);
    }

    @Override
    String readLine(long size) {
        return wrapper().readLine(size);
    }

    @Override
    long write(String text) {
        return wrapper().write(text);
    }

    @Override
    void flush() {
        wrapper().flush();
    }

    @Override
    void close() {
        wrapper().close();
    }

    @Override
    long tell() {
        return wrapper().tell();
    }

    @Override
    long seek(long offset, long whence) {
        return wrapper().seek(offset, whence);
    }

    @Override
    long fileno() {
        return wrapper().fileno();
    }

    @Override
    Object buffer() {
        return wrapper().buffer();
    }

    /** Iteration and {@code readlines} read lines with the class's own {@code readline}, as CPython's do for a subclass. */
    @Override
    public Object next() {
        checkOpen();
        Object line = SpecialMethods.call(this, "readline");
        if (!(line instanceof String s)) {
            throw PyErrors.raise(BuiltinTypes.OS_ERROR, "readline() should have returned a str object, not '" + PyOps.typeName(line) + "'");
        }
        return s.isEmpty() ? null : s;
    }
}
