package dev.aio.runtime;

import dev.aio.asyncio.ThrowRequest;

/**
 * What generators and coroutines share as objects a caller drives by hand: {@code send},
 * {@code throw} and {@code close} (CPython's genobject.c serves both with {@code gen_send},
 * {@code gen_throw} and {@code gen_close}).
 */
public interface Sendable {
    /** The next value the body suspends with, or StopIteration carrying its return value. */
    Object send(Object value);

    /** Raises {@code exception} where the body is suspended; then as {@link #send}. */
    default Object throwIn(PyBaseException exception) {
        return send(new ThrowRequest(exception));
    }

    /** GeneratorExit where the body is suspended; the body must not suspend again. */
    void close();
}
