package dev.aio.runtime.format;

/** A bad format spec, with CPython's message; callers raise it as ValueError. */
public final class FormatSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FormatSpecException(String message) {
        super(message, null, false, false);
    }
}
