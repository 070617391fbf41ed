package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

/** Factories for raising the builtin exceptions from Java code. */
public final class PyErrors {
    private PyErrors() {
    }

    @TruffleBoundary
    public static AioException raise(PyType type, String message) {
        return new AioException(new PyBaseException(type, PyTuple.of(message)), null);
    }

    @TruffleBoundary
    public static AioException raise(PyType type, String message, Node location) {
        return new AioException(new PyBaseException(type, PyTuple.of(message)), location);
    }

    @TruffleBoundary
    public static AioException raiseNoArgs(PyType type) {
        return new AioException(new PyBaseException(type, PyTuple.EMPTY), null);
    }

    public static AioException typeError(String message) {
        return raise(BuiltinTypes.TYPE_ERROR, message);
    }

    public static AioException valueError(String message) {
        return raise(BuiltinTypes.VALUE_ERROR, message);
    }

    public static AioException nameError(String name) {
        return raise(BuiltinTypes.NAME_ERROR, "name '" + name + "' is not defined");
    }

    /** {@code obj} has no attribute {@code name}: the exception carries both ({@code e.name}, {@code e.obj}), as CPython's does, for its suggestion. */
    @TruffleBoundary
    public static AioException attributeError(Object obj, String name) {
        String message;
        if (obj instanceof PyModule m) {
            message = "module '" + m.getName() + "' has no attribute '" + name + "'";
        } else if (obj instanceof PyType t) {
            message = "type object '" + t.getName() + "' has no attribute '" + name + "'";
        } else {
            message = "'" + PyOps.typeName(obj) + "' object has no attribute '" + name + "'";
        }
        AioException e = raise(BuiltinTypes.ATTRIBUTE_ERROR, message);
        e.getException().dict().put("name", name);
        e.getException().dict().put("obj", obj);
        return e;
    }

    public static AioException indexError(String message) {
        return raise(BuiltinTypes.INDEX_ERROR, message);
    }

    @TruffleBoundary
    public static AioException keyError(Object key) {
        return new AioException(new PyBaseException(BuiltinTypes.KEY_ERROR, PyTuple.of(key)), null);
    }

    public static AioException zeroDivision(String message) {
        return raise(BuiltinTypes.ZERO_DIVISION_ERROR, message);
    }

    public static AioException runtimeError(String message) {
        return raise(BuiltinTypes.RUNTIME_ERROR, message);
    }

    /**
     * {@code OSError(errno, strerror, filename)}: the subclass for that errno (FileNotFoundError for
     * 2...), printed {@code [Errno 2] No such file or directory: 'x'}.
     */
    @TruffleBoundary
    public static AioException osError(long errno, String strerror, Object filename) {
        return new AioException(PyBaseException.osError(BuiltinTypes.osErrorFor(errno), PyTuple.of(errno, strerror, filename == null ? PyNone.NONE : filename)), null);
    }

    public static AioException overflowError(String message) {
        return raise(BuiltinTypes.OVERFLOW_ERROR, message);
    }

    /** The length of a string or sequence about to be made: MemoryError beyond what a Java array holds. */
    public static int checkedLength(long length) {
        if (length > Integer.MAX_VALUE - 8) {
            throw raiseNoArgs(BuiltinTypes.MEMORY_ERROR);
        }
        return (int) length;
    }
}
