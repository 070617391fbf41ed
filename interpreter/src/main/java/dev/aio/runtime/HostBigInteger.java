package dev.aio.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.aio.AioLanguage;

/**
 * An aio int beyond 64 bits as a host sees it: an interop number that fits in a big integer
 * ({@code Value.asBigInteger()}), as GraalPy exports Python's big ints. Inside aio the same int is
 * a plain {@link BigInteger}; {@link Foreign#toHost} wraps it on the way out and
 * {@link Foreign#toAio} unwraps it on the way back.
 */
@ExportLibrary(InteropLibrary.class)
@SuppressWarnings("static-method")
final class HostBigInteger implements TruffleObject {
    final BigInteger value;

    HostBigInteger(BigInteger value) {
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

    @ExportMessage
    boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    Object getMetaObject() {
        return BuiltinTypes.INT;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return value.toString();
    }

    @ExportMessage
    boolean isNumber() {
        return true;
    }

    @ExportMessage
    boolean fitsInBigInteger() {
        return true;
    }

    @ExportMessage
    BigInteger asBigInteger() {
        return value;
    }

    // Only ints that do not fit in a long leave aio wrapped (smaller ones are Java longs): none fits a smaller type.
    @ExportMessage(name = "fitsInByte")
    @ExportMessage(name = "fitsInShort")
    @ExportMessage(name = "fitsInInt")
    @ExportMessage(name = "fitsInLong")
    boolean fitsInSmallInteger() {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    boolean fitsInFloat() {
        float f = value.floatValue();
        return !Float.isInfinite(f) && new BigDecimal(f).toBigInteger().equals(value);
    }

    @ExportMessage
    @TruffleBoundary
    boolean fitsInDouble() {
        double d = value.doubleValue();
        return !Double.isInfinite(d) && new BigDecimal(d).toBigInteger().equals(value);
    }

    @ExportMessage
    byte asByte() throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    short asShort() throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    int asInt() throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    long asLong() throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    float asFloat() throws UnsupportedMessageException {
        if (!fitsInFloat()) {
            throw UnsupportedMessageException.create();
        }
        return value.floatValue();
    }

    @ExportMessage
    @TruffleBoundary
    double asDouble() throws UnsupportedMessageException {
        if (!fitsInDouble()) {
            throw UnsupportedMessageException.create();
        }
        return value.doubleValue();
    }
}
