package dev.aio.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/** A runtime object that knows its Python type. Java's Long, Double, String and Boolean stand for int, float, str and bool. */
public abstract class PyObject implements TruffleObject {
    public abstract PyType getPyType();

    /** Python's default {@code repr}: {@code <module.Type object at 0x...>}. */
    public String repr() {
        PyType type = getPyType();
        return "<" + type.qualifiedName() + " object at " + Ids.address(this) + ">";
    }
}
