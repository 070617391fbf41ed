package dev.aio.nodes;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.aio.AioLanguage;
import dev.aio.runtime.Foreign;
import dev.aio.runtime.PyCell;

/**
 * The local variables of an aio frame as a debugger shows them: the named ones that are bound,
 * cells read through (a variable a closure shares), the compiler's temporaries left out.
 */
@ExportLibrary(InteropLibrary.class)
@SuppressWarnings("static-method")
final class AioScope implements TruffleObject {
    private final BytecodeNode bytecode;
    private final int bci;
    private final Frame frame;

    AioScope(BytecodeNode bytecode, int bci, Frame frame) {
        this.bytecode = bytecode;
        this.bci = bci;
        this.frame = frame;
    }

    /** The local's index, or -1 when {@code name} is no variable of this code (temporaries have no name). */
    @TruffleBoundary
    private int index(String name) {
        Object[] names = bytecode.getLocalNames(bci);
        for (int i = 0; i < names.length; i++) {
            if (name.equals(names[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The variable's value, or {@code null} while it is unbound. */
    @TruffleBoundary
    private Object value(int index) {
        if (frame == null || index < 0) {
            return null;
        }
        Object v = bytecode.getLocalValue(bci, frame, index);
        return v instanceof PyCell cell ? cell.value : v;
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
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        Object[] names = bytecode.getLocalNames(bci);
        List<String> bound = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] instanceof String s && !s.startsWith(".") && value(i) != null) {
                bound.add(s);
            }
        }
        return new Names(bound.toArray(new String[0]));
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return value(index(member)) != null;
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        Object v = value(index(member));
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        return Foreign.toHost(v);
    }

    @ExportMessage
    boolean isMemberModifiable(String member) {
        return frame != null && index(member) >= 0;
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnknownIdentifierException, UnsupportedMessageException {
        int i = index(member);
        if (i < 0) {
            throw UnknownIdentifierException.create(member);
        }
        if (frame == null) {
            throw UnsupportedMessageException.create();
        }
        if (bytecode.getLocalValue(bci, frame, i) instanceof PyCell cell) {
            cell.value = value;
        } else {
            bytecode.setLocalValue(bci, frame, i, value);
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return bytecode.getRootNode().getName();
    }

    /** The names of a scope's members. */
    @ExportLibrary(InteropLibrary.class)
    static final class Names implements TruffleObject {
        private final String[] names;

        Names(String[] names) {
            this.names = names;
        }

        @ExportMessage
        boolean hasArrayElements() {
            return true;
        }

        @ExportMessage
        long getArraySize() {
            return names.length;
        }

        @ExportMessage
        boolean isArrayElementReadable(long index) {
            return index >= 0 && index < names.length;
        }

        @ExportMessage
        Object readArrayElement(long index) throws InvalidArrayIndexException {
            if (!isArrayElementReadable(index)) {
                throw InvalidArrayIndexException.create(index);
            }
            return names[(int) index];
        }
    }
}
