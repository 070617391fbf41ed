package dev.aio.kernel;

/**
 * A Java future through which another thread hands the loop work (an embedder's inbox of calls),
 * as the REPL's input does: under the virtual clock, waiting for it does not hold time still, as
 * waiting for other Java futures does, so that the loop's own timers run meanwhile.
 */
public interface HostFeed {
}
