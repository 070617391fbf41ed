package dev.aio.nodes.ops;

import java.util.Arrays;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.aio.runtime.Classes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFunction;
import dev.aio.runtime.PySuper;
import dev.aio.runtime.PyType;

/** Class statements: the class body's namespace, making the class, and {@code super()}. */
public final class ClassOps {
    private ClassOps() {
    }

    /** A class body runs as a function whose second frame argument is the namespace it fills. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> namespace(VirtualFrame frame) {
        return (Map<String, Object>) frame.getArguments()[1];
    }

    public static Object loadName(VirtualFrame frame, String name) {
        Object v = get(namespace(frame), name);
        return v != null ? v : ValueOps.loadGlobal(frame, name);
    }

    public static void storeName(VirtualFrame frame, String name, Object value) {
        put(namespace(frame), name, value);
    }

    public static void deleteName(VirtualFrame frame, String name) {
        if (remove(namespace(frame), name) == null) {
            throw PyErrors.nameError(name);
        }
    }

    @TruffleBoundary
    private static Object get(Map<String, Object> namespace, String name) {
        return namespace.get(name);
    }

    @TruffleBoundary
    private static void put(Map<String, Object> namespace, String name, Object value) {
        namespace.put(name, value);
    }

    @TruffleBoundary
    private static Object remove(Map<String, Object> namespace, String name) {
        return namespace.remove(name);
    }

    public static Object buildClass(String name, String[] kwNames, Object body, Object[] basesAndKeywords) {
        int nBases = basesAndKeywords.length - kwNames.length;
        Object[] bases = Arrays.copyOf(basesAndKeywords, nBases);
        Object[] kwValues = Arrays.copyOfRange(basesAndKeywords, nBases, basesAndKeywords.length);
        return Classes.build(name, (PyFunction) body, bases, kwNames, kwValues);
    }

    public static Object zeroArgSuper(VirtualFrame frame) {
        return makeSuper(ValueOps.function(frame).getOwner(), frame.getArguments());
    }

    @TruffleBoundary
    private static Object makeSuper(PyType owner, Object[] args) {
        if (owner == null) {
            throw PyErrors.runtimeError("super(): __class__ cell not found");
        }
        if (args.length < 2) {
            throw PyErrors.runtimeError("super(): no arguments");
        }
        return new PySuper(owner, args[1]);
    }

}
