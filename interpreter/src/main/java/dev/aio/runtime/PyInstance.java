package dev.aio.runtime;

/**
 * An instance of a class defined in aio code: its class, its attribute dict ({@code obj.__dict__})
 * and the values of the slots its class declares ({@code __slots__}), which are not in that dict.
 */
public final class PyInstance extends PyObject {
    private final PyType type;
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
