package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Where a library type written in Java calls one of its own methods on {@code self} in CPython
 * ({@code Queue.put_nowait} calls {@code self._put(item)}, {@code Lock.__aenter__} awaits
 * {@code self.acquire()}): an instance of a class derived from it in aio code must reach the
 * class's replacement, while everything else runs the Java code directly.
 */
public final class Overrides {
    private Overrides() {
    }

    /**
     * {@code self.name} when the instance or its class (a class written in aio, {@code type}) replaces
     * the builtin method of that name; {@code null} when the builtin is what {@code self.name} is.
     * An instance of the builtin type itself answers without a call across the boundary: queue
     * and lock operations ask on every put, get and acquire.
     */
    public static Object find(Object self, PyType type, String name) {
        if (type == null || !type.isUserDefined()) {
            return null;
        }
        return findInUserClass(self, type, name);
    }

    @TruffleBoundary
    private static Object findInUserClass(Object self, PyType type, String name) {
        PyDict own = Attributes.instanceDict(self);
        if ((own == null || own.get(name) == null) && type.lookup(name) instanceof BuiltinSpec) {
            return null;
        }
        return Attributes.get(self, name);
    }
}
