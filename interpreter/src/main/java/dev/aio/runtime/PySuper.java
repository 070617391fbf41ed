package dev.aio.runtime;

/** {@code super()}: attribute lookup that starts after {@code owner} in the MRO of {@code self}'s class. */
public final class PySuper extends PyObject {
    private static final PyType TYPE = new PyType("super", "builtins", BuiltinTypes.OBJECT);

    final PyType owner;
    final Object self;

    public PySuper(PyType owner, Object self) {
        this.owner = owner;
        this.self = self;
    }

    /** The class whose MRO is searched: self's class, or self itself when it is a class (classmethods). */
    PyType startType() {
        return self instanceof PyType t && t.isSubtypeOf(owner) ? t : PyOps.typeOf(self);
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "<super: <class '" + owner.getName() + "'>, <" + PyOps.typeName(self) + " object>>";
    }
}
