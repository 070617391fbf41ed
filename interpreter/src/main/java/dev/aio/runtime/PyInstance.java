package dev.aio.runtime;

/**
 * An instance of a class defined in aio code: its class, its attribute dict ({@code obj.__dict__})
 * and the values of the slots its class declares ({@code __slots__}), which are not in that dict.
 */
public final class PyInstance extends PyObject {
    private PyType type;
    private PyDict dict = new PyDict();
    /** Created when a first slot is set. */
    private PyDict slotValues;

    public PyInstance(PyType type) {
        this.type = type;
        dict.becomeAttributesOf(type);
    }

    @Override
    public PyType getPyType() {
        return type;
    }

    /**
     * {@code obj.__class__ = cls} (CPython's {@code object_set_class}): to another class defined in
     * aio code whose instances are made the same way, with CPython's messages otherwise. The
     * attribute names the instance has become the new class's, so its method caches see them.
     */
    public void setClass(Object cls) {
        if (!(cls instanceof PyType t)) {
            throw PyErrors.typeError("__class__ must be set to a class, not '" + PyOps.typeName(cls) + "' object");
        }
        if (!t.isUserDefined()) {
            throw PyErrors.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        if (t.builtinBase() != type.builtinBase() || !t.slots().equals(type.slots())) {
            throw PyErrors.typeError("__class__ assignment: '" + t.getName() + "' object layout differs from '" + type.getName() + "'");
        }
        t.instanceAttributeNames().forget();
        dict.becomeAttributesOf(t);
        type = t;
    }

    public PyDict dict() {
        return dict;
    }

    public void setDict(PyDict dict) {
        type.instanceAttributeNames().forget();
        this.dict = dict;
    }

    /** The value of a slot, or {@code null} when it is not set. */
    Object slot(String name) {
        return slotValues == null ? null : slotValues.get(name);
    }

    void setSlot(String name, Object value) {
        if (slotValues == null) {
            slotValues = new PyDict();
        }
        slotValues.put(name, value);
    }

    /** Unsets a slot: its value, or {@code null} when it was not set. */
    Object removeSlot(String name) {
        return slotValues == null ? null : slotValues.remove(name);
    }
}
