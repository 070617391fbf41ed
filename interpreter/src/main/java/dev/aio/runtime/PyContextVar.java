package dev.aio.runtime;

/** {@code contextvars.ContextVar}: a name and an optional default; its values live in {@link PyContext}s. */
public final class PyContextVar extends PyObject {
    public static final PyType TYPE = new PyType("ContextVar", "_contextvars", BuiltinTypes.OBJECT).withModuleInMessages();

    private final String name;
    /** The default, or {@code null} when the variable has none. */
    private final Object defaultValue;

    public PyContextVar(String name, Object defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    public String name() {
        return name;
    }

    /** The default given at creation, or {@code null}. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** {@code var.get(default)} in the current context: its value there, else {@code fallback}, else the var's default; LookupError without any. */
    public Object get(PyContext current, Object fallback) {
        Object v = current.get(this);
        if (v != null) {
            return v;
        }
        if (fallback != null) {
            return fallback;
        }
        if (defaultValue != null) {
            return defaultValue;
        }
        throw PyErrors.raise(BuiltinTypes.LOOKUP_ERROR, repr());
    }

    @Override
    public String repr() {
        return "<ContextVar name=" + PyOps.repr(name) + (defaultValue == null ? "" : " default=" + PyOps.repr(defaultValue)) + " at " + Ids.address(this) + ">";
    }
}
