package dev.aio.kernel;

/**
 * The stack of every thread that runs aio code: the launcher's main thread, the REPL's loop and
 * {@code asyncio.to_thread}'s workers. A Python call takes a few interpreter frames of the JVM
 * stack, and parsing and compiling a deeply nested program recurse as deep as its nesting; the
 * JVM's default (1 MB) would end at a few hundred Python calls, where CPython's recursion limit of
 * 1000 allows about 990. The space is reserved, not committed: only what a run uses costs memory.
 */
public final class InterpreterStack {
    /** Room for CPython's default recursion limit and for the deepest nesting CPython parses. */
    public static final long BYTES = 64L << 20;

    private InterpreterStack() {
    }
}
