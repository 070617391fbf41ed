package dev.aio.runtime;

/** {@code obj.method}: a function with its first argument already supplied. */
public final class PyBoundMethod extends PyObject {
    private final Object self;
    private final Object function;

    public PyBoundMethod(Object self, Object function) {
        this.self = self;
        this.function = function;
    }

    public Object getSelf() {
        return self;
    }

    public Object getFunction() {
        return function;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.METHOD;
    }

    @Override
    public String repr() {
        if (function instanceof PyBuiltinFunction b) {
            return "<built-in method " + b.getName() + " of " + PyOps.typeOf(self).getName() + " object at " + Ids.address(self) + ">";
        }
        String name = function instanceof PyFunction f ? f.getQualName() : "?";
        return "<bound method " + name + " of " + PyOps.repr(self) + ">";
    }
}
