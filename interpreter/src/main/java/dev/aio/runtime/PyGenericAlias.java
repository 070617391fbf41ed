package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * {@code list[int]}, {@code dict[str, int]}, {@code asyncio.Queue[str]}: {@code types.GenericAlias},
 * a builtin class with type arguments, as annotations write it. Calling it calls the class.
 */
public final class PyGenericAlias extends PyObject {
    private static final PyType TYPE = new PyType("GenericAlias", "types", BuiltinTypes.OBJECT).withModuleInMessages();

    private final PyType origin;
    private final Object[] args;

    public PyGenericAlias(PyType origin, Object index) {
        this.origin = origin;
        this.args = index instanceof PyTuple t ? t.items().clone() : new Object[]{index};
    }

    public PyType origin() {
        return origin;
    }

    public PyTuple args() {
        return new PyTuple(args.clone());
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    /** How typing shows a type argument: classes by qualified name, {@code ...} for Ellipsis. */
    @TruffleBoundary
    public static String typeRepr(Object o) {
        if (o instanceof PyType t) {
            return t.qualifiedName();
        }
        if (o == PyEllipsis.ELLIPSIS) {
            return "...";
        }
        if (o instanceof PyFunction f) {
            return f.getName();
        }
        return PyOps.repr(o);
    }

    @Override
    @TruffleBoundary
    public String repr() {
        StringBuilder sb = new StringBuilder(typeRepr(origin)).append('[');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (args[i] instanceof PyList l) {
                sb.append('[');
                Object[] items = l.toArray();
                for (int j = 0; j < items.length; j++) {
                    sb.append(j > 0 ? ", " : "").append(typeRepr(items[j]));
                }
                sb.append(']');
            } else {
                sb.append(typeRepr(args[i]));
            }
        }
        if (args.length == 0) {
            sb.append("()");
        }
        return sb.append(']').toString();
    }
}
