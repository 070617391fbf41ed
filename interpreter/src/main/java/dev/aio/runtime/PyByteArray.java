package dev.aio.runtime;

import java.util.Arrays;

/**
 * A mutable sequence of bytes ({@code bytearray}): an array with spare room at its end, so that
 * {@code append} and {@code +=} take amortized constant time per byte, as CPython's over-allocation does.
 */
public final class PyByteArray extends PyBytesLike implements BuiltinSubclassInstance {
    private byte[] data;
    private int size;
    /** The class of an instance of a subclass of bytearray ({@code class Buffer(bytearray)}), or null. */
    private final PyType subtype;
    private PyDict attributes;

    public PyByteArray(byte[] content) {
        this.data = content;
        this.size = content.length;
        this.subtype = null;
    }

    /** An empty instance of {@code type}, a subclass of bytearray, for its {@code __init__} to fill. */
    public PyByteArray(PyType type) {
        this.data = new byte[0];
        this.size = 0;
        this.subtype = type;
    }

    @Override
    public PyDict instanceDict() {
        if (subtype == null) {
            return null;
        }
        if (attributes == null) {
            attributes = new PyDict();
        }
        return attributes;
    }

    @Override
    public byte[] array() {
        return data;
    }

    @Override
    public int length() {
        return size;
    }

    @Override
    public PyBytesLike make(byte[] content) {
        return new PyByteArray(content);
    }

    @Override
    public PyType getPyType() {
        return subtype != null ? subtype : BuiltinTypes.BYTEARRAY;
    }

    public void set(int i, int value) {
        data[i] = (byte) value;
    }

    /** Replaces bytes {@code [start, stop)} with {@code replacement}. */
    public void replace(int start, int stop, byte[] replacement) {
        int newSize = PyErrors.checkedLength((long) size - (stop - start) + replacement.length);
        if (newSize > data.length) {
            data = Arrays.copyOf(data, PyErrors.checkedLength(Math.max(newSize, (long) data.length * 2)));
        }
        System.arraycopy(data, stop, data, start + replacement.length, size - stop);
        System.arraycopy(replacement, 0, data, start, replacement.length);
        size = newSize;
    }

    public void append(byte[] more) {
        replace(size, size, more);
    }

    public void setContent(byte[] content) {
        data = content;
        size = content.length;
    }

    /** CPython's bytearray_repr: the class's name around the bytes' repr. */
    @Override
    public String repr() {
        return getPyType().getName() + "(" + super.repr() + ")";
    }
}
