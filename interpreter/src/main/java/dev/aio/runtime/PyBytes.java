package dev.aio.runtime;

import java.util.Arrays;

/** An immutable sequence of bytes ({@code bytes}); equal bytes hash equal, so they work as dict keys. */
public final class PyBytes extends PyBytesLike {
    public static final PyBytes EMPTY = new PyBytes(new byte[0]);

    private final byte[] bytes;

    /** Takes {@code bytes} as it is: the caller does not change it afterwards. */
    public PyBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public byte[] array() {
        return bytes;
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public PyBytesLike make(byte[] content) {
        return new PyBytes(content);
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.BYTES;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
