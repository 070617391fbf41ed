package dev.aio.kernel;

/**
 * What the {@link Scheduler} needs from whoever runs it: the language (aio's asyncio loop object)
 * or a test. The kernel knows nothing of aio's objects; exceptions raised by callbacks, the time
 * limit and what a deadlock means are the host's business.
 */
public interface LoopHost {
    /** The lock the loop thread lets go of while it waits, so worker threads can run. */
    InterpreterLock interpreterLock();

    /**
     * The loop is about to move time on to {@code deadline}: the host may end the run here (a time
     * limit) and then does not return.
     */
    void beforeTimeMovesTo(double deadline);

    /** Nothing is ready, no timer is pending and no other thread can ever hand the loop work. */
    void deadlocked();

    /**
     * Whether threads of the program other than the loop's are running: any of them may still hand
     * the loop work ({@code call_soon_threadsafe}, {@code run_coroutine_threadsafe}), so an idle
     * loop is not deadlocked while they live.
     */
    default boolean otherThreadsAlive() {
        return false;
    }

    /**
     * Whether the run is being cancelled or is exiting (an embedder's {@code close(true)}, the time
     * limit): the loop gives no more turns, so a worker waiting for one gives up.
     */
    default boolean runEnding() {
        return false;
    }

    /** A callback raised {@code error}; the host reports it (CPython's {@code call_exception_handler}) or rethrows it. */
    void callbackFailed(Handle handle, RuntimeException error);

    /** Whether the host wants to know how long each callback took ({@link #callbackRan}): CPython's debug mode. */
    default boolean timesCallbacks() {
        return false;
    }

    /** A callback ran for {@code seconds} of loop time (asked for by {@link #timesCallbacks}). */
    default void callbackRan(Handle handle, double seconds) {
    }

    /** The loop thread was interrupted while it waited: what to throw instead ({@code KeyboardInterrupt}). */
    RuntimeException interrupted();
}
