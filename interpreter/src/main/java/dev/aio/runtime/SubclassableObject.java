package dev.aio.runtime;

/**
 * An object of a type written in Java that classes written in aio may derive from (asyncio.Future,
 * asyncio.Lock, property, struct.Struct...): it carries its class, the builtin type or the derived
 * class, and, as an instance of a derived class, an attribute dict, as a CPython heap type's
 * instances have a {@code __dict__}.
 */
public abstract class SubclassableObject extends PyObject implements BuiltinSubclassInstance {
    private final PyType type;
    /** The instance's attributes when its class derives from the builtin type, else null. */
    private final PyDict attributes;

    /** @param type the builtin type itself, or a class derived from it in aio code */
    protected SubclassableObject(PyType type) {
        this.type = type;
        this.attributes = type.isUserDefined() ? new PyDict() : null;
    }

    /** Whether the instance belongs to a class derived from the builtin type. */
    protected final boolean isDerived() {
        return attributes != null;
    }

    @Override
    public final PyDict instanceDict() {
        return attributes;
    }

    @Override
    public final PyType getPyType() {
        return type;
    }
}
