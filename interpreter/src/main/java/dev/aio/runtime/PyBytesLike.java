package dev.aio.runtime;

import java.util.Arrays;

import dev.aio.runtime.format.BytesRepr;

/**
 * What {@code bytes} and {@code bytearray} share: a sequence of bytes (each an int in
 * range(0, 256)) that compares, hashes, slices and searches by content, as CPython's
 * {@code Objects/bytes_methods.c} shares them.
 */
public abstract sealed class PyBytesLike extends PyObject permits PyBytes, PyByteArray {
    /** The backing array; only the first {@link #length()} bytes are content. */
    public abstract byte[] array();

    public abstract int length();

    /** A new object of this one's type (bytes or bytearray) holding {@code content}. */
    public abstract PyBytesLike make(byte[] content);

    /** A copy of the content. */
    public byte[] toArray() {
        return Arrays.copyOf(array(), length());
    }

    /** The byte at {@code i} as an int in range(0, 256). */
    public int get(int i) {
        return array()[i] & 0xff;
    }

    /** CPython's bytes and bytearray compare equal by content, whichever the type. */
    public boolean contentEquals(byte[] other) {
        return Arrays.equals(array(), 0, length(), other, 0, other.length);
    }

    @Override
    public String repr() {
        return BytesRepr.repr(array(), length());
    }
}
