package dev.aio.runtime;

import java.util.Map;

/** A function value: code plus what the {@code def} statement captured (globals, defaults, closure cells). */
public final class PyFunction extends PyObject {
    private final PyCode code;
    private final PyModule globals;
    private final Object[] defaults;
    private final Map<String, Object> kwDefaults;
    private final PyCell[] closure;
    /** The class whose body defined this function, for {@code super()}; set when the class is made. */
    private PyType owner;

    public PyFunction(PyCode code, PyModule globals, Object[] defaults, Map<String, Object> kwDefaults, PyCell[] closure) {
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
    }

    public PyCode getCode() {
        return code;
    }

    public PyModule getGlobals() {
        return globals;
    }

    public Object[] getDefaults() {
        return defaults;
    }

    public Map<String, Object> getKwDefaults() {
        return kwDefaults;
    }

    public PyCell[] getClosure() {
        return closure;
    }

    public PyType getOwner() {
        return owner;
    }

    public void setOwner(PyType owner) {
        this.owner = owner;
    }

    public String getName() {
        return code.name();
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.FUNCTION;
    }

    @Override
    public String repr() {
        return "<function " + code.qualName() + " at " + Ids.address(this) + ">";
    }
}
