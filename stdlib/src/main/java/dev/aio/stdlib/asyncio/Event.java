package dev.aio.stdlib.asyncio;

import java.util.ArrayList;
import java.util.List;

import dev.aio.asyncio.Future;
import dev.aio.asyncio.ThrowRequest;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Ids;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SubclassableObject;

/** {@code asyncio.Event}, after CPython's locks.py: waiters are futures completed by {@link #set()} in order. */
public final class Event extends SubclassableObject {
    static final PyType TYPE = new PyType("Event", "asyncio.locks");

    private final LoopBinding loop = new LoopBinding();
    private final List<Future> waiters = new ArrayList<>();
    private boolean value;

    Event() {
        this(TYPE);
    }

    /** An unset instance of {@code type}, Event or a class derived from it, whose {@code __init__} may be the builtin's. */
    Event(PyType type) {
        super(type);
    }

    /** {@code Event.__init__()}: unset, no waiters. */
    void init() {
        value = false;
        waiters.clear();
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
        return new BuiltinCoroutine() {
            @Override
            public String qualName() {
                return "Event.wait";
            }

            @Override
            protected Object resume(Object sent) {
                // The future it waits on is the one it suspended with (CPython's wait() keeps it in its frame).
                Future future = (Future) yielded;
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
    public String repr() {
        String state = value ? "set" : "unset";
        return "<" + getPyType().qualifiedName() + " object at " + Ids.address(this) + " [" + state + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
    }
}
