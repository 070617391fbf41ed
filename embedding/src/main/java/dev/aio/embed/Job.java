package dev.aio.embed;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One call submitted with {@link Aio#runAsync} (or an awaitable with {@link Aio#toFuture}): the loop's serve script ({@code serve.aio}) runs it
 * as a task and reports its outcome, which completes {@link #result}. Cancelling {@code result}
 * cancels the task.
 */
final class Job {
    final CompletableFuture<Value> result = new CompletableFuture<>();
    /** Completes when the Java side cancels {@link #result}; the serve script awaits it to cancel the task. */
    private final CompletableFuture<Boolean> cancellation = new FeedFuture<>();
    private final Value callable;
    private final Object[] args;
    /** The name of the job's task, as diagnostics (slow steps, deadlocks) show it. */
    private final String name;

    Job(Value callable, Object[] args, String name) {
        this.callable = callable;
        this.args = args;
        this.name = name;
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                cancellation.complete(true);
            }
        });
    }

    /** The job as the serve script sees it: proxies, so that no host access is needed. */
    Object asGuest() {
        return ProxyObject.fromMap(Map.of(
                        "name", (ProxyExecutable) a -> name,
                        "start", (ProxyExecutable) a -> callable.canExecute() ? callable.execute(args) : callable,
                        "succeed", (ProxyExecutable) a -> result.complete(a[0]),
                        "fail", (ProxyExecutable) a -> result.completeExceptionally(failure(a[0].asString(), a[1].asString(), a[2].asString(), a[3])),
                        "cancelled", (ProxyExecutable) a -> result.cancel(false),
                        "cancellation", (ProxyExecutable) a -> cancellation));
    }

    /** A Java exception the job's code let through is given back as it is; an aio one as an {@link AioScriptException}. */
    private static RuntimeException failure(String type, String message, String traceback, Value exception) {
        try {
            exception.throwException();
        } catch (PolyglotException e) {
            if (e.isHostException() && e.asHostException() instanceof RuntimeException original) {
                return original;
            }
        }
        return new AioScriptException(type, message, traceback);
    }
}
