package dev.aio.asyncio;

import dev.aio.runtime.PyBaseException;

/** Sent into a suspended coroutine to raise an exception at its {@code await} (cancellation, a failed future). */
public record ThrowRequest(PyBaseException exception) {
}
