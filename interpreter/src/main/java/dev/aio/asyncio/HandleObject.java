package dev.aio.asyncio;

import dev.aio.kernel.Handle;
import dev.aio.kernel.TimerHandle;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/** What {@code loop.call_soon} and friends return (CPython's {@code events.Handle}): a handle that can be cancelled. */
public final class HandleObject extends PyObject {
    public static final PyType TYPE = new PyType("Handle", "asyncio.events");
    public static final PyType TIMER_TYPE = new PyType("TimerHandle", "asyncio.events", TYPE);

    private final Handle handle;

    public HandleObject(Handle handle) {
        this.handle = handle;
    }

    public Handle handle() {
        return handle;
    }

    @Override
    public PyType getPyType() {
        return handle instanceof TimerHandle ? TIMER_TYPE : TYPE;
    }

    @Override
    public String repr() {
        String kind = handle instanceof TimerHandle ? "TimerHandle" : "Handle";
        String state = handle.isCancelled() ? " cancelled" : "";
        String when = handle instanceof TimerHandle t ? " when=" + PyOps.repr(t.when()) : "";
        String created = handle.createdAt() != null ? " created at " + handle.createdAt() : "";
        return "<" + kind + state + when + " " + handle.description() + created + ">";
    }
}
