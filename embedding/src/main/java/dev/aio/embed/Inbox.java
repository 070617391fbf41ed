package dev.aio.embed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The jobs Java threads submit to an embedded loop: the serve script awaits {@code next()}, a Java
 * future that completes with the next job, or with None once the inbox is closed and empty.
 */
final class Inbox {
    private final ArrayDeque<Job> queued = new ArrayDeque<>();
    /** Jobs submitted and not done: failed if the loop ends without finishing them. */
    private final Set<Job> unfinished = ConcurrentHashMap.newKeySet();
    private CompletableFuture<Object> waiting;
    private boolean closed;

    void put(Job job) {
        CompletableFuture<Object> taker;
        synchronized (this) {
            if (closed) {
                job.result.completeExceptionally(new IllegalStateException("this Aio is closed"));
                return;
            }
            unfinished.add(job);
            job.result.whenComplete((value, error) -> unfinished.remove(job));
            if (waiting == null) {
                queued.add(job);
                return;
            }
            taker = waiting;
            waiting = null;
        }
        taker.complete(job.asGuest());
    }

    private synchronized CompletableFuture<Object> next() {
        if (!queued.isEmpty()) {
            return CompletableFuture.completedFuture(queued.poll().asGuest());
        }
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        waiting = new FeedFuture<>();
        return waiting;
    }

    /** No more jobs: the serve script ends once those running are cancelled. */
    void close() {
        CompletableFuture<Object> taker;
        synchronized (this) {
            closed = true;
            taker = waiting;
            waiting = null;
        }
        if (taker != null) {
            taker.complete(null);
        }
    }

    /** The loop ended (the context was cancelled, a limit stopped it): jobs it did not finish fail with {@code cause}. */
    void failUnfinished(RuntimeException cause) {
        close();
        List<Job> left = new ArrayList<>(unfinished);
        for (Job job : left) {
            job.result.completeExceptionally(cause);
        }
    }

    Object asGuest() {
        return ProxyObject.fromMap(Map.of("next", (ProxyExecutable) a -> next()));
    }
}
