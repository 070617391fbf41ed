package dev.aio.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Classes;
import dev.aio.runtime.ExceptionGroups;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyRange;
import dev.aio.runtime.PySet;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/** What calling a builtin type does: {@code int("42")}, {@code list(x)}, {@code ValueError("bad")}. */
public final class TypeConstructors {
    private TypeConstructors() {
    }

    @Builtin(name = "int", params = {"cls", "x", "base"}, required = 1, posOnly = 2)
    @GenerateNodeFactory
    abstract static class IntNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInt(Object cls, Object x, Object base) {
            if (!Args.given(x)) {
                return 0L;
            }
            if (Args.given(base)) {
                if (!(x instanceof String s)) {
                    throw PyErrors.typeError("int() can't convert non-string with explicit base");
                }
                return parseInt(s, (int) Args.index(base, "base"));
            }
            if (x instanceof Long || x instanceof BigInteger) {
                return x;
            }
            if (x instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            if (x instanceof Double d) {
                if (d.isNaN()) {
                    throw PyErrors.valueError("cannot convert float NaN to integer");
                }
                if (d.isInfinite()) {
                    throw PyErrors.overflowError("cannot convert float infinity to integer");
                }
                return Numbers.normalize(new BigDecimal(d).toBigInteger());
            }
            if (x instanceof String s) {
                return parseInt(s, 10);
            }
            for (String method : new String[]{"__int__", "__index__"}) {
                Object r = dev.aio.runtime.SpecialMethods.call(x, method);
                if (r != dev.aio.runtime.SpecialMethods.NOT_DEFINED) {
                    if (!(r instanceof Long || r instanceof BigInteger || r instanceof Boolean)) {
                        throw PyErrors.typeError(method + " returned non-int (type " + PyOps.typeName(r) + ")");
                    }
                    return r instanceof Boolean b ? (b ? 1L : 0L) : r;
                }
            }
            throw PyErrors.typeError("int() argument must be a string, a bytes-like object or a real number, not '" + PyOps.typeName(x) + "'");
        }

        static Object parseInt(String text, int base) {
            String s = text.strip().replace("_", "");
            int radix = base;
            String digits = s;
            boolean negative = false;
            if (digits.startsWith("-") || digits.startsWith("+")) {
                negative = digits.startsWith("-");
                digits = digits.substring(1);
            }
            String lower = digits.toLowerCase();
            if ((radix == 16 || radix == 0) && lower.startsWith("0x")) {
                radix = 16;
                digits = digits.substring(2);
            } else if ((radix == 8 || radix == 0) && lower.startsWith("0o")) {
                radix = 8;
                digits = digits.substring(2);
            } else if ((radix == 2 || radix == 0) && lower.startsWith("0b")) {
                radix = 2;
                digits = digits.substring(2);
            } else if (radix == 0) {
                radix = 10;
            }
            try {
                if (digits.isEmpty() || text.strip().startsWith("_") || text.contains("__") || text.strip().endsWith("_")) {
                    throw new NumberFormatException();
                }
                BigInteger v = new BigInteger(digits, radix);
                return Numbers.normalize(negative ? v.negate() : v);
            } catch (NumberFormatException e) {
                throw PyErrors.valueError("invalid literal for int() with base " + base + ": " + PyOps.repr(text));
            }
        }
    }

    @Builtin(name = "float", params = {"cls", "x"}, required = 1)
    @GenerateNodeFactory
    abstract static class FloatNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFloat(Object cls, Object x) {
            if (!Args.given(x)) {
                return 0.0;
            }
            if (Numbers.isNumber(x)) {
                return Numbers.toDouble(x);
            }
            if (x instanceof String s) {
                return parseFloat(s);
            }
            Object r = dev.aio.runtime.SpecialMethods.call(x, "__float__");
            if (r != dev.aio.runtime.SpecialMethods.NOT_DEFINED) {
                if (!(r instanceof Double)) {
                    throw PyErrors.typeError(PyOps.typeName(x) + ".__float__ returned non-float (type " + PyOps.typeName(r) + ")");
                }
                return r;
            }
            throw PyErrors.typeError("float() argument must be a string or a real number, not '" + PyOps.typeName(x) + "'");
        }

        static double parseFloat(String text) {
            String s = text.strip().toLowerCase().replace("_", "");
            switch (s) {
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                case "nan", "+nan", "-nan":
                    return Double.NaN;
                default:
                    break;
            }
            if (!s.matches("[+-]?(\\d+\\.?\\d*([e][+-]?\\d+)?|\\.\\d+([e][+-]?\\d+)?)")) {
                throw PyErrors.valueError("could not convert string to float: " + PyOps.repr(text));
            }
            return Double.parseDouble(s);
        }
    }

    @Builtin(name = "str", params = {"cls", "object"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class StrNode extends BuiltinNode {
        @Specialization
        static Object doStr(Object cls, Object x) {
            return Args.given(x) ? PyOps.str(x) : "";
        }
    }

    @Builtin(name = "bool", params = {"cls", "x"}, required = 1)
    @GenerateNodeFactory
    abstract static class BoolNode extends BuiltinNode {
        @Specialization
        static boolean doBool(Object cls, Object x) {
            return Args.given(x) && PyOps.isTrue(x);
        }
    }

    @Builtin(name = "list", params = {"cls", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class ListNode extends BuiltinNode {
        @Specialization
        static Object doList(Object cls, Object iterable) {
            return Args.given(iterable) ? new PyList(Iteration.toArray(iterable).clone()) : new PyList();
        }
    }

    @Builtin(name = "tuple", params = {"cls", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class TupleNode extends BuiltinNode {
        @Specialization
        static Object doTuple(Object cls, Object iterable) {
            if (!Args.given(iterable)) {
                return PyTuple.EMPTY;
            }
            return iterable instanceof PyTuple t && t.getPyType() == BuiltinTypes.TUPLE ? iterable : PyTuple.of(Iteration.toArray(iterable).clone());
        }
    }

    @Builtin(name = "set", params = {"cls", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class SetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSet(Object cls, Object iterable) {
            PySet s = new PySet();
            if (Args.given(iterable)) {
                for (Object o : Iteration.toArray(iterable)) {
                    s.add(o);
                }
            }
            return s;
        }
    }

    @Builtin(name = "dict", params = {"cls", "mapping"}, required = 1, kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class DictNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDict(Object cls, Object mapping, PyDict kwargs) {
            PyDict d = new PyDict();
            if (Args.given(mapping)) {
                DictMethods.update(d, mapping);
            }
            for (PyDict.Entry e : kwargs.entries()) {
                d.put(e.key, e.value);
            }
            return d;
        }
    }

    @Builtin(name = "range", params = {"cls", "start", "stop", "step"}, required = 2)
    @GenerateNodeFactory
    abstract static class RangeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRange(Object cls, Object a, Object b, Object c) {
            if (!Args.given(b)) {
                return new PyRange(0, Args.index(a, "range"), 1);
            }
            long step = Args.given(c) ? Args.index(c, "range") : 1;
            if (step == 0) {
                throw PyErrors.valueError("range() arg 3 must not be zero");
            }
            return new PyRange(Args.index(a, "range"), Args.index(b, "range"), step);
        }
    }

    /** {@code type(x)}, and {@code type(name, bases, namespace)}, which makes a class as a class statement does. */
    @Builtin(name = "type", params = {"cls", "object", "bases", "dict"}, required = 2)
    @GenerateNodeFactory
    abstract static class TypeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doType(Object cls, Object object, Object bases, Object dict) {
            if (!Args.given(bases) && !Args.given(dict)) {
                return PyOps.typeOf(object);
            }
            if (!Args.given(dict)) {
                throw PyErrors.typeError("type() takes 1 or 3 arguments");
            }
            return Classes.typeNew(BuiltinTypes.TYPE, object, bases, dict, null, null);
        }
    }

    /** {@code object()}: a featureless object, as sentinels are made. */
    @Builtin(name = "object", params = {"cls"})
    @GenerateNodeFactory
    abstract static class ObjectNode extends BuiltinNode {
        @Specialization
        static Object doObject(Object cls) {
            return new dev.aio.runtime.PyInstance(BuiltinTypes.OBJECT);
        }
    }

    /**
     * {@code BaseExceptionGroup(message, exceptions)} and {@code ExceptionGroup(...)}; a
     * BaseExceptionGroup of Exceptions only is an ExceptionGroup, as in CPython.
     */
    @Builtin(name = "BaseExceptionGroup", params = {"cls", "message", "exceptions"})
    @GenerateNodeFactory
    abstract static class ExceptionGroupNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object message, Object exceptions) {
            return ExceptionGroups.create((PyType) cls, message, exceptions);
        }
    }

    /** Every exception type: the arguments become {@code e.args}. */
    @Builtin(name = "BaseException", params = {"cls"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExceptionNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, PyTuple args) {
            PyType type = (PyType) cls;
            if (type == BuiltinTypes.OS_ERROR && args.size() >= 2 && args.get(0) instanceof Long errno) {
                type = BuiltinTypes.osErrorFor(errno);
            }
            if (type.isSubtypeOf(BuiltinTypes.OS_ERROR)) {
                return PyBaseException.osError(type, args);
            }
            return new PyBaseException(type, args);
        }
    }

}
