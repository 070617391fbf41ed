package dev.aio.stdlib;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/** A {@code _struct.Struct}: a compiled format ({@link StructFormat}); its methods are {@link StructMethods}. */
final class StructObject extends PyObject {
    static final PyType TYPE = new PyType("Struct", "_struct", BuiltinTypes.OBJECT).withModuleInMessages();

    final StructFormat format;

    StructObject(StructFormat format) {
        this.format = format;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }
}
