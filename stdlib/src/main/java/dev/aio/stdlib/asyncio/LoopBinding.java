package dev.aio.stdlib.asyncio;

import dev.aio.AioContext;
import dev.aio.asyncio.EventLoop;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;

/**
 * The loop of a Queue, Event or other primitive: as in CPython 3.10+ they may be created outside
 * a running loop (say at module level) and bind to the loop of their first use.
 */
final class LoopBinding {
    private EventLoop loop;

    EventLoop get(Object owner) {
        EventLoop running = AioContext.get(null).requireRunningLoop();
        if (loop == null) {
            loop = running;
        } else if (loop != running) {
            throw PyErrors.runtimeError(PyOps.repr(owner) + " is bound to a different event loop");
        }
        return loop;
    }
}
