package dev.aio.runtime;

import java.math.BigInteger;
import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The sequence protocol of bytes, bytearray and memoryview (CPython's buffer protocol): the
 * operators, subscripts and iteration the interpreter applies to them, with CPython's errors.
 */
public final class Bytes {
    private Bytes() {
    }

    /** The bytes of a bytes-like object (bytes, bytearray, memoryview), copied; {@code null} for anything else. */
    @TruffleBoundary
    public static byte[] bufferOf(Object o) {
        if (o instanceof PyBytesLike b) {
            return b.toArray();
        }
        if (o instanceof PyMemoryView m) {
            return m.toArray();
        }
        return null;
    }

    /** The bytes of a bytes-like object, or CPython's TypeError. */
    @TruffleBoundary
    public static byte[] requireBuffer(Object o) {
        byte[] b = bufferOf(o);
        if (b == null) {
            throw PyErrors.typeError("a bytes-like object is required, not '" + PyOps.typeName(o) + "'");
        }
        return b;
    }

    public static boolean isBytesLike(Object o) {
        return o instanceof PyBytesLike || o instanceof PyMemoryView;
    }

    /** An int usable as one byte, as {@code bytearray.append} and {@code bytes([...])} check it. */
    @TruffleBoundary
    public static int byteValue(Object value, String rangeMessage) {
        Object o = PyValueInstance.unwrapInt(value);
        long v;
        if (o instanceof Long l) {
            v = l;
        } else if (o instanceof Boolean b) {
            v = b ? 1 : 0;
        } else if (o instanceof BigInteger) {
            v = -1;
        } else if (SpecialMethods.lookup(o, "__index__") != null) {
            return byteValue(SpecialMethods.call(o, "__index__"), rangeMessage);
        } else {
            throw PyErrors.typeError("'" + PyOps.typeName(o) + "' object cannot be interpreted as an integer");
        }
        if (v < 0 || v > 255) {
            throw PyErrors.valueError(rangeMessage);
        }
        return (int) v;
    }

    /**
     * The content of {@code bytes(x)} / {@code bytearray(x)} for one argument: a count of zero bytes,
     * a bytes-like object's bytes, or an iterable of ints.
     */
    @TruffleBoundary
    public static byte[] fromObject(Object x, String typeName) {
        if (x instanceof String) {
            throw PyErrors.typeError("string argument without an encoding");
        }
        byte[] buffer = bufferOf(x);
        if (buffer != null) {
            return buffer;
        }
        if (x instanceof Long || x instanceof Boolean || x instanceof BigInteger) {
            long n = x instanceof Long l ? l : x instanceof Boolean b ? (b ? 1 : 0) : Long.MAX_VALUE;
            if (x instanceof BigInteger big && big.signum() < 0) {
                n = -1;
            }
            if (n < 0) {
                throw PyErrors.valueError("negative count");
            }
            return new byte[PyErrors.checkedLength(n)];
        }
        if (!(x instanceof PyObject) || Iteration.builtinIter(x) == null && SpecialMethods.lookup(x, "__iter__") == null) {
            throw PyErrors.typeError("cannot convert '" + PyOps.typeName(x) + "' object to " + typeName);
        }
        Object[] items = Iteration.toArray(x);
        byte[] out = new byte[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = (byte) byteValue(items[i], "bytes must be in range(0, 256)");
        }
        return out;
    }

    /** {@code a + b} with {@code a} bytes or bytearray: a new object of a's type. */
    @TruffleBoundary
    public static PyBytesLike concat(PyBytesLike a, Object b) {
        byte[] right = bufferOf(b);
        if (right == null) {
            throw PyErrors.typeError("can't concat " + PyOps.typeName(b) + " to " + PyOps.typeName(a));
        }
        byte[] r = Arrays.copyOf(a.array(), PyErrors.checkedLength((long) a.length() + right.length));
        System.arraycopy(right, 0, r, a.length(), right.length);
        return a.make(r);
    }

    @TruffleBoundary
    public static PyBytesLike repeat(PyBytesLike a, long n) {
        int len = a.length();
        long total = n <= 0 || len == 0 ? 0 : n > Integer.MAX_VALUE ? Long.MAX_VALUE : len * n;
        byte[] r = new byte[PyErrors.checkedLength(total)];
        for (int at = 0; at < r.length; at += len) {
            System.arraycopy(a.array(), 0, r, at, len);
        }
        return a.make(r);
    }

    /** Orders two byte sequences as CPython does: unsigned bytes, then length. */
    public static int compare(PyBytesLike a, PyBytesLike b) {
        return Arrays.compareUnsigned(a.array(), 0, a.length(), b.array(), 0, b.length());
    }

    /** {@code a == b} for two objects at least one of which is bytes-like. */
    @TruffleBoundary
    public static boolean equal(Object a, Object b) {
        byte[] x = bufferOf(a);
        byte[] y = bufferOf(b);
        return x != null && y != null && Arrays.equals(x, y);
    }

    /** {@code item in b}: an int is looked for as a byte, a bytes-like object as a subsequence. */
    @TruffleBoundary
    public static boolean contains(PyBytesLike b, Object item) {
        byte[] needle;
        if (item instanceof Long || item instanceof Boolean || item instanceof BigInteger) {
            needle = new byte[]{(byte) byteValue(item, "byte must be in range(0, 256)")};
        } else {
            needle = requireBuffer(item);
        }
        return indexOf(b.array(), b.length(), needle, 0, b.length()) >= 0;
    }

    /** The first index of {@code needle} within {@code hay[from, to)}, or -1. */
    public static int indexOf(byte[] hay, int hayLength, byte[] needle, int from, int to) {
        int end = Math.min(to, hayLength) - needle.length;
        for (int i = Math.max(from, 0); i <= end; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The last index of {@code needle} within {@code hay[from, to)}, or -1. */
    public static int lastIndexOf(byte[] hay, int hayLength, byte[] needle, int from, int to) {
        for (int i = Math.min(to, hayLength) - needle.length; i >= Math.max(from, 0); i--) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int index(Object value, int size, String kind, String outOfRange) {
        Object index = PyValueInstance.unwrapInt(value);
        if (!(index instanceof Long || index instanceof Boolean || index instanceof BigInteger) && SpecialMethods.lookup(index, "__index__") == null) {
            throw PyErrors.typeError(kind + " indices must be integers or slices, not " + PyOps.typeName(index));
        }
        try {
            return Subscripts.normalizeIndex(index, size, "");
        } catch (AioException e) {
            throw PyErrors.indexError(outOfRange);
        }
    }

    @TruffleBoundary
    public static Object getItem(PyBytesLike b, Object index) {
        if (index instanceof PySlice s) {
            int[] r = s.indices(b.length());
            byte[] out = new byte[r[3]];
            for (int k = 0; k < r[3]; k++) {
                out[k] = b.array()[r[0] + k * r[2]];
            }
            return b.make(out);
        }
        boolean isBytes = b instanceof PyBytes;
        return (long) b.get(index(index, b.length(), isBytes ? "byte" : "bytearray", isBytes ? "index out of range" : "bytearray index out of range"));
    }

    @TruffleBoundary
    public static Object getItem(PyMemoryView m, Object index) {
        if (index instanceof PySlice s) {
            int[] r = s.indices(m.length());
            if (r[2] == 1) {
                return new PyMemoryView(m.source(), m.start() + r[0], r[3]);
            }
            byte[] all = m.toArray();
            byte[] out = new byte[r[3]];
            for (int k = 0; k < r[3]; k++) {
                out[k] = all[r[0] + k * r[2]];
            }
            return new PyMemoryView(m.isReadOnly() ? new PyBytes(out) : new PyByteArray(out), 0, out.length);
        }
        if (!(index instanceof Long || index instanceof Boolean)) {
            throw PyErrors.typeError("memoryview: invalid slice key");
        }
        return (long) m.source().get(m.start() + index(index, m.length(), "memoryview", "index out of bounds on dimension 1"));
    }

    @TruffleBoundary
    public static void setItem(PyByteArray b, Object index, Object value) {
        if (index instanceof PySlice s) {
            byte[] values = value instanceof Long ? null : bufferOf(value);
            if (values == null) {
                if (value instanceof Long || value instanceof Boolean || value instanceof String) {
                    throw PyErrors.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
                }
                values = fromObject(value, "bytearray");
            }
            int[] r = s.indices(b.length());
            if (r[2] == 1) {
                b.replace(r[0], Math.max(r[0], r[1]), values);
                return;
            }
            if (values.length != r[3]) {
                throw PyErrors.valueError("attempt to assign bytes of size " + values.length + " to extended slice of size " + r[3]);
            }
            for (int k = 0; k < r[3]; k++) {
                b.set(r[0] + k * r[2], values[k] & 0xff);
            }
            return;
        }
        int i = index(index, b.length(), "bytearray", "bytearray index out of range");
        b.set(i, byteValue(value, "byte must be in range(0, 256)"));
    }

    @TruffleBoundary
    public static void setItem(PyMemoryView m, Object index, Object value) {
        if (m.isReadOnly()) {
            throw PyErrors.typeError("cannot modify read-only memory");
        }
        PyByteArray target = (PyByteArray) m.source();
        if (index instanceof PySlice s) {
            int[] r = s.indices(m.length());
            byte[] values = requireBuffer(value);
            if (values.length != r[3]) {
                throw PyErrors.valueError("memoryview assignment: lvalue and rvalue have different structures");
            }
            for (int k = 0; k < r[3]; k++) {
                target.set(m.start() + r[0] + k * r[2], values[k] & 0xff);
            }
            return;
        }
        if (!(index instanceof Long || index instanceof Boolean)) {
            throw PyErrors.typeError("memoryview: invalid slice key");
        }
        int i = index(index, m.length(), "memoryview", "index out of bounds on dimension 1");
        if (!(value instanceof Long || value instanceof Boolean)) {
            throw PyErrors.typeError("memoryview: invalid type for format 'B'");
        }
        long v = value instanceof Long l ? l : ((Boolean) value ? 1 : 0);
        if (v < 0 || v > 255) {
            throw PyErrors.valueError("memoryview: invalid value for format 'B'");
        }
        target.set(m.start() + i, (int) v);
    }

    @TruffleBoundary
    public static void delItem(PyByteArray b, Object index) {
        if (index instanceof PySlice s) {
            int[] r = s.indices(b.length());
            if (r[2] == 1) {
                b.replace(r[0], Math.max(r[0], r[1]), new byte[0]);
                return;
            }
            byte[] kept = new byte[b.length() - r[3]];
            int n = 0;
            for (int i = 0; i < b.length(); i++) {
                int offset = i - r[0];
                boolean removed = offset % r[2] == 0 && offset / r[2] >= 0 && offset / r[2] < r[3];
                if (!removed) {
                    kept[n++] = b.array()[i];
                }
            }
            b.setContent(kept);
            return;
        }
        int i = index(index, b.length(), "bytearray", "bytearray index out of range");
        b.replace(i, i + 1, new byte[0]);
    }

    /** Iterates the bytes as ints, seeing a bytearray's changes made during iteration as CPython does. */
    public static final class ByteIterator extends PyIterator {
        private final PyBytesLike bytes;
        private int index;

        private final PyType type;

        public ByteIterator(PyBytesLike bytes) {
            this(bytes, bytes instanceof PyByteArray ? BuiltinTypes.BYTEARRAY_ITERATOR : BuiltinTypes.BYTES_ITERATOR);
        }

        public ByteIterator(PyBytesLike bytes, PyType type) {
            this.bytes = bytes;
            this.type = type;
        }

        @Override
        public Object next() {
            return index < bytes.length() ? (Object) (long) bytes.get(index++) : null;
        }

        @Override
        public PyType getPyType() {
            return type;
        }
    }
}
