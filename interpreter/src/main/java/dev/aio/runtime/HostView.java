package dev.aio.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.AioContext;
import dev.aio.kernel.InterpreterLock;

/**
 * What a host (a Java program through the polyglot API) sees of an aio value: the logic behind
 * {@link PyObject}'s interop messages. Each runs under the interpreter lock, since the host may
 * call from any thread while the loop runs aio code.
 */
final class HostView {
    private HostView() {
    }

    @TruffleBoundary
    static <T> T locked(Supplier<T> action) {
        InterpreterLock lock = AioContext.get(null).interpreterLock();
        lock.acquireUninterruptibly();
        try {
            return action.get();
        } catch (AioException e) {
            throw HostErrors.toHost(e);
        } finally {
            lock.release();
        }
    }

    static Object[] toAio(Object[] hostArgs) {
        Object[] args = new Object[hostArgs.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = Foreign.toAio(hostArgs[i]);
        }
        return args;
    }

    /** Members a host can list: a module's names, an object's own attributes and its class's public ones. */
    @TruffleBoundary
    static PyTuple memberNames(PyObject o) {
        List<Object> names = new ArrayList<>();
        if (o instanceof PyModule m) {
            for (Object k : m.namespace().keys()) {
                names.add(k);
            }
            return new PyTuple(names.toArray());
        }
        PyDict own = o instanceof PyType ? null : Attributes.instanceDictCopy(o);
        if (own != null) {
            for (Object k : own.keys()) {
                names.add(k);
            }
        }
        PyType type = o instanceof PyType t ? t : o.getPyType();
        for (PyType t : type.getMro()) {
            for (String k : t.dict().keySet()) {
                if (!k.startsWith("_") && !names.contains(k)) {
                    names.add(k);
                }
            }
        }
        return new PyTuple(names.toArray());
    }

    static boolean hasWritableMembers(PyObject o) {
        return o instanceof PyModule || o instanceof PyInstance || (o instanceof PyType t && t.isUserDefined());
    }

    static boolean isIndex(PyObject o, long index, boolean insert) {
        int size = o instanceof PyList l ? l.size() : o instanceof PyTuple t ? t.size() : -1;
        return index >= 0 && (index < size || (insert && index == size));
    }

    @TruffleBoundary
    static Object readElement(PyObject o, long index) {
        return o instanceof PyList l ? l.get((int) index) : ((PyTuple) o).items()[(int) index];
    }

    @TruffleBoundary
    static void writeElement(PyList l, long index, Object value) {
        if (index == l.size()) {
            l.append(value);
        } else {
            l.set((int) index, value);
        }
    }

    /** A dict's items as interop iterates them: {@code (key, value)} tuples, a snapshot. */
    @TruffleBoundary
    static HostIterator entries(PyDict d) {
        List<Object> items = new ArrayList<>();
        for (PyDict.Entry e : d.entries()) {
            items.add(PyTuple.of(e.key, e.value));
        }
        return new HostIterator(items.toArray());
    }
}
