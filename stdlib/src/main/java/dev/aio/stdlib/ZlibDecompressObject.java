package dev.aio.stdlib;

import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/**
 * A {@code zlib.Decompress} object, as {@code zlib.decompressobj()} makes it, or (with
 * {@link #ZLIB_DECOMPRESSOR}) 3.12's {@code zlib._ZlibDecompressor}, which CPython's {@code gzip}
 * reads with: it keeps the input it has not used itself instead of handing it back as
 * {@code unconsumed_tail}. Their methods are {@link ZlibDecompressMethods}.
 */
final class ZlibDecompressObject extends PyObject {
    static final PyType TYPE = new PyType("Decompress", "zlib").withModuleInMessages();
    static final PyType ZLIB_DECOMPRESSOR = new PyType("_ZlibDecompressor", "zlib").withModuleInMessages();

    final ZlibInflation inflation;
    private final PyType type;
    /** {@code _ZlibDecompressor.needs_input}: false while input it holds or output past max_length remains. */
    boolean needsInput = true;
    /** {@code _ZlibDecompressor}'s input not yet inflated, given to the next call before its data. */
    byte[] held = new byte[0];

    ZlibDecompressObject(PyType type, ZlibInflation inflation) {
        this.type = type;
        this.inflation = inflation;
    }

    @Override
    public PyType getPyType() {
        return type;
    }
}
