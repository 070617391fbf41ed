package dev.aio.stdlib;

import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.ast.BinaryOperator;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Formatting;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;
import dev.aio.runtime.Subscripts;

/**
 * The comparison, hash, repr and format special methods of {@code int}, {@code float} and
 * {@code str} (and str's concatenation and repetition) that a subclass reaches by name: {@code super().__eq__(other)}, {@code super().__format__(spec)}, {@code __hash__ =
 * str.__hash__} (the operators themselves do not go through them). Each applies the builtin
 * operation to the value; as CPython's, a comparison or arithmetic with an operand of another
 * kind gives NotImplemented. The numbers' arithmetic is {@link NumberSpecialMethods}.
 */
public final class ValueSpecialMethods {
    private ValueSpecialMethods() {
    }

    /**
     * Only {@code str} has its own {@code __str__} (int and float inherit object's, which uses the
     * repr); the numbers' arithmetic is {@link NumberSpecialMethods}.
     */
    private static final Set<String> STR_ONLY = Set.of("__str__", "__len__", "__getitem__", "__contains__", "__add__", "__mul__");
    /** Conversions that only numbers have. */
    private static final Set<String> NUMBER_ONLY = Set.of("__int__", "__float__");

    /** Installs these on {@code int}, {@code float} and {@code str}. */
    static void install() {
        var all = ValueSpecialMethodsFactory.getFactories();
        BuiltinTypes.STR.defineBuiltins(all.stream().filter(f -> !NUMBER_ONLY.contains(BuiltinSpec.of(f).name())).toList());
        var numbers = all.stream().filter(f -> !STR_ONLY.contains(BuiltinSpec.of(f).name())).toList();
        BuiltinTypes.INT.defineBuiltins(numbers);
        BuiltinTypes.FLOAT.defineBuiltins(numbers);
    }

    /**
     * Whether the builtin operation of {@code self}'s kind applies to {@code other}: strings with
     * strings, an int with ints, a float with ints and floats (CPython's {@code (1).__eq__(1.0)} is
     * NotImplemented, and {@code ==} then asks the float).
     */
    private static boolean sameKind(Object self, Object other) {
        Object a = PyValueInstance.unwrap(self);
        Object b = PyValueInstance.unwrap(other);
        if (a instanceof String) {
            return b instanceof String;
        }
        return Numbers.isInt(a) ? Numbers.isInt(b) : Numbers.isNumber(a) && Numbers.isNumber(b);
    }

    @Builtin(name = "__eq__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class EqNode extends BuiltinNode {
        @Specialization
        static Object doEq(Object self, Object other) {
            return sameKind(self, other) ? (Object) PyOps.builtinEq(self, other) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    @Builtin(name = "__ne__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class NeNode extends BuiltinNode {
        @Specialization
        static Object doNe(Object self, Object other) {
            return sameKind(self, other) ? (Object) !PyOps.builtinEq(self, other) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    @Builtin(name = "__lt__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class LtNode extends BuiltinNode {
        @Specialization
        static Object doLt(Object self, Object other) {
            return sameKind(self, other) ? (Object) Operators.lessThan(PyValueInstance.unwrap(self), PyValueInstance.unwrap(other)) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    @Builtin(name = "__le__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class LeNode extends BuiltinNode {
        @Specialization
        static Object doLe(Object self, Object other) {
            return sameKind(self, other) ? (Object) Operators.lessEqual(PyValueInstance.unwrap(self), PyValueInstance.unwrap(other)) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    @Builtin(name = "__gt__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class GtNode extends BuiltinNode {
        @Specialization
        static Object doGt(Object self, Object other) {
            return sameKind(self, other) ? (Object) Operators.greaterThan(PyValueInstance.unwrap(self), PyValueInstance.unwrap(other)) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    @Builtin(name = "__ge__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class GeNode extends BuiltinNode {
        @Specialization
        static Object doGe(Object self, Object other) {
            return sameKind(self, other) ? (Object) Operators.greaterEqual(PyValueInstance.unwrap(self), PyValueInstance.unwrap(other)) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    @Builtin(name = "__hash__", params = {"self"})
    @GenerateNodeFactory
    abstract static class HashNode extends BuiltinNode {
        @Specialization
        static long doHash(Object self) {
            return PyOps.hash(PyValueInstance.unwrap(self));
        }
    }

    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(Object self) {
            return PyOps.builtinRepr(PyValueInstance.unwrap(self));
        }
    }

    /** {@code str.__str__}: the string itself (a str, also for an instance of a subclass). */
    @Builtin(name = "__str__", params = {"self"})
    @GenerateNodeFactory
    abstract static class StrNode extends BuiltinNode {
        @Specialization
        static Object doStr(Object self) {
            return PyValueInstance.unwrap(self);
        }
    }

    @Builtin(name = "__format__", params = {"self", "format_spec"})
    @GenerateNodeFactory
    abstract static class FormatNode extends BuiltinNode {
        @Specialization
        static Object doFormat(Object self, Object spec) {
            return Formatting.format(PyValueInstance.unwrap(self), Args.string(spec, "format() argument 2"));
        }
    }

    @Builtin(name = "__add__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class AddNode extends BuiltinNode {
        @Specialization
        static Object doAdd(Object self, Object other) {
            return sameKind(self, other) ? Operators.binary(BinaryOperator.ADD, PyValueInstance.unwrap(self), PyValueInstance.unwrap(other)) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    @Builtin(name = "__mul__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class MulNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doMul(Object self, Object other) {
            Object a = PyValueInstance.unwrap(self);
            Object b = PyValueInstance.unwrap(other);
            // A str repeats by an int; numbers multiply.
            boolean applies = a instanceof String ? Numbers.isInt(b) : Numbers.isNumber(a) && Numbers.isNumber(b);
            return applies ? Operators.binary(BinaryOperator.MULT, a, b) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    @Builtin(name = "__len__", params = {"self"})
    @GenerateNodeFactory
    abstract static class LenNode extends BuiltinNode {
        @Specialization
        static long doLen(Object self) {
            return PyOps.len(PyValueInstance.unwrap(self));
        }
    }

    @Builtin(name = "__getitem__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class GetItemNode extends BuiltinNode {
        @Specialization
        static Object doGetItem(Object self, Object key) {
            return Subscripts.builtinGetItem(PyValueInstance.unwrap(self), key);
        }
    }

    @Builtin(name = "__contains__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class ContainsNode extends BuiltinNode {
        @Specialization
        static boolean doContains(Object self, Object key) {
            return Operators.contains(PyValueInstance.unwrap(self), key);
        }
    }

    @Builtin(name = "__int__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IntNode extends BuiltinNode {
        @Specialization
        static Object doInt(Object self) {
            return IntMethods.IntNode.doInt(BuiltinTypes.INT, PyValueInstance.unwrap(self), Missing.INSTANCE);
        }
    }

    @Builtin(name = "__float__", params = {"self"})
    @GenerateNodeFactory
    abstract static class FloatNode extends BuiltinNode {
        @Specialization
        static Object doFloat(Object self) {
            return Numbers.toDouble(PyValueInstance.unwrap(self));
        }
    }

    /** {@code int.__getnewargs__()} (and float's, str's): {@code (value,)}, what {@code copy} rebuilds a subclass's instance from. */
    @Builtin(name = "__getnewargs__", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetNewArgsNode extends BuiltinNode {
        @Specialization
        static Object doGetNewArgs(Object self) {
            return PyTuple.of(PyValueInstance.unwrap(self));
        }
    }
}
