package dev.aio.stdlib;

import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/** A {@code zlib.Compress} object, as {@code zlib.compressobj()} makes it; its methods are {@link ZlibCompressMethods}. */
final class ZlibCompressObject extends PyObject {
    static final PyType TYPE = new PyType("Compress", "zlib").withModuleInMessages();

    final ZlibDeflation deflation;

    ZlibCompressObject(ZlibDeflation deflation) {
        this.deflation = deflation;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}
