package dev.aio.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** {@code int | None}: {@code types.UnionType}, what {@code |} makes of classes (PEP 604), as annotations use it. */
public final class PyUnionType extends PyObject {
    private static final PyType TYPE = new PyType("UnionType", "types", BuiltinTypes.OBJECT).withModuleInMessages();

    private final Object[] args;

    private PyUnionType(Object[] args) {
        this.args = args;
    }

    /** Whether {@code a | b} makes a union when both operands are such values. */
    public static boolean isOperand(Object o) {
        return o instanceof PyType || o == PyNone.NONE || o instanceof PyUnionType || o instanceof PyGenericAlias;
    }

    /** {@code a | b}: the classes of both, flattened, without repeats; a single class stands for itself. */
    @TruffleBoundary
    public static Object of(Object a, Object b) {
        List<Object> members = new ArrayList<>();
        for (Object o : new Object[]{a, b}) {
            for (Object m : o instanceof PyUnionType u ? u.args : new Object[]{o == PyNone.NONE ? BuiltinTypes.NONE_TYPE : o}) {
                if (!members.contains(m)) {
                    members.add(m);
                }
            }
        }
        return members.size() == 1 ? members.get(0) : new PyUnionType(members.toArray());
    }

    public PyTuple args() {
        return new PyTuple(args.clone());
    }

    public boolean matches(Predicate<PyType> test) {
        for (Object m : args) {
            if (m instanceof PyType t && test.test(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PyType getPyType() {
        return TYPE;
    }

    @Override
    public String repr() {
        StringBuilder sb = new StringBuilder();
        for (Object m : args) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(m == BuiltinTypes.NONE_TYPE ? "None" : PyGenericAlias.typeRepr(m));
        }
        return sb.toString();
    }
}
