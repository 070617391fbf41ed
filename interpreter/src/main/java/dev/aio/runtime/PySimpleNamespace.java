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
    /** A namespace inside itself shows as {@code namespace(...)}, as CPython's Py_ReprEnter guard does. */
    private boolean inRepr;

    public PyDict dict() {
        return dict;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.SIMPLE_NAMESPACE;
    }

    @Override
    public String repr() {
        if (inRepr) {
            return "namespace(...)";
        }
        inRepr = true;
        try {
            List<String> parts = new ArrayList<>();
            for (PyDict.Entry e : dict.entries()) {
                if (e.key instanceof String name) {
                    parts.add(name + "=" + PyOps.repr(e.value));
                }
            }
            return "namespace(" + String.join(", ", parts) + ")";
        } finally {
            inRepr = false;
        }
    }
}
