package dev.aio.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * {@code weakref.ref(obj, callback)} (CPython's Objects/weakrefobject.c): refers to {@code obj}
 * without keeping it alive, on a Java {@link WeakReference}. Calling it gives the object, or None
 * once the JVM's garbage collector has reclaimed it. CPython runs the callback the moment the object
 * dies; the JVM only tells afterwards, so aio runs the callbacks of reclaimed objects when it
 * next makes a weak reference ({@link #runCallbacksOfDead}).
 */
public final class PyWeakRef extends SubclassableObject {
    public static final PyType TYPE = new PyType("ReferenceType", "weakref", BuiltinTypes.OBJECT).withModuleInMessages();

    private static final ReferenceQueue<Object> DEAD = new ReferenceQueue<>();

    /** The Java reference, which leads back to its weakref so the callback can be given it. */
    private static final class Referent extends WeakReference<Object> {
        final PyWeakRef owner;

        Referent(Object referent, PyWeakRef owner) {
            super(referent, DEAD);
            this.owner = owner;
        }
    }

    private final Referent referent;
    private final Object callback;
    /** The referent's name for the repr, and its hash once taken (a dead weakref keeps both). */
    private final String referentType;
    private Long hash;

    public PyWeakRef(Object obj, Object callback) {
        this(TYPE, obj, callback);
    }

    /** A weak reference of {@code type}, weakref.ref or a class derived from it. */
    @TruffleBoundary
    public PyWeakRef(PyType type, Object obj, Object callback) {
        super(type);
        if (!canReference(obj)) {
            throw PyErrors.typeError("cannot create weak reference to '" + PyOps.typeName(obj) + "' object");
        }
        this.callback = callback;
        this.referentType = PyOps.typeName(obj);
        this.referent = new Referent(obj, this);
    }

    /**
     * {@code ref.__new__(cls, obj, callback=None)} for {@code cls} a class derived from weakref.ref:
     * the reference is made of the arguments, as CPython's {@code weakref___new__}.
     */
    @TruffleBoundary
    static PyWeakRef ofArguments(PyType cls, Object[] args) {
        if (args.length < 1 || args.length > 2) {
            throw PyErrors.typeError("__new__ expected " + (args.length < 1 ? "at least 1 argument" : "at most 2 arguments") + ", got " + args.length);
        }
        runCallbacksOfDead();
        return new PyWeakRef(cls, args[0], args.length == 2 ? args[1] : PyNone.NONE);
    }

    /** Objects CPython can refer to weakly: not ints, floats, strings, tuples, or plain lists and dicts (their subclasses can). */
    private static boolean canReference(Object obj) {
        if (!(obj instanceof PyObject) || obj == PyNone.NONE || obj instanceof PyTuple || Bytes.isBytesLike(obj)) {
            return false;
        }
        // A deque takes weak references itself (CPython's deque has a weak reference list), as does any instance with a __dict__.
        if (obj instanceof BuiltinSubclassInstance b && !(obj instanceof PyDeque)) {
            return b.instanceDict() != null;
        }
        return true;
    }

    /** The object, or None when it is gone. */
    public Object get() {
        Object o = referent.get();
        return o == null ? PyNone.NONE : o;
    }

    /** {@code ref.__callback__}: None once the object is gone (CPython drops it then too). */
    public Object callback() {
        return callback == null || referent.get() == null ? PyNone.NONE : callback;
    }

    /** Runs the callbacks of the weak references whose objects the garbage collector has reclaimed, each given its weakref. */
    @TruffleBoundary
    public static void runCallbacksOfDead() {
        for (Object r = DEAD.poll(); r != null; r = DEAD.poll()) {
            PyWeakRef ref = ((Referent) r).owner;
            if (ref.callback != null && ref.callback != PyNone.NONE) {
                Calls.call(ref.callback, ref);
            }
        }
    }

    /** {@code hash(ref)}: the object's hash, remembered so that the weakref stays a usable key after the object is gone. */
    @TruffleBoundary
    public long hash() {
        if (hash == null) {
            Object o = referent.get();
            if (o == null) {
                throw PyErrors.typeError("weak object has gone away");
            }
            hash = PyOps.hash(o);
        }
        return hash;
    }

    /** {@code ref == other}: the objects compare equal while both are alive, else the weakrefs must be the same one. */
    @TruffleBoundary
    public boolean equalTo(Object other) {
        if (!(other instanceof PyWeakRef r)) {
            return false;
        }
        Object a = referent.get();
        Object b = r.referent.get();
        return a == null || b == null ? this == r : PyOps.eq(a, b);
    }

    @Override
    public boolean equals(Object other) {
        return equalTo(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash());
    }

    @Override
    @TruffleBoundary
    public String repr() {
        Object o = referent.get();
        String target = o == null ? "dead" : "to '" + referentType + "' at " + Ids.address(o);
        return "<weakref at " + Ids.address(this) + "; " + target + ">";
    }

}
