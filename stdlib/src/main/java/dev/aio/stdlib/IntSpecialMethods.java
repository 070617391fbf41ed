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
 * The arithmetic special methods of {@code int} by name ({@code x.__sub__(y)}, {@code int.__neg__(x)}),
 * each with its reflected form; see {@link NumberSpecialMethods} for what they share.
 */
final class IntSpecialMethods {
    private IntSpecialMethods() {
    }

    @Builtin(name = "__add__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntAddNode extends BuiltinNode {
        @Specialization
        static Object doAdd(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__add__", BinaryOperator.ADD, self, other, false);
        }
    }

    @Builtin(name = "__radd__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRAddNode extends BuiltinNode {
        @Specialization
        static Object doAdd(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__radd__", BinaryOperator.ADD, self, other, true);
        }
    }

    @Builtin(name = "__sub__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntSubNode extends BuiltinNode {
        @Specialization
        static Object doSub(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__sub__", BinaryOperator.SUB, self, other, false);
        }
    }

    @Builtin(name = "__rsub__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRSubNode extends BuiltinNode {
        @Specialization
        static Object doSub(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rsub__", BinaryOperator.SUB, self, other, true);
        }
    }

    @Builtin(name = "__mul__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntMulNode extends BuiltinNode {
        @Specialization
        static Object doMul(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__mul__", BinaryOperator.MULT, self, other, false);
        }
    }

    @Builtin(name = "__rmul__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRMulNode extends BuiltinNode {
        @Specialization
        static Object doMul(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rmul__", BinaryOperator.MULT, self, other, true);
        }
    }

    @Builtin(name = "__truediv__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntTruedivNode extends BuiltinNode {
        @Specialization
        static Object doTruediv(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__truediv__", BinaryOperator.DIV, self, other, false);
        }
    }

    @Builtin(name = "__rtruediv__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRTruedivNode extends BuiltinNode {
        @Specialization
        static Object doTruediv(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rtruediv__", BinaryOperator.DIV, self, other, true);
        }
    }

    @Builtin(name = "__floordiv__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntFloordivNode extends BuiltinNode {
        @Specialization
        static Object doFloordiv(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__floordiv__", BinaryOperator.FLOORDIV, self, other, false);
        }
    }

    @Builtin(name = "__rfloordiv__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRFloordivNode extends BuiltinNode {
        @Specialization
        static Object doFloordiv(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rfloordiv__", BinaryOperator.FLOORDIV, self, other, true);
        }
    }

    @Builtin(name = "__mod__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntModNode extends BuiltinNode {
        @Specialization
        static Object doMod(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__mod__", BinaryOperator.MOD, self, other, false);
        }
    }

    @Builtin(name = "__rmod__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRModNode extends BuiltinNode {
        @Specialization
        static Object doMod(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rmod__", BinaryOperator.MOD, self, other, true);
        }
    }

    @Builtin(name = "__pow__", params = {"self", "other", "mod"}, required = 2)
    @GenerateNodeFactory
    abstract static class IntPowNode extends BuiltinNode {
        @Specialization
        static Object doPow(Object self, Object other, Object mod) {
            return NumberSpecialMethods.power(BuiltinTypes.INT, "__pow__", self, other, mod, false);
        }
    }

    @Builtin(name = "__rpow__", params = {"self", "other", "mod"}, required = 2)
    @GenerateNodeFactory
    abstract static class IntRPowNode extends BuiltinNode {
        @Specialization
        static Object doPow(Object self, Object other, Object mod) {
            return NumberSpecialMethods.power(BuiltinTypes.INT, "__rpow__", self, other, mod, true);
        }
    }

    @Builtin(name = "__divmod__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntDivmodNode extends BuiltinNode {
        @Specialization
        static Object doDivmod(Object self, Object other) {
            return NumberSpecialMethods.divmod(BuiltinTypes.INT, "__divmod__", self, other, false);
        }
    }

    @Builtin(name = "__rdivmod__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRDivmodNode extends BuiltinNode {
        @Specialization
        static Object doDivmod(Object self, Object other) {
            return NumberSpecialMethods.divmod(BuiltinTypes.INT, "__rdivmod__", self, other, true);
        }
    }

    @Builtin(name = "__lshift__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntLshiftNode extends BuiltinNode {
        @Specialization
        static Object doLshift(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__lshift__", BinaryOperator.LSHIFT, self, other, false);
        }
    }

    @Builtin(name = "__rlshift__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRLshiftNode extends BuiltinNode {
        @Specialization
        static Object doLshift(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rlshift__", BinaryOperator.LSHIFT, self, other, true);
        }
    }

    @Builtin(name = "__rshift__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRshiftNode extends BuiltinNode {
        @Specialization
        static Object doRshift(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rshift__", BinaryOperator.RSHIFT, self, other, false);
        }
    }

    @Builtin(name = "__rrshift__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRRshiftNode extends BuiltinNode {
        @Specialization
        static Object doRshift(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rrshift__", BinaryOperator.RSHIFT, self, other, true);
        }
    }

    @Builtin(name = "__and__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntAndNode extends BuiltinNode {
        @Specialization
        static Object doAnd(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__and__", BinaryOperator.BITAND, self, other, false);
        }
    }

    @Builtin(name = "__rand__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRAndNode extends BuiltinNode {
        @Specialization
        static Object doAnd(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rand__", BinaryOperator.BITAND, self, other, true);
        }
    }

    @Builtin(name = "__or__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntOrNode extends BuiltinNode {
        @Specialization
        static Object doOr(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__or__", BinaryOperator.BITOR, self, other, false);
        }
    }

    @Builtin(name = "__ror__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntROrNode extends BuiltinNode {
        @Specialization
        static Object doOr(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__ror__", BinaryOperator.BITOR, self, other, true);
        }
    }

    @Builtin(name = "__xor__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntXorNode extends BuiltinNode {
        @Specialization
        static Object doXor(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__xor__", BinaryOperator.BITXOR, self, other, false);
        }
    }

    @Builtin(name = "__rxor__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntRXorNode extends BuiltinNode {
        @Specialization
        static Object doXor(Object self, Object other) {
            return NumberSpecialMethods.binary(BuiltinTypes.INT, "__rxor__", BinaryOperator.BITXOR, self, other, true);
        }
    }

    @Builtin(name = "__neg__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IntNegNode extends BuiltinNode {
        @Specialization
        static Object doNeg(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.INT, "__neg__", self);
            return Numbers.neg(a);
        }
    }

    @Builtin(name = "__pos__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IntPosNode extends BuiltinNode {
        @Specialization
        static Object doPos(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.INT, "__pos__", self);
            return NumberSpecialMethods.positive(a);
        }
    }

    @Builtin(name = "__abs__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IntAbsNode extends BuiltinNode {
        @Specialization
        static Object doAbs(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.INT, "__abs__", self);
            return Numbers.abs(a);
        }
    }

    @Builtin(name = "__bool__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IntBoolNode extends BuiltinNode {
        @Specialization
        static Object doBool(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.INT, "__bool__", self);
            return PyOps.isTrue(a);
        }
    }

    @Builtin(name = "__invert__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IntInvertNode extends BuiltinNode {
        @Specialization
        static Object doInvert(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.INT, "__invert__", self);
            return Numbers.sub(Numbers.neg(a), 1L);
        }
    }

    @Builtin(name = "__index__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IntIndexNode extends BuiltinNode {
        @Specialization
        static Object doIndex(Object self) {
            Object a = NumberSpecialMethods.value(BuiltinTypes.INT, "__index__", self);
            return NumberSpecialMethods.positive(a);
        }
    }
}
