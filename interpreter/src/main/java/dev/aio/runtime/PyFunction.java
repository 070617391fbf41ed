package dev.aio.runtime;

import java.util.Arrays;
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
    /** {@code __name__} and {@code __qualname__}, which functools.wraps reassigns; tracebacks keep the code's names. */
    private String name;
    private String qualName;
    private Object doc;
    private Object module;
    /** Attributes set on the function ({@code f.calls = 0}, {@code __wrapped__}), created on first use. */
    private PyDict dict;
    /** What nodes of the shared code resolved for this function, by {@link PyCode#newCacheSlot} (see {@code FunctionCaches}); made on first use. */
    private Object[] caches;

    public PyFunction(PyCode code, PyModule globals, Object[] defaults, Map<String, Object> kwDefaults, PyCell[] closure) {
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
        this.name = code.name();
        this.qualName = code.qualName();
        this.doc = code.doc() == null ? PyNone.NONE : code.doc();
    }

    /** What this function's slot {@code slot} holds, or {@code null}. */
    public Object cacheSlot(int slot) {
        Object[] c = caches;
        return c != null && slot < c.length ? c[slot] : null;
    }

    public void setCacheSlot(int slot, Object value) {
        if (caches == null || slot >= caches.length) {
            caches = Arrays.copyOf(caches == null ? new Object[0] : caches, Math.max(slot + 1, code.cacheSlotCount()));
        }
        caches[slot] = value;
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
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getQualName() {
        return qualName;
    }

    public void setQualName(String qualName) {
        this.qualName = qualName;
    }

    public Object getDoc() {
        return doc;
    }

    public void setDoc(Object doc) {
        this.doc = doc;
    }

    /** {@code __module__}: the defining module's {@code __name__} unless reassigned. */
    public Object getModule() {
        if (module == null) {
            Object m = globals.get("__name__");
            return m == null ? PyNone.NONE : m;
        }
        return module;
    }

    public void setModule(Object module) {
        this.module = module;
    }

    public PyDict dict() {
        if (dict == null) {
            dict = new PyDict();
        }
        return dict;
    }

    public boolean hasDict() {
        return dict != null;
    }

    public void setDict(PyDict dict) {
        this.dict = dict;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.FUNCTION;
    }

    @Override
    public String repr() {
        return "<function " + qualName + " at " + Ids.address(this) + ">";
    }
}
