package dev.aio.runtime;

/** {@code d.keys()}, {@code d.values()}, {@code d.items()}: live views of a dict. */
public final class PyDictView extends PyObject {
    public enum Kind {
        KEYS("dict_keys"), VALUES("dict_values"), ITEMS("dict_items");

        final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    private static final PyType KEYS_TYPE = new PyType("dict_keys", "builtins", BuiltinTypes.OBJECT);
    private static final PyType VALUES_TYPE = new PyType("dict_values", "builtins", BuiltinTypes.OBJECT);
    private static final PyType ITEMS_TYPE = new PyType("dict_items", "builtins", BuiltinTypes.OBJECT);

    static {
        // Keys and items views compare as sets, so, as in CPython, they are unhashable; values views are not.
        KEYS_TYPE.define("__hash__", PyNone.NONE);
        ITEMS_TYPE.define("__hash__", PyNone.NONE);
    }

    private final PyDict dict;
    private final Kind kind;

    public PyDictView(PyDict dict, Kind kind) {
        this.dict = dict;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The view's items at this moment. */
    public Object[] snapshot() {
        Object[] out = new Object[dict.size()];
        int i = 0;
        for (PyDict.Entry e : dict.entries()) {
            out[i++] = switch (kind) {
                case KEYS -> e.key;
                case VALUES -> e.value;
                case ITEMS -> PyTuple.of(e.key, e.value);
            };
        }
        return out;
    }

    public int size() {
        return dict.size();
    }

    public boolean contains(Object o) {
        if (kind == Kind.KEYS) {
            return dict.containsKey(o);
        }
        for (Object x : snapshot()) {
            if (PyOps.eq(x, o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PyType getPyType() {
        return switch (kind) {
            case KEYS -> KEYS_TYPE;
            case VALUES -> VALUES_TYPE;
            case ITEMS -> ITEMS_TYPE;
        };
    }

    @Override
    public String repr() {
        return kind.typeName + "(" + PyOps.repr(new PyList(snapshot())) + ")";
    }
}
