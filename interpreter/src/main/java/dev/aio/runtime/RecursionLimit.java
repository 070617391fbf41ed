package dev.aio.runtime;

/**
 * A context's {@code sys.setrecursionlimit}: one value the {@link CallDepth} of each of its threads
 * compares with, as CPython's limit is per interpreter.
 */
public final class RecursionLimit {
    private volatile int limit = CallDepth.DEFAULT_LIMIT;

    public int get() {
        return limit;
    }

    /**
     * {@code sys.setrecursionlimit(n)}: CPython refuses a limit the calling thread is already
     * past, since its next call would fail at once.
     */
    public void set(long n, int currentDepth) {
        if (n < 1) {
            throw PyErrors.valueError("recursion limit must be greater or equal than 1");
        }
        if (n > Integer.MAX_VALUE) {
            throw PyErrors.overflowError("Python int too large to convert to C int");
        }
        if (n <= currentDepth) {
            throw PyErrors.raise(BuiltinTypes.RECURSION_ERROR,
                            "cannot set the recursion limit to " + n + " at the recursion depth " + currentDepth + ": the limit is too low");
        }
        limit = (int) n;
    }
}
