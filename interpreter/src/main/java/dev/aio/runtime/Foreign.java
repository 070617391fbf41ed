package dev.aio.runtime;

import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import dev.aio.AioContext;

/**
 * Values of the host (Java objects an embedder passes in) and of other languages, as aio code
 * uses them: attributes, calls, subscripts, {@code len}, iteration and {@code repr}, through
 * interop. What such a value returns is converted to aio values ({@link #toAio}).
 */
public final class Foreign {
    /** The type aio code sees for every foreign value. */
    public static final PyType TYPE = new PyType("foreign", "polyglot");

    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private Foreign() {
    }

    public static boolean is(Object o) {
        return o instanceof TruffleObject && !(o instanceof PyObject);
    }

    /** A value coming from the host as the aio value it stands for: Java's int is an aio int, null is None. */
    @TruffleBoundary
    public static Object toAio(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v == null) {
            return PyNone.NONE;
        }
        if (v instanceof HostBigInteger big) {
            return big.value;
        }
        if (v instanceof AioException e) {
            // An aio exception the host caught (a PolyglotException's guest object), handed back.
            return e.getException();
        }
        if (!is(v)) {
            return v;
        }
        TruffleLanguage.Env env = AioContext.get(null).getEnv();
        if (env.isHostObject(v)) {
            Object host = env.asHostObject(v);
            if (host instanceof BigInteger big) {
                // A Java BigInteger is an int, as GraalPy makes it one.
                return Numbers.normalize(big);
            }
            if (host instanceof Throwable t && AioContext.get(null).escapedJavaExceptions().get(t) instanceof PyBaseException escaped) {
                return escaped;
            }
        }
        try {
            if (INTEROP.isNull(v)) {
                return PyNone.NONE;
            }
            if (INTEROP.isBoolean(v)) {
                return INTEROP.asBoolean(v);
            }
            if (INTEROP.isString(v)) {
                return INTEROP.asString(v);
            }
            if (INTEROP.isNumber(v)) {
                if (INTEROP.fitsInLong(v)) {
                    return INTEROP.asLong(v);
                }
                if (INTEROP.fitsInDouble(v)) {
                    return INTEROP.asDouble(v);
                }
                if (INTEROP.fitsInBigInteger(v)) {
                    return Numbers.normalize(INTEROP.asBigInteger(v));
                }
            }
        } catch (UnsupportedMessageException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    /**
     * An aio value handed to the host (or another language): interop has no place for a plain
     * {@link BigInteger}, so an int beyond 64 bits travels as an interop big integer.
     */
    public static Object toHost(Object v) {
        return v instanceof BigInteger big ? new HostBigInteger(big) : v;
    }

    static Object[] toHost(Object[] args) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof BigInteger) {
                if (out == args) {
                    out = args.clone();
                }
                out[i] = toHost(args[i]);
            }
        }
        return out;
    }

    /** A foreign class or type ({@code java.type(...)}, a Java {@code Class} handed in): what {@code except} may name. */
    @TruffleBoundary
    public static boolean isJavaClass(Object o) {
        return is(o) && INTEROP.isMetaObject(o);
    }

    @TruffleBoundary
    public static boolean isInstance(Object type, Object value) {
        try {
            return INTEROP.isMetaInstance(type, value);
        } catch (UnsupportedMessageException e) {
            return false;
        }
    }

    /** {@code obj.name}, or {@code null} when the object has no such readable member. */
    @TruffleBoundary
    public static Object find(Object obj, String name) {
        if (!INTEROP.isMemberReadable(obj, name)) {
            return null;
        }
        try {
            return toAio(INTEROP.readMember(obj, name));
        } catch (AbstractTruffleException e) {
            throw HostErrors.toAio(e);
        } catch (InteropException e) {
            return null;
        }
    }

    @TruffleBoundary
    public static void set(Object obj, String name, Object value) {
        try {
            INTEROP.writeMember(obj, name, toHost(value));
        } catch (AbstractTruffleException e) {
            throw HostErrors.toAio(e);
        } catch (UnknownIdentifierException | UnsupportedMessageException e) {
            throw PyErrors.raise(BuiltinTypes.ATTRIBUTE_ERROR, "cannot set attribute '" + name + "' of " + repr(obj));
        } catch (InteropException e) {
            throw PyErrors.typeError("cannot set attribute '" + name + "' of " + repr(obj) + ": " + e.getMessage());
        }
    }

    @TruffleBoundary
    public static boolean isCallable(Object obj) {
        return INTEROP.isExecutable(obj) || INTEROP.isInstantiable(obj);
    }

    /** Calls a foreign function (or a class: makes an instance); foreign calls take no keyword arguments. */
    @TruffleBoundary
    public static Object call(Object callee, Object[] args, String[] kwNames) {
        if (kwNames != null && kwNames.length > 0) {
            throw PyErrors.typeError(repr(callee) + " takes no keyword arguments");
        }
        try {
            if (INTEROP.isExecutable(callee)) {
                return toAio(INTEROP.execute(callee, toHost(args)));
            }
            if (INTEROP.isInstantiable(callee)) {
                return toAio(INTEROP.instantiate(callee, toHost(args)));
            }
        } catch (AbstractTruffleException e) {
            throw HostErrors.toAio(e);
        } catch (ArityException e) {
            throw PyErrors.typeError(repr(callee) + ": " + e.getMessage());
        } catch (InteropException e) {
            throw PyErrors.typeError("cannot call " + repr(callee) + " with these arguments: " + e.getMessage());
        }
        throw PyErrors.typeError("'foreign' object is not callable: " + repr(callee));
    }

    /** {@code obj[key]}: an array element (an int index, negative from the end), a slice of an array (a list), or a hash entry. */
    @TruffleBoundary
    public static Object getItem(Object obj, Object key) {
        try {
            if (key instanceof PySlice slice && INTEROP.hasArrayElements(obj)) {
                int[] range = slice.indices((int) INTEROP.getArraySize(obj));
                Object[] items = new Object[range[3]];
                for (int i = 0, at = range[0]; i < items.length; i++, at += range[2]) {
                    items[i] = toAio(INTEROP.readArrayElement(obj, at));
                }
                return new PyList(items);
            }
            if (INTEROP.hasArrayElements(obj)) {
                return toAio(INTEROP.readArrayElement(obj, arrayIndex(obj, key)));
            }
            if (INTEROP.hasHashEntries(obj)) {
                if (!INTEROP.isHashEntryReadable(obj, toHost(key))) {
                    throw PyErrors.keyError(key);
                }
                return toAio(INTEROP.readHashValue(obj, toHost(key)));
            }
        } catch (AbstractTruffleException e) {
            throw HostErrors.toAio(e);
        } catch (InteropException e) {
            throw PyErrors.keyError(key);
        }
        throw PyErrors.typeError("'foreign' object is not subscriptable: " + repr(obj));
    }

    @TruffleBoundary
    public static void setItem(Object obj, Object key, Object value) {
        try {
            if (INTEROP.hasArrayElements(obj)) {
                INTEROP.writeArrayElement(obj, arrayIndex(obj, key), toHost(value));
                return;
            }
            if (INTEROP.hasHashEntries(obj)) {
                INTEROP.writeHashEntry(obj, toHost(key), toHost(value));
                return;
            }
        } catch (AbstractTruffleException e) {
            throw HostErrors.toAio(e);
        } catch (InteropException e) {
            throw PyErrors.typeError("cannot set item " + PyOps.repr(key) + " of " + repr(obj) + ": " + e.getMessage());
        }
        throw PyErrors.typeError("'foreign' object does not support item assignment: " + repr(obj));
    }

    private static long arrayIndex(Object obj, Object key) throws UnsupportedMessageException {
        if (!(key instanceof Long i)) {
            throw PyErrors.typeError("foreign array indices must be integers, not " + PyOps.typeName(key));
        }
        long size = INTEROP.getArraySize(obj);
        long index = i < 0 ? i + size : i;
        if (index < 0 || index >= size) {
            throw PyErrors.indexError("foreign array index out of range");
        }
        return index;
    }

    @TruffleBoundary
    public static boolean hasHashEntries(Object obj) {
        return INTEROP.hasHashEntries(obj);
    }

    @TruffleBoundary
    public static boolean hasArrayElements(Object obj) {
        return INTEROP.hasArrayElements(obj);
    }

    /** A foreign map's entries, now, as an aio dict ({@code dict(java_map)}, its keys, values and items). */
    @TruffleBoundary
    public static PyDict toDict(Object obj) {
        PyDict d = new PyDict();
        try {
            Object entries = INTEROP.getHashEntriesIterator(obj);
            while (INTEROP.hasIteratorNextElement(entries)) {
                Object entry = INTEROP.getIteratorNextElement(entries);
                d.put(toAio(INTEROP.readArrayElement(entry, 0)), toAio(INTEROP.readArrayElement(entry, 1)));
            }
        } catch (AbstractTruffleException e) {
            throw HostErrors.toAio(e);
        } catch (InteropException e) {
            throw PyErrors.typeError("cannot read the entries of " + repr(obj) + ": " + e.getMessage());
        }
        return d;
    }

    /** A foreign array's elements, now, as an aio list. */
    @TruffleBoundary
    public static PyList toList(Object obj) {
        return (PyList) getItem(obj, new PySlice(PyNone.NONE, PyNone.NONE, PyNone.NONE));
    }

    /** {@code map.get(key, default)} of a foreign map. */
    @TruffleBoundary
    public static Object get(Object obj, Object key, Object dflt) {
        try {
            return INTEROP.isHashEntryReadable(obj, toHost(key)) ? toAio(INTEROP.readHashValue(obj, toHost(key))) : dflt;
        } catch (AbstractTruffleException e) {
            throw HostErrors.toAio(e);
        } catch (InteropException e) {
            return dflt;
        }
    }

    /** {@code len(obj)}, or -1 when the value has no length. */
    @TruffleBoundary
    public static long len(Object obj) {
        try {
            if (INTEROP.hasArrayElements(obj)) {
                return INTEROP.getArraySize(obj);
            }
            if (INTEROP.hasHashEntries(obj)) {
                return INTEROP.getHashSize(obj);
            }
        } catch (UnsupportedMessageException e) {
            throw new IllegalStateException(e);
        }
        return -1;
    }

    /** Iterates an array's elements, a map's keys, or any interop iterable; {@code null} when it is none of them. */
    @TruffleBoundary
    public static PyIterator iter(Object obj) {
        try {
            Object iterator;
            if (INTEROP.hasHashEntries(obj)) {
                iterator = INTEROP.getHashKeysIterator(obj);
            } else if (INTEROP.hasIterator(obj)) {
                iterator = INTEROP.getIterator(obj);
            } else {
                return null;
            }
            return new ForeignIterator(iterator);
        } catch (AbstractTruffleException e) {
            throw HostErrors.toAio(e);
        } catch (UnsupportedMessageException e) {
            return null;
        }
    }

    /** What the value says it is: Java's {@code toString()} for a host object (as GraalPy's str and repr), its display string for others. */
    @TruffleBoundary
    public static String repr(Object obj) {
        TruffleLanguage.Env env = AioContext.get(null).getEnv();
        if (env.isHostObject(obj) && !(env.asHostObject(obj) instanceof Class)) {
            try {
                return String.valueOf(env.asHostObject(obj));
            } catch (RuntimeException e) {
                return "<foreign object>";
            }
        }
        try {
            return INTEROP.asString(INTEROP.toDisplayString(obj, true));
        } catch (UnsupportedMessageException | AbstractTruffleException e) {
            return "<foreign object>";
        }
    }

    /** An interop iterator as an aio iterator. */
    private static final class ForeignIterator extends PyIterator {
        private final Object iterator;

        ForeignIterator(Object iterator) {
            this.iterator = iterator;
        }

        @Override
        public Object next() {
            try {
                if (!INTEROP.hasIteratorNextElement(iterator)) {
                    return null;
                }
                return toAio(INTEROP.getIteratorNextElement(iterator));
            } catch (AbstractTruffleException e) {
                throw HostErrors.toAio(e);
            } catch (InteropException e) {
                return null;
            }
        }

        @Override
        public PyType getPyType() {
            return TYPE;
        }
    }
}
