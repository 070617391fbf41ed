package dev.aio.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** {@code x[i]}, {@code x[a:b:c]}, {@code x[i] = v} and {@code del x[i]} on the builtin containers. */
public final class Subscripts {
    private Subscripts() {
    }

    @TruffleBoundary
    public static Object getItem(Object container, Object index) {
        if (SpecialMethods.isUserObject(container)) {
            Object r = SpecialMethods.call(container, "__getitem__", index);
            if (r != SpecialMethods.NOT_DEFINED) {
                return r;
            }
        }
        return builtinGetItem(container, index);
    }

    /** {@code dict.__getitem__} and friends: the builtin containers' subscript, whatever a subclass overrides. */
    @TruffleBoundary
    public static Object builtinGetItem(Object container, Object index) {
        if (Foreign.is(container)) {
            return Foreign.getItem(container, index);
        }
        if (container instanceof PyDict d) {
            Object v = d.get(index);
            if (v == null) {
                if (d.getPyType() != BuiltinTypes.DICT) {
                    // A subclass of dict may say what a missing key gives (defaultdict, Counter).
                    Object r = SpecialMethods.call(d, "__missing__", index);
                    if (r != SpecialMethods.NOT_DEFINED) {
                        return r;
                    }
                }
                throw PyErrors.keyError(index);
            }
            return v;
        }
        if (container instanceof PyList l) {
            if (index instanceof PySlice s) {
                return new PyList(sliceArray(l.toArray(), s));
            }
            return l.get(normalizeIndex(index, l.size(), "list"));
        }
        if (container instanceof PyDeque d) {
            return d.get(dequeIndex(d, index));
        }
        if (container instanceof PyTuple t) {
            if (index instanceof PySlice s) {
                return new PyTuple(sliceArray(t.items(), s));
            }
            return t.get(normalizeIndex(index, t.size(), "tuple"));
        }
        if (container instanceof String str) {
            return Strings.getItem(str, index);
        }
        if (container instanceof PyValueInstance v) {
            return builtinGetItem(v.value(), index);
        }
        if (container instanceof PyBytesLike b) {
            return Bytes.getItem(b, index);
        }
        if (container instanceof PyMemoryView m) {
            return Bytes.getItem(m, index);
        }
        if (container instanceof PyRange r) {
            if (index instanceof PySlice) {
                throw PyErrors.typeError("range slicing is not supported by aio");
            }
            long i = normalizeIndex(index, (int) Math.min(r.length(), Integer.MAX_VALUE), "range object");
            return r.start + i * r.step;
        }
        if (container instanceof PyType t) {
            if (t.lookup("__class_getitem__") instanceof PyDescriptors.ClassMethod cm) {
                return Calls.call(cm.function, t, index);
            }
            if (!t.isUserDefined()) {
                return new PyGenericAlias(t, index);
            }
            // aio lets any class be subscripted in annotations (Stack[int]); it stands for the class itself.
            return container;
        }
        Object builtin = SpecialMethods.callBuiltin(container, "__getitem__", index);
        if (builtin != SpecialMethods.NOT_DEFINED) {
            return builtin;
        }
        throw PyErrors.typeError("'" + PyOps.typeName(container) + "' object is not subscriptable");
    }

    @TruffleBoundary
    public static void setItem(Object container, Object index, Object value) {
        if (SpecialMethods.isUserObject(container) && SpecialMethods.call(container, "__setitem__", index, value) != SpecialMethods.NOT_DEFINED) {
            return;
        }
        builtinSetItem(container, index, value);
    }

    @TruffleBoundary
    public static void builtinSetItem(Object container, Object index, Object value) {
        if (Foreign.is(container)) {
            Foreign.setItem(container, index, value);
            return;
        }
        if (container instanceof PyDeque q) {
            q.set(dequeIndex(q, index), value);
            return;
        }
        if (container instanceof PyDict d) {
            d.put(index, value);
            return;
        }
        if (container instanceof PyList l) {
            if (index instanceof PySlice s) {
                setSlice(l, s, Iteration.toArray(value));
                return;
            }
            l.set(normalizeIndex(index, l.size(), "list assignment"), value);
            return;
        }
        if (container instanceof PyByteArray b) {
            Bytes.setItem(b, index, value);
            return;
        }
        if (container instanceof PyMemoryView m) {
            Bytes.setItem(m, index, value);
            return;
        }
        throw PyErrors.typeError("'" + PyOps.typeName(container) + "' object does not support item assignment");
    }

    @TruffleBoundary
    public static void delItem(Object container, Object index) {
        if (SpecialMethods.isUserObject(container) && SpecialMethods.call(container, "__delitem__", index) != SpecialMethods.NOT_DEFINED) {
            return;
        }
        builtinDelItem(container, index);
    }

    @TruffleBoundary
    public static void builtinDelItem(Object container, Object index) {
        if (container instanceof PyDeque q) {
            int i = dequeIndex(q, index);
            List<Object> items = new ArrayList<>(Arrays.asList(q.toArray()));
            items.remove(i);
            q.setAll(items.toArray());
            return;
        }
        if (container instanceof PyDict d) {
            if (d.remove(index) == null) {
                throw PyErrors.keyError(index);
            }
            return;
        }
        if (container instanceof PyList l) {
            if (index instanceof PySlice s) {
                int[] r = s.indices(l.size());
                ArrayList<Object> kept = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    if (!inSlice(i, r)) {
                        kept.add(l.get(i));
                    }
                }
                l.items().clear();
                l.items().addAll(kept);
                return;
            }
            l.items().remove(normalizeIndex(index, l.size(), "list assignment"));
            return;
        }
        if (container instanceof PyByteArray b) {
            Bytes.delItem(b, index);
            return;
        }
        throw PyErrors.typeError("'" + PyOps.typeName(container) + "' object doesn't support item deletion");
    }

    private static boolean inSlice(int i, int[] r) {
        int start = r[0];
        int step = r[2];
        int count = r[3];
        int offset = i - start;
        return offset % step == 0 && offset / step >= 0 && offset / step < count;
    }

    private static void setSlice(PyList l, PySlice s, Object[] values) {
        int[] r = s.indices(l.size());
        if (r[2] == 1) {
            int start = r[0];
            int stop = Math.max(start, r[1]);
            ArrayList<Object> items = l.items();
            items.subList(start, stop).clear();
            items.addAll(start, Arrays.asList(values));
            return;
        }
        if (values.length != r[3]) {
            throw PyErrors.valueError("attempt to assign sequence of size " + values.length + " to extended slice of size " + r[3]);
        }
        for (int k = 0; k < r[3]; k++) {
            l.set(r[0] + k * r[2], values[k]);
        }
    }

    public static Object[] sliceArray(Object[] items, PySlice s) {
        int[] r = s.indices(items.length);
        Object[] out = new Object[r[3]];
        for (int k = 0; k < r[3]; k++) {
            out[k] = items[r[0] + k * r[2]];
        }
        return out;
    }

    private static int dequeIndex(PyDeque d, Object index) {
        if (!(index instanceof Long) && !(index instanceof Boolean) && !(index instanceof BigInteger)) {
            throw PyErrors.typeError("sequence index must be integer, not '" + PyOps.typeName(index) + "'");
        }
        return normalizeIndex(index, d.size(), "deque");
    }

    /** Checks an index for a sequence of the given size, counting negatives from the end. */
    public static int normalizeIndex(Object index, int size, String what) {
        long i;
        if (index instanceof Long l) {
            i = l;
        } else if (index instanceof Boolean b) {
            i = b ? 1 : 0;
        } else if (index instanceof BigInteger) {
            throw PyErrors.indexError("cannot fit 'int' into an index-sized integer");
        } else if (SpecialMethods.lookup(index, "__index__") != null) {
            return normalizeIndex(SpecialMethods.call(index, "__index__"), size, what);
        } else if (index instanceof PyValueInstance v && Numbers.isInt(v.value())) {
            return normalizeIndex(v.value(), size, what);
        } else {
            String kind = what.startsWith("list") ? "list" : what;
            throw PyErrors.typeError(kind + " indices must be integers or slices, not " + PyOps.typeName(index));
        }
        if (i < 0) {
            i += size;
        }
        if (i < 0 || i >= size) {
            throw PyErrors.indexError(what + " index out of range");
        }
        return (int) i;
    }
}
