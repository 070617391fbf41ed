package dev.aio.embed;

/**
 * A limit of the {@link AioBuilder} (statements executed, wall time) stopped the run; the message
 * names the limit. The context is closed: the {@link Aio} cannot run anything more.
 */
public final class AioLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AioLimitException(String message) {
        super(message, null, false, false);
    }
}
