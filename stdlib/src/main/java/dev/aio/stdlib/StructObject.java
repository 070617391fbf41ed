package dev.aio.stdlib;

import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SubclassableObject;

/** A {@code _struct.Struct}: a compiled format ({@link StructFormat}); its methods are {@link StructMethods}. */
final class StructObject extends SubclassableObject {
    static final PyType TYPE = new PyType("Struct", "_struct", BuiltinTypes.OBJECT).withModuleInMessages();

    /** Set again by {@code Struct.__init__(format)}, which a class derived from Struct reaches with {@code super().__init__(format)}. */
    StructFormat format;

    StructObject(StructFormat format) {
        this(TYPE, format);
    }

    /** An instance of {@code type}, Struct or a class derived from it, packing {@code format}. */
    StructObject(PyType type, StructFormat format) {
        super(type);
        this.format = format;
    }
}
