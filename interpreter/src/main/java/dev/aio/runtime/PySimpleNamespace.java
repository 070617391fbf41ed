package dev.aio.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code types.SimpleNamespace} (the type of {@code sys.implementation}): an object whose
 * attributes are those given to it, shown as {@code namespace(a=1, b=2)} and equal to another
 * namespace with the same attributes.
 */
public final class PySimpleNamespace extends PyObject {
    private final PyDict dict = new PyDict();
    /** The class derived from SimpleNamespace in aio code the namespace belongs to, or null. */
    private final PyType subtype;
    /** A namespace inside itself shows as {@code namespace(...)}, as CPython's Py_ReprEnter guard does. */
    private boolean inRepr;

    public PySimpleNamespace() {
        this(null);
    }

    /** An empty namespace of {@code type}, a class derived from SimpleNamespace, for its {@code __init__} to fill. */
    public PySimpleNamespace(PyType type) {
        this.subtype = type;
    }

    public PyDict dict() {
        return dict;
    }

    @Override
    public PyType getPyType() {
        return subtype != null ? subtype : BuiltinTypes.SIMPLE_NAMESPACE;
    }

    /** CPython's namespace_repr: {@code namespace} for the type itself, the class's name for a derived class. */
    private String name() {
        return subtype != null ? subtype.getName() : "namespace";
    }

    @Override
    public String repr() {
        if (inRepr) {
            return name() + "(...)";
        }
        inRepr = true;
        try {
            List<String> parts = new ArrayList<>();
            for (PyDict.Entry e : dict.entries()) {
                if (e.key instanceof String name) {
                    parts.add(name + "=" + PyOps.repr(e.value));
                }
            }
            return name() + "(" + String.join(", ", parts) + ")";
        } finally {
            inRepr = false;
        }
    }
}
