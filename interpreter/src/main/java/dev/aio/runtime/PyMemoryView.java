package dev.aio.runtime;

import java.util.Arrays;

/**
 * {@code memoryview} over a bytes or bytearray object: a window of contiguous bytes (format 'B',
 * one dimension) that reads and, over a bytearray, writes the object's own bytes without copying.
 */
public final class PyMemoryView extends PyObject {
    private final PyBytesLike source;
    private final int start;
    private final int length;
    private boolean released;

    public PyMemoryView(PyBytesLike source, int start, int length) {
        this.source = source;
        this.start = start;
        this.length = length;
    }

    public PyBytesLike source() {
        return checked().source;
    }

    public int start() {
        return checked().start;
    }

    public int length() {
        return checked().length;
    }

    public boolean isReadOnly() {
        return checked().source instanceof PyBytes;
    }

    public boolean isReleased() {
        return released;
    }

    public void release() {
        released = true;
    }

    /** This view, or ValueError once released, as every operation on a released view raises. */
    public PyMemoryView checked() {
        if (released) {
            throw PyErrors.valueError("operation forbidden on released memoryview object");
        }
        return this;
    }

    /** A copy of the bytes seen through this view. */
    public byte[] toArray() {
        checked();
        return Arrays.copyOfRange(source.array(), start, start + length);
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.MEMORYVIEW;
    }

    @Override
    public String repr() {
        return (released ? "<released memory at " : "<memory at ") + Ids.address(this) + ">";
    }
}
