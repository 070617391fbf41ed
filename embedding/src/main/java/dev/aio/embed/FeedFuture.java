package dev.aio.embed;

import java.util.concurrent.CompletableFuture;

import dev.aio.kernel.HostFeed;

/**
 * A future the embedded loop waits on for what Java threads hand it (the next job, a cancellation
 * request): under the virtual clock, the loop's timers run meanwhile (see {@link HostFeed}).
 */
final class FeedFuture<T> extends CompletableFuture<T> implements HostFeed {
}
