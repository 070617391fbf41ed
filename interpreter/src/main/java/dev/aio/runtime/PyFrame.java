package dev.aio.runtime;

/**
 * A frame object ({@code sys._getframe()}, {@code tb.tb_frame}): a snapshot of where a function
 * stood, with the code it runs, its line and its globals, and the frame that called it. CPython's
 * frames are live; aio's are taken when asked for, which is what the standard library reads them
 * for ({@code warnings} finds the caller's file, line and module this way).
 */
public final class PyFrame extends PyObject {
    private final PyCode code;
    private final long line;
    private final PyModule globals;
    private final PyFrame back;

    public PyFrame(PyCode code, long line, PyModule globals, PyFrame back) {
        this.code = code;
        this.line = line;
        this.globals = globals;
        this.back = back;
    }

    public PyCode code() {
        return code;
    }

    public long line() {
        return line;
    }

    /** The module whose namespace is the frame's globals; {@code null} when it is not known. */
    public PyModule globals() {
        return globals;
    }

    /** The calling frame, or {@code null} for the outermost one. */
    public PyFrame back() {
        return back;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.FRAME;
    }

    @Override
    public String repr() {
        return "<frame at " + Ids.address(this) + ", file '" + code.fileName() + "', line " + line + ", code " + code.name() + ">";
    }
}
