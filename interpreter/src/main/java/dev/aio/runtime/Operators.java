package dev.aio.runtime;

import java.math.BigInteger;
import java.util.ArrayList;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.ast.BinaryOperator;

/** The generic (slow path) meaning of Python's binary operators and comparisons on every builtin type. */
public final class Operators {
    private Operators() {
    }

    @TruffleBoundary
    public static Object binary(BinaryOperator op, Object a, Object b) {
        // The error names the operands' own types, also where an int or str subclass falls back on its value.
        Object left = a;
        Object right = b;
        if (op == BinaryOperator.BITOR && PyUnionType.isOperand(a) && PyUnionType.isOperand(b) && SpecialMethods.lookup(a, "__or__") == null
                        && SpecialMethods.lookup(b, "__ror__") == null) {
            return PyUnionType.of(a, b);
        }
        if (op == BinaryOperator.MOD && a instanceof String format && b instanceof PyInstance) {
            // CPython tries str's own % first (b's class is no subclass of str), which takes any
            // object as its single argument: "tzinfo=%r" % tz, never tz.__rmod__.
            return PercentFormatting.format(format, b);
        }
        if (SpecialMethods.isUserObject(a) || SpecialMethods.isUserObject(b)) {
            String name = dunder(op);
            Object r = SpecialMethods.binary("__" + name + "__", "__r" + name + "__", a, b);
            if (r != SpecialMethods.NOT_DEFINED) {
                return r;
            }
            if (a instanceof PyInstance || b instanceof PyInstance) {
                throw unsupported(op.symbol, a, b);
            }
            // Instances of subclasses of builtin types fall back on the builtin operation (on int, float and str values: the result is of the base type).
            a = PyValueInstance.unwrap(a);
            if (!(op == BinaryOperator.MOD && (a instanceof String || a instanceof PyBytesLike))) {
                // The right operand of % formatting is formatted as it is (its own __str__ and __repr__).
                b = PyValueInstance.unwrap(b);
            }
        }
        if (a instanceof PyComplex || b instanceof PyComplex) {
            Object r = PyComplex.binary(op, a, b);
            if (r != null) {
                return r;
            }
            if (!(a instanceof String || a instanceof PyList || a instanceof PyTuple)) {
                throw unsupported(op.symbol, left, right);
            }
        }
        if (isSetLikeView(a) || isSetLikeView(b)) {
            if (op == BinaryOperator.SUB || op == BinaryOperator.BITAND || op == BinaryOperator.BITOR || op == BinaryOperator.BITXOR) {
                // keys and items views are sets to these operators, with any iterable: CPython's dictviews_sub... give a set.
                return binary(op, setOf(a), setOf(b));
            }
        }
        boolean numbers = Numbers.isNumber(a) && Numbers.isNumber(b);
        boolean ints = numbers && Numbers.isInt(a) && Numbers.isInt(b);
        switch (op) {
            case ADD:
                if (numbers) {
                    return Numbers.add(a, b);
                }
                if (Numbers.isNumber(a)) {
                    break;
                }
                return concat(a, b);
            case SUB:
                if (numbers) {
                    return Numbers.sub(a, b);
                }
                if (a instanceof PySet x && b instanceof PySet y) {
                    PySet r = x.emptyOfSameType();
                    for (Object o : x.toArray()) {
                        if (!y.contains(o)) {
                            r.add(o);
                        }
                    }
                    return r;
                }
                break;
            case MULT:
                if (numbers) {
                    return Numbers.mul(a, b);
                }
                return repeat(a, b);
            case DIV:
                if (numbers) {
                    return Numbers.trueDiv(a, b);
                }
                break;
            case FLOORDIV:
                if (numbers) {
                    return Numbers.floorDiv(a, b);
                }
                break;
            case MOD:
                if (numbers) {
                    return Numbers.mod(a, b);
                }
                if (a instanceof String s) {
                    return PercentFormatting.format(s, b);
                }
                if (a instanceof PyBytesLike bytes) {
                    return PercentFormatting.format(bytes, b);
                }
                break;
            case POW:
                if (numbers) {
                    return Numbers.pow(a, b);
                }
                break;
            case LSHIFT:
                if (ints) {
                    return Numbers.lshift(a, b);
                }
                break;
            case RSHIFT:
                if (ints) {
                    return Numbers.rshift(a, b);
                }
                break;
            case BITAND:
                if (ints) {
                    return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x & y) : Numbers.normalize(Numbers.big(a).and(Numbers.big(b)));
                }
                if (a instanceof PySet x && b instanceof PySet y) {
                    PySet r = x.emptyOfSameType();
                    for (Object o : x.toArray()) {
                        if (y.contains(o)) {
                            r.add(o);
                        }
                    }
                    return r;
                }
                break;
            case BITOR:
                if (ints) {
                    return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x | y) : Numbers.normalize(Numbers.big(a).or(Numbers.big(b)));
                }
                if (a instanceof PySet x && b instanceof PySet y) {
                    PySet r = x.emptyOfSameType();
                    for (Object o : x.toArray()) {
                        r.add(o);
                    }
                    for (Object o : y.toArray()) {
                        r.add(o);
                    }
                    return r;
                }
                if (a instanceof PyDict x && b instanceof PyDict y) {
                    PyDict r = new PyDict();
                    for (PyDict.Entry e : x.entries()) {
                        r.put(e.key, e.value);
                    }
                    for (PyDict.Entry e : y.entries()) {
                        r.put(e.key, e.value);
                    }
                    return r;
                }
                break;
            case BITXOR:
                if (ints) {
                    return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x ^ y) : Numbers.normalize(Numbers.big(a).xor(Numbers.big(b)));
                }
                if (a instanceof PySet x && b instanceof PySet y) {
                    return symmetricDifference(x, y);
                }
                break;
            case MATMULT:
                break;
        }
        throw unsupported(op.symbol, left, right);
    }

    private static boolean isSetLikeView(Object o) {
        return o instanceof PyDictView v && v.kind() != PyDictView.Kind.VALUES;
    }

    private static PySet setOf(Object iterable) {
        PySet r = new PySet();
        for (Object o : Iteration.toArray(iterable)) {
            r.add(o);
        }
        return r;
    }

    @TruffleBoundary
    public static PySet symmetricDifference(PySet x, PySet y) {
        PySet r = x.emptyOfSameType();
        for (Object o : x.toArray()) {
            if (!y.contains(o)) {
                r.add(o);
            }
        }
        for (Object o : y.toArray()) {
            if (!x.contains(o)) {
                r.add(o);
            }
        }
        return r;
    }

    /** Whether every element of {@code x} is in {@code y}. */
    @TruffleBoundary
    public static boolean isSubset(PySet x, PySet y) {
        if (x.size() > y.size()) {
            return false;
        }
        for (Object o : x.toArray()) {
            if (!y.contains(o)) {
                return false;
            }
        }
        return true;
    }

    private static String dunder(BinaryOperator op) {
        return switch (op) {
            case ADD -> "add";
            case SUB -> "sub";
            case MULT -> "mul";
            case MATMULT -> "matmul";
            case DIV -> "truediv";
            case MOD -> "mod";
            case POW -> "pow";
            case LSHIFT -> "lshift";
            case RSHIFT -> "rshift";
            case BITOR -> "or";
            case BITXOR -> "xor";
            case BITAND -> "and";
            case FLOORDIV -> "floordiv";
        };
    }

    /** CPython's deque_concat and deque_repeat: a copy of the deque ({@link PyDeque#copyOf}, so a subclass's instance), extended. */
    private static Object dequeOperation(String symbol, PyDeque d, Object other, boolean reflected) {
        if (symbol.equals("+") && !reflected) {
            if (!(other instanceof PyDeque o)) {
                throw PyErrors.typeError("can only concatenate deque (not \"" + PyOps.typeName(other) + "\") to deque");
            }
            PyDeque r = PyDeque.copyOf(d);
            for (Object x : Iteration.toArray(o)) {
                r.addLast(x);
            }
            return r;
        }
        if (symbol.equals("*") && (other instanceof Long || other instanceof Boolean)) {
            long n = other instanceof Long l ? l : ((Boolean) other ? 1 : 0);
            Object[] items = d.toArray();
            PyDeque r = PyDeque.copyOf(d);
            r.clear();
            for (long k = 0; k < n; k++) {
                for (Object x : items) {
                    r.addLast(x);
                }
            }
            return r;
        }
        return null;
    }

    private static Object concat(Object a, Object b) {
        if (a instanceof PyDeque d) {
            return dequeOperation("+", d, b, false);
        }
        if (a instanceof PyBytesLike x) {
            return Bytes.concat(x, b);
        }
        if (a instanceof PyMemoryView && b instanceof PyBytesLike y) {
            return y.make(Bytes.concat(new PyBytes(Bytes.requireBuffer(a)), y).toArray());
        }
        if (a instanceof String x) {
            if (b instanceof String y) {
                return x.concat(y);
            }
            throw PyErrors.typeError("can only concatenate str (not \"" + PyOps.typeName(b) + "\") to str");
        }
        if (a instanceof PyList x) {
            if (b instanceof PyList y) {
                ArrayList<Object> r = new ArrayList<>(x.size() + y.size());
                r.addAll(x.items());
                r.addAll(y.items());
                return new PyList(r);
            }
            throw PyErrors.typeError("can only concatenate list (not \"" + PyOps.typeName(b) + "\") to list");
        }
        if (a instanceof PyTuple x) {
            if (b instanceof PyTuple y) {
                Object[] r = new Object[x.size() + y.size()];
                System.arraycopy(x.items(), 0, r, 0, x.size());
                System.arraycopy(y.items(), 0, r, x.size(), y.size());
                return new PyTuple(r);
            }
            throw PyErrors.typeError("can only concatenate tuple (not \"" + PyOps.typeName(b) + "\") to tuple");
        }
        throw unsupported("+", a, b);
    }

    private static Object repeat(Object a, Object b) {
        if (a instanceof PyDeque d || b instanceof PyDeque) {
            Object r = a instanceof PyDeque x ? dequeOperation("*", x, b, false) : dequeOperation("*", (PyDeque) b, a, true);
            if (r != null) {
                return r;
            }
            throw unsupported("*", a, b);
        }
        if (isSequence(a) || isSequence(b)) {
            Object seq = isSequence(a) ? a : b;
            Object count = seq == a ? b : a;
            if (!(count instanceof Long || count instanceof Boolean)) {
                if (count instanceof BigInteger) {
                    throw PyErrors.overflowError("cannot fit 'int' into an index-sized integer");
                }
                throw PyErrors.typeError("can't multiply sequence by non-int of type '" + PyOps.typeName(count) + "'");
            }
            long n = Math.max(0, Numbers.asLong(count));
            if (seq instanceof String s) {
                repeatedLength(s.length(), n);
                return s.isEmpty() ? s : s.repeat((int) n);
            }
            if (seq instanceof PyBytesLike bytes) {
                return Bytes.repeat(bytes, n);
            }
            Object[] items = seq instanceof PyList l ? l.toArray() : ((PyTuple) seq).items();
            Object[] r = new Object[repeatedLength(items.length, n)];
            for (int at = 0; at < r.length; at += items.length) {
                System.arraycopy(items, 0, r, at, items.length);
            }
            return seq instanceof PyList ? new PyList(r) : new PyTuple(r);
        }
        throw unsupported("*", a, b);
    }

    /** {@code length * n}, or MemoryError when that many items do not fit a Java array. */
    private static int repeatedLength(int length, long n) {
        return PyErrors.checkedLength(length == 0 ? 0 : n > Integer.MAX_VALUE ? Long.MAX_VALUE : length * n);
    }

    private static boolean isSequence(Object o) {
        return o instanceof String || o instanceof PyList || o instanceof PyTuple || o instanceof PyBytesLike;
    }

    public static AioException unsupported(String symbol, Object a, Object b) {
        return PyErrors.typeError("unsupported operand type(s) for " + symbol + ": '" + PyOps.typeName(a) + "' and '" + PyOps.typeName(b) + "'");
    }

    /** {@code a < b} etc.: returns the comparison's sign, raising TypeError for unordered types. */
    @TruffleBoundary
    public static int compare(String symbol, Object a, Object b) {
        if (SpecialMethods.isUserObject(a) || SpecialMethods.isUserObject(b)) {
            // Only reached for sort-style comparisons: ask __lt__ both ways.
            Object lt = userCompare("<", a, b);
            if (lt != SpecialMethods.NOT_DEFINED) {
                if (PyOps.isTrue(lt)) {
                    return -1;
                }
                return PyOps.isTrue(userCompare("<", b, a)) ? 1 : 0;
            }
            a = PyValueInstance.unwrap(a);
            b = PyValueInstance.unwrap(b);
        }
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            return Numbers.compare(a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            return compareSequences(symbol, x.toArray(), y.toArray());
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            return compareSequences(symbol, x.items(), y.items());
        }
        if (a instanceof PyBytesLike x && b instanceof PyBytesLike y) {
            return Bytes.compare(x, y);
        }
        if (a instanceof PyDeque x && b instanceof PyDeque y) {
            return compareSequences(symbol, x.toArray(), y.toArray());
        }
        throw PyErrors.typeError("'" + symbol + "' not supported between instances of '" + PyOps.typeName(a) + "' and '" + PyOps.typeName(b) + "'");
    }

    private static int compareSequences(String symbol, Object[] x, Object[] y) {
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (!PyOps.eq(x[i], y[i])) {
                return compare(symbol, x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** Ordered comparison with NaN handled: any comparison involving NaN is false. */
    @TruffleBoundary
    public static boolean lessThan(Object a, Object b) {
        if (SpecialMethods.isUserObject(a) || SpecialMethods.isUserObject(b)) {
            Object r = userCompare("<", a, b);
            if (r != SpecialMethods.NOT_DEFINED) {
                return PyOps.isTrue(r);
            }
            a = PyValueInstance.unwrap(a);
            b = PyValueInstance.unwrap(b);
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return x.size() < y.size() && isSubset(x, y);
        }
        return !Numbers.isNaN(a) && !Numbers.isNaN(b) && compare("<", a, b) < 0;
    }

    @TruffleBoundary
    public static boolean lessEqual(Object a, Object b) {
        if (SpecialMethods.isUserObject(a) || SpecialMethods.isUserObject(b)) {
            Object r = userCompare("<=", a, b);
            if (r != SpecialMethods.NOT_DEFINED) {
                return PyOps.isTrue(r);
            }
            a = PyValueInstance.unwrap(a);
            b = PyValueInstance.unwrap(b);
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return isSubset(x, y);
        }
        return !Numbers.isNaN(a) && !Numbers.isNaN(b) && compare("<=", a, b) <= 0;
    }

    @TruffleBoundary
    public static boolean greaterThan(Object a, Object b) {
        if (SpecialMethods.isUserObject(a) || SpecialMethods.isUserObject(b)) {
            Object r = userCompare(">", a, b);
            if (r != SpecialMethods.NOT_DEFINED) {
                return PyOps.isTrue(r);
            }
            a = PyValueInstance.unwrap(a);
            b = PyValueInstance.unwrap(b);
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return x.size() > y.size() && isSubset(y, x);
        }
        return !Numbers.isNaN(a) && !Numbers.isNaN(b) && compare(">", a, b) > 0;
    }

    @TruffleBoundary
    public static boolean greaterEqual(Object a, Object b) {
        if (SpecialMethods.isUserObject(a) || SpecialMethods.isUserObject(b)) {
            Object r = userCompare(">=", a, b);
            if (r != SpecialMethods.NOT_DEFINED) {
                return PyOps.isTrue(r);
            }
            a = PyValueInstance.unwrap(a);
            b = PyValueInstance.unwrap(b);
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return isSubset(y, x);
        }
        return !Numbers.isNaN(a) && !Numbers.isNaN(b) && compare(">=", a, b) >= 0;
    }

    /**
     * A rich comparison through {@code __lt__} and friends, trying the reflected method of the right
     * operand; {@link SpecialMethods#NOT_DEFINED} for instances of subclasses of builtin types that
     * define neither (the builtin comparison applies).
     */
    private static Object userCompare(String symbol, Object a, Object b) {
        String[] names = switch (symbol) {
            case "<" -> new String[]{"__lt__", "__gt__"};
            case "<=" -> new String[]{"__le__", "__ge__"};
            case ">" -> new String[]{"__gt__", "__lt__"};
            default -> new String[]{"__ge__", "__le__"};
        };
        Object r = SpecialMethods.binary(names[0], names[1], a, b);
        if (r == SpecialMethods.NOT_DEFINED && (a instanceof PyInstance || b instanceof PyInstance || a instanceof PyBaseException || b instanceof PyBaseException)) {
            throw PyErrors.typeError("'" + symbol + "' not supported between instances of '" + PyOps.typeName(a) + "' and '" + PyOps.typeName(b) + "'");
        }
        return r;
    }

    /** {@code item in container}. */
    @TruffleBoundary
    public static boolean contains(Object container, Object item) {
        if (SpecialMethods.isUserObject(container) && container instanceof BuiltinSubclassInstance) {
            Object found = SpecialMethods.call(container, "__contains__", item);
            if (found != SpecialMethods.NOT_DEFINED) {
                return PyOps.isTrue(found);
            }
        }
        if (container instanceof PyValueInstance v && v.value() instanceof String s) {
            return contains(s, item);
        }
        if (container instanceof String s) {
            item = PyValueInstance.unwrap(item);
            if (!(item instanceof String sub)) {
                throw PyErrors.typeError("'in <string>' requires string as left operand, not " + PyOps.typeName(item));
            }
            return s.contains(sub);
        }
        if (container instanceof PyDict d) {
            return d.containsKey(item);
        }
        if (container instanceof PyBytesLike b) {
            return Bytes.contains(b, item);
        }
        if (container instanceof PySet s) {
            return s.contains(item);
        }
        if (container instanceof PyDictView v) {
            return v.contains(item);
        }
        Object found = SpecialMethods.call(container, "__contains__", item);
        if (found != SpecialMethods.NOT_DEFINED) {
            return PyOps.isTrue(found);
        }
        if (container instanceof PyRange r) {
            if (!(item instanceof Long v)) {
                return false;
            }
            long n = r.length();
            if (n == 0) {
                return false;
            }
            long offset = v - r.start;
            return offset % r.step == 0 && offset / r.step >= 0 && offset / r.step < n;
        }
        PyIterator it = Iteration.iter(container);
        for (Object x = it.next(); x != null; x = it.next()) {
            if (x == item || PyOps.eq(x, item)) {
                return true;
            }
        }
        return false;
    }
}
