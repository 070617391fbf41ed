package dev.aio.stdlib.asyncio;

import java.util.ArrayList;
import java.util.List;

import dev.aio.asyncio.Future;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Ids;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/** {@code asyncio.Event}, after CPython's locks.py: waiters are futures completed by {@link #set()} in order. */
public final class Event extends PyObject {
    static final PyType TYPE = new PyType("Event", "asyncio.locks");

    private final LoopBinding loop = new LoopBinding();
    private final List<Future> waiters = new ArrayList<>();
    private boolean value;

    Event() {
    }

    public boolean isSet() {
        return value;
    }

    public void set() {
        if (!value) {
            value = true;
            for (Future f : waiters) {
                if (!f.isDone()) {
                    f.setResult(true);
                }
            }
        }
    }

    public void clear() {
        value = false;
    }

    /** {@code await event.wait()}. */
    BuiltinCoroutine waitCoroutine() {
        return new BuiltinCoroutine("Event.wait") {
            private Future future;

            @Override
            protected Object resume(Object sent) {
                if (future == null) {
                    if (value) {
                        return true;
                    }
                    future = new Future(loop.get(Event.this)).withPurpose("event.wait()");
                    waiters.add(future);
                    return suspend(future);
                }
                waiters.remove(future);
                if (sent instanceof ThrowRequest t) {
                    throw new AioException(t.exception(), null);
                }
                future.result();
                return true;
            }
        };
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        String state = value ? "set" : "unset";
        return "<asyncio.locks.Event object at " + Ids.address(this) + " [" + state + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
    }
}
