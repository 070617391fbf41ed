package dev.aio.asyncio;

import java.util.concurrent.CompletionStage;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage.Env;

import dev.aio.runtime.Foreign;
import dev.aio.runtime.HostErrors;
import dev.aio.kernel.HostFeed;

/**
 * A Java {@link CompletionStage} that aio code awaits, after CPython's {@code asyncio.wrap_future}:
 * an aio future of the loop that gets the stage's outcome. The stage may complete on any thread;
 * its outcome reaches the loop thread through {@code call_soon_threadsafe}. Cancelling the aio
 * future (the awaiting task was cancelled) cancels the Java future. Under the virtual clock, time
 * stands still until the stage completes, unless it is a {@link HostFeed}.
 */
public final class HostFuture {
    private HostFuture() {
    }

    /** The CompletionStage {@code value} is, when it is a host object that is one; else {@code null}. */
    @TruffleBoundary
    public static CompletionStage<?> stageOf(Env env, Object value) {
        if (Foreign.is(value) && env.isHostObject(value) && env.asHostObject(value) instanceof CompletionStage<?> stage) {
            return stage;
        }
        return null;
    }

    @TruffleBoundary
    public static Future wrap(EventLoop loop, CompletionStage<?> stage) {
        Future future = new Future(loop).withPurpose("a Java future");
        Env env = loop.context().getEnv();
        boolean feed = stage instanceof HostFeed;
        if (feed) {
            loop.scheduler().addFeed();
        } else {
            loop.scheduler().hostWaitStarted();
            loop.context().awaitedJavaFutures().add(stage);
        }
        stage.whenComplete((value, error) -> loop.callSoonThreadsafe(() -> {
            loop.context().awaitedJavaFutures().remove(stage);
            if (feed) {
                loop.scheduler().removeFeed();
            } else {
                loop.scheduler().hostWaitEnded();
            }
            if (future.isDone()) {
                return;
            }
            if (error != null) {
                future.setException(HostErrors.exceptionOf(error));
            } else {
                future.setResult(Foreign.toAio(value == null ? null : env.asGuestValue(value)));
            }
        }, "wrap_future._call_set_state()"));
        future.addDoneCallback(f -> {
            if (f.isCancelled()) {
                cancel(stage);
            }
        }, "wrap_future._call_check_cancel()");
        return future;
    }

    public static void cancel(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException e) {
            // A stage that cannot be seen as a CompletableFuture cannot be cancelled either.
        }
    }
}
