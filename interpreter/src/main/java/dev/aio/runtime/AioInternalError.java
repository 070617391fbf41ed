package dev.aio.runtime;

/**
 * A bug of aio (a Java exception that no aio program should cause), carried out of the innermost
 * aio frame it passed through, whose line it names; the launcher reports it as an internal error.
 */
public final class AioInternalError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AioInternalError(Throwable cause, String where) {
        super(cause + (where == null ? "" : "\n  at " + where), cause);
    }

    /** The embedder sees this as the internal error's message. */
    @Override
    public String toString() {
        return getMessage();
    }
}
