package dev.aio.asyncio;

import dev.aio.runtime.PyGenerator;
import dev.aio.runtime.PyNone;

/**
 * {@code await obj} where {@code obj.__await__()} returned a generator: each value the generator
 * yields travels up to the task (as {@code yield from} would), and its return value is the result.
 */
public final class GeneratorAwaitable implements Awaitable {
    private final PyGenerator generator;
    private Object yielded;

    public GeneratorAwaitable(PyGenerator generator) {
        this.generator = generator;
    }

    @Override
    public Object step(Object sent) {
        Object[] returned = new Object[1];
        Object v = generator.resume(sent == AwaitSignal.START ? PyNone.NONE : sent, returned);
        if (v == null) {
            yielded = null;
            return returned[0];
        }
        yielded = v == PyNone.NONE ? null : v;
        return AwaitSignal.PENDING;
    }

    @Override
    public Object yielded() {
        return yielded;
    }
}
