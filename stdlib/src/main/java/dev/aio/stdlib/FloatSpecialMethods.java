package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.ast.BinaryOperator;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyOps;

/**
 * The arithmetic special methods of {@code float} by name ({@code x.__sub__(y)}, {@code float.__neg__(x)}),
 * each with its reflected form; see {@link NumberSpecialMethods} for what they share.
 */
final class FloatSpecialMethods {
    private FloatSpecialMethods() {
    }

    @Builtin(name = "__add__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatAddNode extends BuiltinNode {
        @Specialization
        static Object doAdd(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__add__", BinaryOperator.ADD, self, other, false);
        }
    }

    @Builtin(name = "__radd__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatRAddNode extends BuiltinNode {
        @Specialization
        static Object doAdd(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__radd__", BinaryOperator.ADD, self, other, true);
        }
    }

    @Builtin(name = "__sub__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatSubNode extends BuiltinNode {
        @Specialization
        static Object doSub(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__sub__", BinaryOperator.SUB, self, other, false);
        }
    }

    @Builtin(name = "__rsub__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatRSubNode extends BuiltinNode {
        @Specialization
        static Object doSub(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__rsub__", BinaryOperator.SUB, self, other, true);
        }
    }

    @Builtin(name = "__mul__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatMulNode extends BuiltinNode {
        @Specialization
        static Object doMul(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__mul__", BinaryOperator.MULT, self, other, false);
        }
    }

    @Builtin(name = "__rmul__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatRMulNode extends BuiltinNode {
        @Specialization
        static Object doMul(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__rmul__", BinaryOperator.MULT, self, other, true);
        }
    }

    @Builtin(name = "__truediv__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatTruedivNode extends BuiltinNode {
        @Specialization
        static Object doTruediv(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__truediv__", BinaryOperator.DIV, self, other, false);
        }
    }

    @Builtin(name = "__rtruediv__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatRTruedivNode extends BuiltinNode {
        @Specialization
        static Object doTruediv(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__rtruediv__", BinaryOperator.DIV, self, other, true);
        }
    }

    @Builtin(name = "__floordiv__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatFloordivNode extends BuiltinNode {
        @Specialization
        static Object doFloordiv(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__floordiv__", BinaryOperator.FLOORDIV, self, other, false);
        }
    }

    @Builtin(name = "__rfloordiv__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatRFloordivNode extends BuiltinNode {
        @Specialization
        static Object doFloordiv(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__rfloordiv__", BinaryOperator.FLOORDIV, self, other, true);
        }
    }

    @Builtin(name = "__mod__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatModNode extends BuiltinNode {
        @Specialization
        static Object doMod(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__mod__", BinaryOperator.MOD, self, other, false);
        }
    }

    @Builtin(name = "__rmod__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatRModNode extends BuiltinNode {
        @Specialization
        static Object doMod(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.FLOAT, "__rmod__", BinaryOperator.MOD, self, other, true);
        }
    }

    @Builtin(name = "__pow__", params = {"self", "other", "mod"}, required = 2)
    @GenerateNodeFactory
    abstract static class FloatPowNode extends BuiltinNode {
        @Specialization
        static Object doPow(Object self, Object other, Object mod) {
            return NumberSpecialMethods.power(BuiltinTypes.FLOAT, "__pow__", self, other, mod, false);
        }
    }

    @Builtin(name = "__rpow__", params = {"self", "other", "mod"}, required = 2)
    @GenerateNodeFactory
    abstract static class FloatRPowNode extends BuiltinNode {
        @Specialization
        static Object doPow(Object self, Object other, Object mod) {
            return NumberSpecialMethods.power(BuiltinTypes.FLOAT, "__rpow__", self, other, mod, true);
        }
    }

    @Builtin(name = "__divmod__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatDivmodNode extends BuiltinNode {
        @Specialization
        static Object doDivmod(Object self, Object other) {
            return NumberSpecialMethods.divmod(BuiltinTypes.FLOAT, "__divmod__", self, other, false);
        }
    }

    @Builtin(name = "__rdivmod__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class FloatRDivmodNode extends BuiltinNode {
        @Specialization
        static Object doDivmod(Object self, Object other) {
            return NumberSpecialMethods.divmod(BuiltinTypes.FLOAT, "__rdivmod__", self, other, true);
        }
    }

    @Builtin(name = "__neg__", params = {"self"})
    @GenerateNodeFactory
    abstract static class FloatNegNode extends BuiltinNode {
        @Specialization
        static Object doNeg(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.FLOAT, "__neg__", self);
            return Numbers.neg(a);
        }
    }

    @Builtin(name = "__pos__", params = {"self"})
    @GenerateNodeFactory
    abstract static class FloatPosNode extends BuiltinNode {
        @Specialization
        static Object doPos(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.FLOAT, "__pos__", self);
            return NumberSpecialMethods.positive(a);
        }
    }

    @Builtin(name = "__abs__", params = {"self"})
    @GenerateNodeFactory
    abstract static class FloatAbsNode extends BuiltinNode {
        @Specialization
        static Object doAbs(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.FLOAT, "__abs__", self);
            return Numbers.abs(a);
        }
    }

    @Builtin(name = "__bool__", params = {"self"})
    @GenerateNodeFactory
    abstract static class FloatBoolNode extends BuiltinNode {
        @Specialization
        static Object doBool(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.FLOAT, "__bool__", self);
            return PyOps.isTrue(a);
        }
    }
}
