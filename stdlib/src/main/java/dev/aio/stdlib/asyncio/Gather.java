package dev.aio.stdlib.asyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyTuple;

/**
 * {@code asyncio.gather}, after CPython's tasks.py: wraps each awaitable in a future, collects the
 * results in argument order, and is itself a future whose cancellation cancels the children.
 */
final class Gather extends Future {
    private final List<Future> children = new ArrayList<>();
    private final boolean returnExceptions;
    private int finished;
    private int distinct;
    private boolean cancelRequested;

    private Gather(EventLoop loop, boolean returnExceptions) {
        super(loop);
        this.returnExceptions = returnExceptions;
    }

    @TruffleBoundary
    static Future gather(EventLoop loop, Object[] awaitables, boolean returnExceptions) {
        Gather outer = new Gather(loop, returnExceptions);
        outer.withPurpose("asyncio.gather(...)");
        if (awaitables.length == 0) {
            outer.setResult(new PyList());
            return outer;
        }
        Map<Object, Future> seen = new IdentityHashMap<>();
        for (Object arg : awaitables) {
            Future f = seen.get(arg);
            if (f == null) {
                f = AsyncioModule.ensureFuture(loop, arg);
                seen.put(arg, f);
                outer.distinct++;
                f.addDoneCallback(outer::childDone, "gather.<locals>._done_callback()");
            }
            outer.children.add(f);
        }
        return outer;
    }

    private void childDone(Future child) {
        finished++;
        if (isDone()) {
            if (!child.isCancelled()) {
                child.exception();
            }
            return;
        }
        if (!returnExceptions) {
            if (child.isCancelled()) {
                setException(child.makeCancelledError());
                return;
            }
            Object exc = child.exception();
            if (exc instanceof PyBaseException e) {
                setException(e);
                return;
            }
        }
        if (finished == distinct) {
            Object[] results = new Object[children.size()];
            for (int i = 0; i < results.length; i++) {
                Future f = children.get(i);
                if (f.isCancelled()) {
                    Object msg = f.getCancelMessage();
                    // CPython 3.11 gives CancelledError('') here when there was no message.
                    results[i] = new PyBaseException(BuiltinTypes.CANCELLED_ERROR, PyTuple.of(msg == null ? "" : msg));
                } else {
                    Object exc = f.exception();
                    results[i] = exc instanceof PyBaseException ? exc : f.result();
                }
            }
            if (cancelRequested) {
                setException(child.makeCancelledError());
            } else {
                setResult(new PyList(results));
            }
        }
    }

    @Override
    public boolean cancel(Object message) {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Future child : children) {
            if (child.cancelAsCalled(message)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    @Override
    public String repr() {
        return "<_GatheringFuture " + String.join(" ", reprInfo()) + ">";
    }
}
