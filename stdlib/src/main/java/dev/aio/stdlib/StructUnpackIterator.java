package dev.aio.stdlib;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/** {@code _struct.unpack_iterator}, what {@code iter_unpack} returns: one tuple per consecutive struct of a buffer. */
final class StructUnpackIterator extends PyIterator {
    static final PyType TYPE = new PyType("unpack_iterator", "_struct", BuiltinTypes.OBJECT).withModuleInMessages();

    private final StructFormat format;
    /** A copy of the buffer, taken when the iterator was made. */
    private final byte[] buffer;
    private int offset;

    StructUnpackIterator(StructFormat format, byte[] buffer) {
        this.format = format;
        this.buffer = buffer;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public Object next() {
        if (offset + format.size > buffer.length) {
            return null;
        }
        Object[] values = format.unpack(buffer, offset);
        offset += (int) format.size;
        return new PyTuple(values);
    }

    /** How many tuples remain ({@code __length_hint__}). */
    long remaining() {
        return (buffer.length - offset) / format.size;
    }
}
