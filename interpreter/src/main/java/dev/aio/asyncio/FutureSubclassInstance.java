package dev.aio.asyncio;

import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyType;

/**
 * An instance of a class derived from {@code asyncio.Future} in aio code: its class and its
 * attribute dict, which a plain future (most of them, and every task) does without.
 */
public final class FutureSubclassInstance extends Future {
    private final PyType subtype;
    private final PyDict attributes = new PyDict();

    public FutureSubclassInstance(EventLoop loop, PyType subtype) {
        super(loop);
        this.subtype = subtype;
    }

    @Override
    public PyDict instanceDict() {
        return attributes;
    }

    @Override
    public PyType getPyType() {
        return subtype;
    }
}
