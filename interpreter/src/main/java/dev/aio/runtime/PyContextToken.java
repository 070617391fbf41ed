package dev.aio.runtime;

/** {@code contextvars.Token}: what {@code var.set()} returns, to undo that set with {@code var.reset(token)}. */
public final class PyContextToken extends PyObject {
    public static final PyType TYPE = new PyType("Token", "_contextvars", BuiltinTypes.OBJECT).withModuleInMessages();

    /** {@code Token.MISSING}: the old value of a token whose variable had no value before. */
    public static final PyObject MISSING = new PyObject() {
        @Override
        public PyType getPyType() {
            return BuiltinTypes.OBJECT;
        }

        @Override
        public String repr() {
            return "<Token.MISSING>";
        }
    };

    private final PyContextVar var;
    private final PyContext context;
    /** The variable's value before the set, or {@code null} when it had none. */
    private final Object oldValue;
    private boolean used;

    PyContextToken(PyContextVar var, PyContext context, Object oldValue) {
        this.var = var;
        this.context = context;
        this.oldValue = oldValue;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    public PyContextVar var() {
        return var;
    }

    /** The old value as {@code token.old_value} shows it. */
    public Object oldValue() {
        return oldValue == null ? MISSING : oldValue;
    }

    /** {@code var.reset(token)} in the current context, with CPython's checks. */
    public void reset(PyContextVar resetVar, PyContext current) {
        if (used) {
            throw PyErrors.runtimeError(repr() + " has already been used once");
        }
        if (resetVar != var) {
            throw PyErrors.valueError(repr() + " was created by a different ContextVar");
        }
        if (current != context) {
            throw PyErrors.valueError(repr() + " was created in a different Context");
        }
        used = true;
        if (oldValue == null) {
            context.remove(var);
        } else {
            context.put(var, oldValue);
        }
    }

    @Override
    public String repr() {
        return "<Token" + (used ? " used" : "") + " var=" + var.repr() + " at " + Ids.address(this) + ">";
    }
}
