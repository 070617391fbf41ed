package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * {@code list[int]}, {@code dict[str, int]}, {@code asyncio.Queue[str]}: {@code types.GenericAlias},
 * a builtin class with type arguments, as annotations write it. Calling it calls the class.
 * {@code GenericAlias(origin, args)} makes one, also of a subclass written in Python
 * ({@code collections.abc}'s {@code _CallableGenericAlias}), whose methods then apply.
 */
public final class PyGenericAlias extends PyObject {
    public static final PyType TYPE = new PyType("GenericAlias", "types", BuiltinTypes.OBJECT).withModuleInMessages();

    private final PyType type;
    private final PyType origin;
    private final Object[] args;

    public PyGenericAlias(PyType origin, Object index) {
        this(TYPE, origin, index);
    }

    public PyGenericAlias(PyType type, PyType origin, Object index) {
        this.type = type;
        this.origin = origin;
        this.args = index instanceof PyTuple t ? t.items().clone() : new Object[]{index};
    }

    /** {@code GenericAlias.__new__(cls, origin, args)}: aio's aliases are of classes. */
    @TruffleBoundary
    public static PyGenericAlias create(PyType type, Object[] positional) {
        if (positional.length != 2) {
            throw PyErrors.typeError("GenericAlias expected 2 arguments, got " + positional.length);
        }
        if (!(positional[0] instanceof PyType origin)) {
            throw PyErrors.typeError("aio's GenericAlias takes a class as its origin, not " + PyOps.typeName(positional[0]));
        }
        return new PyGenericAlias(type, origin, positional[1]);
    }

    public PyType origin() {
        return origin;
    }

    public PyTuple args() {
        return new PyTuple(args.clone());
    }

    @Override
    public PyType getPyType() {
        return type;
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
