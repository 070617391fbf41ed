package dev.aio.stdlib.asyncio;

import dev.aio.AioContext;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.kernel.TimerHandle;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyOps;

/** {@code asyncio.sleep(delay, result)} with {@code delay > 0}: a future completed by a timer ({@link SleepZero} for the rest). */
final class Sleep extends BuiltinCoroutine {
    private final AioContext context;
    private final double delay;
    /** The delay as the caller passed it: its repr names the sleep's future in reports ({@code asyncio.sleep(3)}). */
    private final Object delayArgument;
    private final Object result;
    private Future future;
    private TimerHandle timer;
    private boolean suspended;

    /** Like CPython's {@code async def sleep}, calling needs no loop; the first step does. */
    Sleep(AioContext context, Object delay, Object result) {
        this.context = context;
        this.delay = Numbers.toDouble(delay);
        this.delayArgument = delay;
        this.result = result;
    }

    @Override
    public String qualName() {
        return "sleep";
    }

    @Override
    protected Object resume(Object sent) {
        if (!suspended) {
            suspended = true;
            EventLoop loop = context.requireRunningLoop();
            // The repr only now: most sleeps end without anyone asking for it.
            future = new Future(loop).withPurpose(Future.SLEEP_PURPOSE_PREFIX + PyOps.repr(delayArgument) + ")");
            Future f = future;
            timer = loop.callLater(delay, () -> {
                if (!f.isDone()) {
                    f.setResult(result);
                }
            }, "futures._set_result_unless_cancelled()");
            return suspend(future);
        }
        timer.cancel();
        if (sent instanceof ThrowRequest t) {
            throw new AioException(t.exception(), null);
        }
        return future.result();
    }
}
