package dev.aio.runtime;

import com.oracle.truffle.api.RootCallTarget;

/** A builtin function or method implemented by a Truffle node ({@link BuiltinSpec}). */
public final class PyBuiltinFunction extends PyObject {
    private final BuiltinSpec spec;
    private final RootCallTarget callTarget;
    /** The module a module-level function was defined in ({@code __module__}), or {@code null}. */
    private String module;

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

    public String getModule() {
        return module;
    }

    /** Records the module that defines this function (one function per spec, so the same name in every context). */
    public void setModule(String module) {
        this.module = module;
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
