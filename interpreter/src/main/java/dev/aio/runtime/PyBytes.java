package dev.aio.runtime;

import java.util.Arrays;

/** An immutable sequence of bytes ({@code bytes}); equal bytes hash equal, so they work as dict keys. */
public final class PyBytes extends PyBytesLike implements BuiltinSubclassInstance {
    public static final PyBytes EMPTY = new PyBytes(new byte[0]);

    private final byte[] bytes;
    /** The class of an instance of a subclass of bytes ({@code class Blob(bytes)}), or null. */
    private final PyType subtype;
    private PyDict attributes;

    /** Takes {@code bytes} as it is: the caller does not change it afterwards. */
    public PyBytes(byte[] bytes) {
        this.bytes = bytes;
        this.subtype = null;
    }

    /** An instance of {@code type}, a subclass of bytes, holding {@code bytes}. */
    public PyBytes(PyType type, byte[] bytes) {
        this.bytes = bytes;
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
        return subtype != null ? subtype : BuiltinTypes.BYTES;
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
