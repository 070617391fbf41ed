package dev.aio.runtime;

import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * {@code contextvars.Context}: the values of context variables, after CPython's Python/context.c.
 * One context is current per thread (see {@code AioContext.currentContext}); {@code Context.run}
 * makes another current for the duration of a call, and asyncio runs each task step and each
 * callback in the context it captured. A context can be entered only once at a time. CPython's
 * contexts are immutable maps swapped on set; a mutable map copied by {@link #copy} behaves the same.
 */
public final class PyContext extends PyObject {
    public static final PyType TYPE = new PyType("Context", "_contextvars", BuiltinTypes.OBJECT).withModuleInMessages();

    private final LinkedHashMap<PyContextVar, Object> values;
    private boolean entered;

    public PyContext() {
        this(new LinkedHashMap<>());
    }

    private PyContext(LinkedHashMap<PyContextVar, Object> values) {
        this.values = values;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    /** {@code ctx.copy()} and {@code copy_context()}: a new context with the same values. */
    public PyContext copy() {
        return new PyContext(new LinkedHashMap<>(values));
    }

    /** The variable's value here, or {@code null}. */
    public Object get(PyContextVar var) {
        return values.get(var);
    }

    public PyContextVar[] vars() {
        return values.keySet().toArray(new PyContextVar[0]);
    }

    public int size() {
        return values.size();
    }

    /** {@code var.set(value)} with this context current: the token that undoes it. */
    public PyContextToken set(PyContextVar var, Object value) {
        PyContextToken token = new PyContextToken(var, this, values.get(var));
        values.put(var, value);
        return token;
    }

    void put(PyContextVar var, Object value) {
        values.put(var, value);
    }

    void remove(PyContextVar var) {
        values.remove(var);
    }

    /** Where the current context of each thread is kept (the polyglot context's). */
    public interface Holder {
        PyContext currentContext();

        void setCurrentContext(PyContext context);
    }

    /** {@code ctx.run(...)}: makes this context current while {@code body} runs. */
    public <T> T run(Holder holder, Supplier<T> body) {
        if (entered) {
            throw PyErrors.runtimeError("cannot enter context: " + repr() + " is already entered");
        }
        PyContext previous = holder.currentContext();
        entered = true;
        holder.setCurrentContext(this);
        try {
            return body.get();
        } finally {
            holder.setCurrentContext(previous);
            entered = false;
        }
    }
}
