package dev.aio.runtime;

/** A variable shared between a function and the closures nested in it ({@code f.__closure__[i]}). {@code null} value means unbound. */
public final class PyCell extends PyObject {
    public Object value;

    public PyCell(Object value) {
        this.value = value;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.CELL;
    }

    @Override
    public String repr() {
        if (value == null) {
            return "<cell at " + Ids.address(this) + ": empty>";
        }
        return "<cell at " + Ids.address(this) + ": " + PyOps.typeName(value) + " object at " + Ids.address(value) + ">";
    }
}
