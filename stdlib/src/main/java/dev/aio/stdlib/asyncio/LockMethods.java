package dev.aio.stdlib.asyncio;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.asyncio.ThrowRequest;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Overrides;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyValueInstance;

/** Methods of {@code asyncio.Lock}, {@code Semaphore} and {@code BoundedSemaphore}; {@code async with} uses the dunder ones. */
public final class LockMethods {
    private LockMethods() {
    }

    /** Installs these on {@code Lock}, {@code Semaphore} and {@code BoundedSemaphore}, each with its own constructor. */
    static void install() {
        Lock.TYPE.defineBuiltins(LockMethodsFactory.getFactories());
        Semaphore.TYPE.defineBuiltins(LockMethodsFactory.getFactories());
        Semaphore.BOUNDED_TYPE.defineBuiltins(LockMethodsFactory.getFactories());
        Lock.TYPE.setSubclassInstances(Lock::new);
        Semaphore.TYPE.setSubclassInstances(Semaphore::new);
        Semaphore.BOUNDED_TYPE.setSubclassInstances(Semaphore::new);
    }

    /**
     * {@code Lock.__init__()}, {@code Semaphore.__init__(value=1)}, {@code BoundedSemaphore.__init__(value=1)}:
     * what makes an instance of a derived class ready ({@code super().__init__(3)}).
     */
    @Builtin(name = "__init__", params = {"self", "value"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        static Object doLock(Lock self, Object value) {
            if (value != Missing.INSTANCE) {
                throw PyErrors.typeError("Lock.__init__() takes 1 positional argument but 2 were given");
            }
            self.init();
            return PyNone.NONE;
        }

        @Specialization
        static Object doSemaphore(Semaphore self, Object value) {
            long v = initialValue(value);
            self.init(v, self.isBounded() ? v : -1);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "acquire", params = {"self"})
    @GenerateNodeFactory
    abstract static class AcquireNode extends BuiltinNode {
        @Specialization
        static Object doLock(Lock self) {
            return self.acquire(false);
        }

        @Specialization
        static Object doSemaphore(Semaphore self) {
            return self.acquire(false);
        }
    }

    @Builtin(name = "__aenter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class AenterNode extends BuiltinNode {
        @Specialization
        static Object doLock(Lock self) {
            Object acquire = Overrides.find(self, self.getPyType(), "acquire");
            return acquire == null ? self.acquire(true) : new AwaitOverride("Lock.__aenter__", acquire);
        }

        @Specialization
        static Object doSemaphore(Semaphore self) {
            Object acquire = Overrides.find(self, self.getPyType(), "acquire");
            return acquire == null ? self.acquire(true) : new AwaitOverride("Semaphore.__aenter__", acquire);
        }
    }

    @Builtin(name = "release", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReleaseNode extends BuiltinNode {
        @Specialization
        static Object doLock(Lock self) {
            self.release();
            return PyNone.NONE;
        }

        @Specialization
        static Object doSemaphore(Semaphore self) {
            self.release();
            return PyNone.NONE;
        }
    }

    /** {@code async def __aexit__(self, *exc): self.release()}: a coroutine that releases when awaited. */
    @Builtin(name = "__aexit__", params = {"self", "exc_type", "exc", "tb"})
    @GenerateNodeFactory
    abstract static class AexitNode extends BuiltinNode {
        @Specialization
        static Object doExit(Object self, Object type, Object exc, Object tb) {
            return new BuiltinCoroutine() {
                @Override
                public String qualName() {
                    return self instanceof Lock ? "Lock.__aexit__" : "Semaphore.__aexit__";
                }

                @Override
                protected Object resume(Object sent) {
                    if (sent instanceof ThrowRequest t) {
                        throw new AioException(t.exception(), null);
                    }
                    // self.release(), the class's replacement when it has one.
                    Object release = Overrides.find(self, PyOps.typeOf(self), "release");
                    if (release != null) {
                        Calls.call(release);
                    } else if (self instanceof Lock lock) {
                        lock.release();
                    } else {
                        ((Semaphore) self).release();
                    }
                    return PyNone.NONE;
                }
            };
        }
    }

    @Builtin(name = "locked", params = {"self"})
    @GenerateNodeFactory
    abstract static class LockedNode extends BuiltinNode {
        @Specialization
        static boolean doLock(Lock self) {
            return self.isLocked();
        }

        @Specialization
        static boolean doSemaphore(Semaphore self) {
            return self.isLocked();
        }
    }

    @Builtin(name = "Lock", constructor = true, params = {"cls"})
    @GenerateNodeFactory
    abstract static class NewLockNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls) {
            return new Lock();
        }
    }

    @Builtin(name = "Semaphore", constructor = true, params = {"cls", "value"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewSemaphoreNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object value) {
            return new Semaphore(initialValue(value), -1);
        }
    }

    @Builtin(name = "BoundedSemaphore", constructor = true, params = {"cls", "value"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewBoundedSemaphoreNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object value) {
            long v = initialValue(value);
            return new Semaphore(v, v);
        }
    }

    private static long initialValue(Object given) {
        Object value = PyValueInstance.unwrapInt(given);
        if (value == Missing.INSTANCE) {
            return 1;
        }
        if (value instanceof Long l) {
            return l;
        }
        throw PyErrors.typeError("'<' not supported between instances of '" + PyOps.typeName(value) + "' and 'int'");
    }
}
