package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnknownKeyException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.aio.AioLanguage;

/**
 * A runtime object that knows its Python type. Java's Long, Double, String and Boolean stand for int, float, str and bool.
 *
 * <p>Its interop messages are what a host sees of aio values (see {@link HostView}): None is null,
 * callables are executable, lists and tuples are arrays, dicts are hash maps, modules and objects
 * have members, exceptions are exceptions.
 */
@ExportLibrary(InteropLibrary.class)
public abstract class PyObject implements TruffleObject {
    public abstract PyType getPyType();

    /** Python's default {@code repr}: {@code <module.Type object at 0x...>}. */
    public String repr() {
        PyType type = getPyType();
        return "<" + type.qualifiedName() + " object at " + Ids.address(this) + ">";
    }

    /** The type's own {@code __str__}; {@code object.__str__} is the repr. */
    @TruffleBoundary
    public String builtinStr() {
        return PyOps.repr(this);
    }

    // ----- interop: what a host sees ---------------------------------------------------------------

    @ExportMessage
    final boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    final Class<? extends TruffleLanguage<?>> getLanguage() {
        return AioLanguage.class;
    }

    /** {@code repr(value)}; without side effects, only where no aio code can run (no user {@code __repr__}). */
    @ExportMessage
    @TruffleBoundary
    final Object toDisplayString(boolean allowSideEffects) {
        if (!allowSideEffects && !(this instanceof PyNone || this instanceof PyType)) {
            return "<" + getPyType().getName() + " object>";
        }
        return HostView.locked(() -> PyOps.repr(this));
    }

    @ExportMessage
    final boolean isNull() {
        return this == PyNone.NONE;
    }

    @ExportMessage
    final boolean hasMetaObject() {
        return true;
    }

    @ExportMessage
    final Object getMetaObject() {
        return getPyType();
    }

    @ExportMessage
    final boolean isMetaObject() {
        return this instanceof PyType;
    }

    @ExportMessage(name = "getMetaQualifiedName")
    @ExportMessage(name = "getMetaSimpleName")
    final Object getMetaName() throws UnsupportedMessageException {
        if (this instanceof PyType t) {
            return t.getName();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isMetaInstance(Object instance) throws UnsupportedMessageException {
        if (this instanceof PyType t) {
            return PyOps.typeOf(instance).isSubtypeOf(t);
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isExecutable() {
        return Calls.isCallable(this);
    }

    @ExportMessage
    @TruffleBoundary
    final Object execute(Object[] arguments) {
        return Foreign.toHost(HostView.locked(() -> Calls.call(this, HostView.toAio(arguments))));
    }

    @ExportMessage
    final boolean isScope() {
        return this instanceof PyModule;
    }

    @ExportMessage
    final boolean hasMembers() {
        return this != PyNone.NONE;
    }

    @ExportMessage
    @TruffleBoundary
    final Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return HostView.locked(() -> HostView.memberNames(this));
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isMemberReadable(String member) {
        return HostView.locked(() -> Attributes.find(this, member) != null);
    }

    @ExportMessage
    @TruffleBoundary
    final Object readMember(String member) throws UnknownIdentifierException {
        Object v = HostView.locked(() -> Attributes.find(this, member));
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        return Foreign.toHost(v);
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isMemberInvocable(String member) {
        return HostView.locked(() -> Attributes.find(this, member) instanceof Object m && Calls.isCallable(m));
    }

    @ExportMessage
    @TruffleBoundary
    final Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException {
        Object m = HostView.locked(() -> Attributes.find(this, member));
        if (m == null) {
            throw UnknownIdentifierException.create(member);
        }
        return Foreign.toHost(HostView.locked(() -> Calls.call(m, HostView.toAio(arguments))));
    }

    /** Interop's contract: a member that exists is modifiable, one that does not is insertable, never both. */
    @ExportMessage
    @TruffleBoundary
    final boolean isMemberModifiable(String member) {
        return HostView.hasWritableMembers(this) && isMemberReadable(member);
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isMemberInsertable(String member) {
        return HostView.hasWritableMembers(this) && !isMemberReadable(member);
    }

    @ExportMessage
    @TruffleBoundary
    final void writeMember(String member, Object value) throws UnsupportedMessageException {
        if (!HostView.hasWritableMembers(this)) {
            throw UnsupportedMessageException.create();
        }
        HostView.locked(() -> {
            Attributes.set(this, member, Foreign.toAio(value));
            return null;
        });
    }

    @ExportMessage
    final boolean hasArrayElements() {
        return this instanceof PyList || this instanceof PyTuple;
    }

    @ExportMessage
    @TruffleBoundary
    final long getArraySize() throws UnsupportedMessageException {
        if (this instanceof PyList l) {
            return l.size();
        }
        if (this instanceof PyTuple t) {
            return t.size();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isArrayElementReadable(long index) {
        return HostView.isIndex(this, index, false);
    }

    @ExportMessage
    @TruffleBoundary
    final Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!HostView.isIndex(this, index, false)) {
            throw InvalidArrayIndexException.create(index);
        }
        return Foreign.toHost(HostView.readElement(this, index));
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isArrayElementModifiable(long index) {
        return this instanceof PyList && HostView.isIndex(this, index, false);
    }

    @ExportMessage
    @TruffleBoundary
    final boolean isArrayElementInsertable(long index) {
        return this instanceof PyList l && index == l.size();
    }

    @ExportMessage
    @TruffleBoundary
    final void writeArrayElement(long index, Object value) throws UnsupportedMessageException, InvalidArrayIndexException {
        if (!(this instanceof PyList l)) {
            throw UnsupportedMessageException.create();
        }
        if (!HostView.isIndex(this, index, true)) {
            throw InvalidArrayIndexException.create(index);
        }
        HostView.locked(() -> {
            HostView.writeElement(l, index, Foreign.toAio(value));
            return null;
        });
    }

    @ExportMessage
    final boolean hasHashEntries() {
        return this instanceof PyDict;
    }

    @ExportMessage
    @TruffleBoundary
    final long getHashSize() throws UnsupportedMessageException {
        if (this instanceof PyDict d) {
            return d.size();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage(name = "isHashEntryReadable")
    @ExportMessage(name = "isHashEntryModifiable")
    @ExportMessage(name = "isHashEntryRemovable")
    @TruffleBoundary
    final boolean isHashEntryPresent(Object key) {
        return this instanceof PyDict d && HostView.locked(() -> d.get(Foreign.toAio(key)) != null);
    }

    @ExportMessage
    final boolean isHashEntryInsertable(Object key) {
        return this instanceof PyDict && !isHashEntryPresent(key);
    }

    @ExportMessage
    @TruffleBoundary
    final Object readHashValue(Object key) throws UnknownKeyException, UnsupportedMessageException {
        if (!(this instanceof PyDict d)) {
            throw UnsupportedMessageException.create();
        }
        Object v = HostView.locked(() -> d.get(Foreign.toAio(key)));
        if (v == null) {
            throw UnknownKeyException.create(key);
        }
        return Foreign.toHost(v);
    }

    @ExportMessage
    @TruffleBoundary
    final void writeHashEntry(Object key, Object value) throws UnsupportedMessageException {
        if (!(this instanceof PyDict d)) {
            throw UnsupportedMessageException.create();
        }
        HostView.locked(() -> {
            d.put(Foreign.toAio(key), Foreign.toAio(value));
            return null;
        });
    }

    @ExportMessage
    @TruffleBoundary
    final void removeHashEntry(Object key) throws UnknownKeyException, UnsupportedMessageException {
        if (!(this instanceof PyDict d)) {
            throw UnsupportedMessageException.create();
        }
        if (HostView.locked(() -> d.remove(Foreign.toAio(key))) == null) {
            throw UnknownKeyException.create(key);
        }
    }

    @ExportMessage
    @TruffleBoundary
    final Object getHashEntriesIterator() throws UnsupportedMessageException {
        if (!(this instanceof PyDict d)) {
            throw UnsupportedMessageException.create();
        }
        return HostView.locked(() -> HostView.entries(d));
    }

    @ExportMessage
    final boolean isException() {
        return this instanceof PyBaseException;
    }

    @ExportMessage
    final RuntimeException throwException() throws UnsupportedMessageException {
        if (this instanceof PyBaseException e) {
            throw HostErrors.toHost(new AioException(e, null));
        }
        throw UnsupportedMessageException.create();
    }
}
