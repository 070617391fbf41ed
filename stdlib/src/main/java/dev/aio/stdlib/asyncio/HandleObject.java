package dev.aio.stdlib.asyncio;

import dev.aio.kernel.Handle;
import dev.aio.kernel.TimerHandle;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/** What {@code loop.call_soon} and friends return: a handle that can be cancelled. */
public final class HandleObject extends PyObject {
    static final PyType TYPE = new PyType("Handle", "asyncio.events");
    static final PyType TIMER_TYPE = new PyType("TimerHandle", "asyncio.events", TYPE);

    final Handle handle;

    HandleObject(Handle handle) {
        this.handle = handle;
    }

    static String describe(Object callback) {
        if (callback instanceof PyFunction f) {
            return f.getQualName() + "() at " + f.getCode().fileName() + ":" + f.getCode().firstLine();
        }
        return PyOps.repr(callback);
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
        return "<" + kind + state + when + " " + handle.description() + ">";
    }
}
