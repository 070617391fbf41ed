package dev.aio.runtime;

import java.util.ArrayList;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** {@code iter(x)} and the iteration of builtin iterables. */
public final class Iteration {
    private Iteration() {
    }

    /** An iterator defined in aio code: {@code __next__} until it raises StopIteration. */
    private static final class UserIterator extends PyIterator {
        private final Object iterator;

        UserIterator(Object iterator) {
            this.iterator = iterator;
        }

        @Override
        public Object next() {
            try {
                return SpecialMethods.call(iterator, "__next__");
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                    return null;
                }
                throw e;
            }
        }
    }

    /** The iterator of {@code o} as Java iterates it (a {@code for} loop, unpacking, builtins). */
    @TruffleBoundary
    public static PyIterator iter(Object o) {
        Object it = iterator(o);
        return it instanceof PyIterator pi && !overridesNext(pi) ? pi : new UserIterator(it);
    }

    /** An instance of a class derived from a builtin iterator ({@code class E(enumerate)}) whose {@code __next__} is its own. */
    public static boolean overridesNext(PyIterator it) {
        return it instanceof BuiltinSubclassInstance && SpecialMethods.lookup(it, "__next__") != null;
    }

    /**
     * What {@code iter(o)} returns: the object {@code o.__iter__()} returns, as it is (so
     * {@code iter(x) is x} for an iterator whose {@code __iter__} returns itself, as in CPython),
     * or the iterator of a builtin iterable.
     */
    @TruffleBoundary
    public static Object iterator(Object o) {
        if (SpecialMethods.isUserObject(o)) {
            Object it = SpecialMethods.call(o, "__iter__");
            if (it != SpecialMethods.NOT_DEFINED) {
                if (!(it instanceof PyIterator) && SpecialMethods.lookup(it, "__next__") == null) {
                    throw PyErrors.typeError("iter() returned non-iterator of type '" + PyOps.typeName(it) + "'");
                }
                return it;
            }
        }
        PyIterator builtin = builtinIter(o);
        if (builtin == null && SpecialMethods.isUserObject(o) && SpecialMethods.lookup(o, "__getitem__") != null) {
            // The old sequence protocol: __getitem__(0), (1)... (CPython's PySeqIter).
            return new PyIterator.SequenceIterator(o);
        }
        if (builtin == null) {
            throw PyErrors.typeError("'" + PyOps.typeName(o) + "' object is not iterable");
        }
        return builtin;
    }

    /** The iterator of a builtin iterable (also of an instance of a subclass), or {@code null}. */
    @TruffleBoundary
    public static PyIterator builtinIter(Object o) {
        if (Foreign.is(o)) {
            return Foreign.iter(o);
        }
        if (o instanceof PyList l) {
            return new PyIterator.ListIterator(l);
        }
        if (o instanceof PyTuple t) {
            return new PyIterator.ArrayIterator(t.items(), BuiltinTypes.TUPLE_ITERATOR);
        }
        if (o instanceof PyRange r) {
            return new PyIterator.RangeIterator(r);
        }
        if (o instanceof String s) {
            return new PyIterator.StringIterator(s);
        }
        if (o instanceof PyValueInstance v && v.value() instanceof String s) {
            return new PyIterator.StringIterator(s);
        }
        if (o instanceof PyBytesLike b) {
            return new Bytes.ByteIterator(b);
        }
        if (o instanceof PyMemoryView m) {
            return new Bytes.ByteIterator(new PyBytes(m.toArray()), BuiltinTypes.MEMORY_ITERATOR);
        }
        if (o instanceof PyDict d) {
            return new PyIterator.ArrayIterator(d.keys(), BuiltinTypes.DICT_KEY_ITERATOR);
        }
        if (o instanceof PySet s) {
            return new PyIterator.ArrayIterator(s.toArray(), BuiltinTypes.SET_ITERATOR);
        }
        if (o instanceof PyDictView v) {
            return new PyIterator.ArrayIterator(v.snapshot(), switch (v.kind()) {
                case KEYS -> BuiltinTypes.DICT_KEY_ITERATOR;
                case VALUES -> BuiltinTypes.DICT_VALUE_ITERATOR;
                case ITEMS -> BuiltinTypes.DICT_ITEM_ITERATOR;
            });
        }
        if (o instanceof PyIterator it) {
            return it;
        }
        if (o instanceof PyDeque d) {
            return new PyDeque.Iterator(d, false);
        }
        if (SpecialMethods.callBuiltin(o, "__iter__") instanceof PyIterator it) {
            return it;
        }
        return null;
    }

    /** All items of an iterable, for unpacking, {@code list(x)}, {@code f(*x)}. */
    @TruffleBoundary
    public static Object[] toArray(Object o) {
        if (o instanceof PyTuple t && (t.getPyType() == BuiltinTypes.TUPLE || SpecialMethods.lookup(t, "__iter__") == null)) {
            return t.items();
        }
        if (o instanceof PyList l && (l.getPyType() == BuiltinTypes.LIST || SpecialMethods.lookup(l, "__iter__") == null)) {
            return l.toArray();
        }
        if (o instanceof PyDeque d && (d.getPyType() == BuiltinTypes.DEQUE || SpecialMethods.lookup(d, "__iter__") == null)) {
            return d.toArray();
        }
        if (o instanceof PyRange r) {
            PyErrors.checkedLength(r.length());
        }
        ArrayList<Object> items = new ArrayList<>();
        PyIterator it = iter(o);
        for (Object x = it.next(); x != null; x = it.next()) {
            items.add(x);
        }
        return items.toArray();
    }
}
