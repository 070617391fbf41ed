package dev.aio.stdlib.asyncio;

import dev.aio.kernel.EventLoop;
import dev.aio.kernel.Future;
import dev.aio.kernel.ThrowRequest;
import dev.aio.kernel.TimerHandle;
import dev.aio.runtime.AioException;

/**
 * {@code asyncio.sleep(delay, result)}: {@code sleep(0)} is a bare yield (the task runs again next
 * iteration); otherwise a future completed by a timer.
 */
final class Sleep extends BuiltinCoroutine {
    private final EventLoop loop;
    private final double delay;
    private final Object result;
    private Future future;
    private TimerHandle timer;
    private boolean suspended;

    Sleep(EventLoop loop, double delay, Object result) {
        super("sleep");
        this.loop = loop;
        this.delay = delay;
        this.result = result;
    }

    @Override
    protected Object resume(Object sent) {
        if (!suspended) {
            suspended = true;
            if (delay <= 0) {
                return suspend(null);
            }
            future = new Future(loop);
            Future f = future;
            timer = loop.callLater(delay, () -> {
                if (!f.isDone()) {
                    f.setResult(result);
                }
            }, "futures._set_result_unless_cancelled()");
            return suspend(future);
        }
        if (timer != null) {
            timer.cancel();
        }
        if (sent instanceof ThrowRequest t) {
            throw new AioException(t.exception(), null);
        }
        return future == null ? result : future.result();
    }
}
