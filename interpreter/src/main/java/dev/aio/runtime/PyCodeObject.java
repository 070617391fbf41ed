package dev.aio.runtime;

/**
 * What {@code compile()} returns: code to run with {@code exec} or {@code eval}. The mode it was
 * compiled in says what running it answers ({@code 'eval'}: the expression's value) and the
 * source is kept so that code run with a locals mapping of its own can be compiled for that.
 */
public final class PyCodeObject extends PyObject {
    private final PyCode code;
    private final String mode;
    private final String fileName;
    private final String source;

    public PyCodeObject(PyCode code, String mode, String fileName, String source) {
        this.code = code;
        this.mode = mode;
        this.fileName = fileName;
        this.source = source;
    }

    /** The module-level code, binding names in its globals. */
    public PyCode code() {
        return code;
    }

    public String mode() {
        return mode;
    }

    public String fileName() {
        return fileName;
    }

    public String source() {
        return source;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.CODE;
    }

    @Override
    public String repr() {
        return "<code object <module> at " + Ids.address(this) + ", file \"" + fileName + "\", line 1>";
    }
}
