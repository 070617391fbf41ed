package dev.aio.runtime;

import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * {@code contextvars.Context}: the values of context variables, after CPython's Python/context.c.
 * One context is current per thread (see {@code AioContext.currentContext}); {@code Context.run}
 * makes another current for the duration of a call, and asyncio runs each task step and each
 * callback in the context it captured. A context can be entered only once at a time. CPython's
 * contexts are immutable maps swapped on set, so a copy costs nothing; here a copy shares the
 * mutable map until either side first changes it (every task copies the current context, and
 * few ever set a variable).
 */
public final class PyContext extends PyObject {
    public static final PyType TYPE = new PyType("Context", "_contextvars", BuiltinTypes.OBJECT).withModuleInMessages();

    private LinkedHashMap<PyContextVar, Object> values;
    /** {@link #values} may be another context's too: copied before it changes. */
    private boolean shared;
    private boolean entered;

    public PyContext() {
        this.values = new LinkedHashMap<>();
    }

    private PyContext(LinkedHashMap<PyContextVar, Object> values) {
        this.values = values;
        this.shared = true;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    /** {@code ctx.copy()} and {@code copy_context()}: a new context with the same values. */
    public PyContext copy() {
        shared = true;
        return new PyContext(values);
    }

    private LinkedHashMap<PyContextVar, Object> ownValues() {
        if (shared) {
            values = new LinkedHashMap<>(values);
            shared = false;
        }
        return values;
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
        ownValues().put(var, value);
        return token;
    }

    void put(PyContextVar var, Object value) {
        ownValues().put(var, value);
    }

    void remove(PyContextVar var) {
        ownValues().remove(var);
    }

    /** Where the current context of each thread is kept (the polyglot context's). */
    public interface Holder {
        PyContext currentContext();

        void setCurrentContext(PyContext context);
    }

    /** {@code ctx.run(...)}: makes this context current while {@code body} runs. */
    public <T> T run(Holder holder, Supplier<T> body) {
        PyContext previous = enter(holder);
        try {
            return body.get();
        } finally {
            exit(holder, previous);
        }
    }

    /** Makes this context current (as {@link #run} does around its body); returns the one it replaces, for {@link #exit}. */
    public PyContext enter(Holder holder) {
        if (entered) {
            throw PyErrors.runtimeError("cannot enter context: " + repr() + " is already entered");
        }
        PyContext previous = holder.currentContext();
        entered = true;
        holder.setCurrentContext(this);
        return previous;
    }

    public void exit(Holder holder, PyContext previous) {
        holder.setCurrentContext(previous);
        entered = false;
    }
}
