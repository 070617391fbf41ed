package dev.aio.runtime;

import com.oracle.truffle.api.RootCallTarget;

/** A builtin function or method implemented by a Truffle node ({@link BuiltinSpec}). */
public final class PyBuiltinFunction extends PyObject {
    private final BuiltinSpec spec;
    private final RootCallTarget callTarget;

    public PyBuiltinFunction(BuiltinSpec spec, RootCallTarget callTarget) {
        this.spec = spec;
        this.callTarget = callTarget;
    }

    public BuiltinSpec getSpec() {
        return spec;
    }

    public String getName() {
        return spec.name();
    }

    public Signature getSignature() {
        return spec.signature();
    }

    public RootCallTarget getCallTarget() {
        return callTarget;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.BUILTIN_FUNCTION;
    }

    @Override
    public String repr() {
        return "<built-in function " + spec.name() + ">";
    }
}
