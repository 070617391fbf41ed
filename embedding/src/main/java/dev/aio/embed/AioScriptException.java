package dev.aio.embed;

/**
 * An exception aio code raised and did not catch, as the Java side sees it: the aio exception's
 * type and message, and the aio traceback (aio frames, as CPython prints them).
 */
public final class AioScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String aioType;
    private final String aioTraceback;

    AioScriptException(String aioType, String message, String aioTraceback) {
        super(message.isEmpty() ? aioType : aioType + ": " + message, null, false, false);
        this.aioType = aioType;
        this.aioTraceback = aioTraceback;
    }

    /** The aio exception's class name, such as {@code ValueError}. */
    public String aioType() {
        return aioType;
    }

    /** The traceback as aio prints it: {@code Traceback (most recent call last):}, the frames, the exception. */
    public String aioTraceback() {
        return aioTraceback;
    }
}
