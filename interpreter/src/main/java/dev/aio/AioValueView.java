package dev.aio;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyType;

/**
 * How tools (the debugger's variables, the profiler) show an aio value: its {@code repr} and its
 * type. Only the debugger asks for it, through {@link AioLanguage#getLanguageView}.
 */
@ExportLibrary(InteropLibrary.class)
@SuppressWarnings("static-method")
final class AioValueView implements TruffleObject {
    private static final int MAX_DISPLAY = 1000;

    private final Object value;

    AioValueView(Object value) {
        this.value = value;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return AioLanguage.class;
    }

    /** {@code repr(value)}; without side effects only where no aio code can run (no user {@code __repr__}). */
    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(boolean allowSideEffects) {
        boolean plain = value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof BigInteger
                        || value == PyNone.NONE || value instanceof PyType;
        if (!plain && !allowSideEffects) {
            return "<" + PyOps.typeName(value) + " object>";
        }
        String s;
        try {
            s = PyOps.repr(value);
        } catch (RuntimeException e) {
            s = "<" + PyOps.typeName(value) + " object (repr failed)>";
        }
        return s.length() > MAX_DISPLAY ? s.substring(0, MAX_DISPLAY) + "..." : s;
    }

    @ExportMessage
    boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMetaObject() {
        return new AioValueView(PyOps.typeOf(value));
    }

    @ExportMessage
    boolean isMetaObject() {
        return value instanceof PyType;
    }

    @ExportMessage(name = "getMetaQualifiedName")
    @ExportMessage(name = "getMetaSimpleName")
    @TruffleBoundary
    Object getMetaName() throws UnsupportedMessageException {
        if (value instanceof PyType t) {
            return t.getName();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMetaInstance(Object instance) throws UnsupportedMessageException {
        if (value instanceof PyType t) {
            Object v = instance instanceof AioValueView view ? view.value : instance;
            return PyOps.typeOf(v).isSubtypeOf(t);
        }
        throw UnsupportedMessageException.create();
    }
}
