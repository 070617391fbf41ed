package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.ast.BinaryOperator;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/**
 * What the arithmetic special methods of {@code int} ({@link IntSpecialMethods}) and {@code float}
 * ({@link FloatSpecialMethods}) share: {@code (5).__sub__(2)}, {@code float.__truediv__(x, y)},
 * {@code super().__sub__(other)} in a subclass. As CPython's number slots
 * (Objects/longobject.c, floatobject.c): an int's method takes ints only, a float's ints and
 * floats, any other operand gives NotImplemented; called on the class with a {@code self} of
 * another type they raise CPython's "descriptor ... requires a ... object" TypeError. The operators
 * themselves do not go through these.
 */
final class NumberSpecialMethods {
    private NumberSpecialMethods() {
    }

    /** Installs these on {@code int} (and so {@code bool}) and {@code float}. */
    static void install() {
        BuiltinTypes.INT.defineBuiltins(IntSpecialMethodsFactory.getFactories());
        BuiltinTypes.FLOAT.defineBuiltins(FloatSpecialMethodsFactory.getFactories());
    }

    /** The int or float value of {@code self}, after checking it is an instance of the method's class. */
    @TruffleBoundary
    static Object value(PyType type, String method, Object self) {
        if (!PyOps.isInstance(self, type)) {
            throw PyErrors.typeError("descriptor '" + method + "' requires a '" + type.getName() + "' object but received a '" + PyOps.typeName(self) + "'");
        }
        return PyValueInstance.unwrap(self);
    }

    /** Whether a method of {@code type} handles {@code other} (unwrapped): ints for int, ints and floats for float. */
    private static boolean handles(PyType type, Object other) {
        return type == BuiltinTypes.INT ? Numbers.isInt(other) : Numbers.isNumber(other);
    }

    /** {@code self op other}, or {@code other op self} for the reflected method; NotImplemented for an operand the type does not handle. */
    @TruffleBoundary
    static Object binary(PyType type, String method, BinaryOperator op, Object self, Object other, boolean reflected) {
        Object a = value(type, method, self);
        Object b = PyValueInstance.unwrap(other);
        if (!handles(type, b)) {
            return SpecialMethods.NOT_IMPLEMENTED;
        }
        return reflected ? Operators.binary(op, b, a) : Operators.binary(op, a, b);
    }

    /** {@code __divmod__} / {@code __rdivmod__}: the pair of the floor quotient and the remainder. */
    @TruffleBoundary
    static Object divmod(PyType type, String method, Object self, Object other, boolean reflected) {
        Object a = value(type, method, self);
        Object b = PyValueInstance.unwrap(other);
        if (!handles(type, b)) {
            return SpecialMethods.NOT_IMPLEMENTED;
        }
        Object x = reflected ? b : a;
        Object y = reflected ? a : b;
        return PyTuple.of(Operators.binary(BinaryOperator.FLOORDIV, x, y), Operators.binary(BinaryOperator.MOD, x, y));
    }

    /** {@code __pow__(other, mod=None)} / {@code __rpow__}: as the builtin {@code pow}. */
    @TruffleBoundary
    static Object power(PyType type, String method, Object self, Object other, Object mod, boolean reflected) {
        Object a = value(type, method, self);
        Object b = PyValueInstance.unwrap(other);
        if (!handles(type, b)) {
            return SpecialMethods.NOT_IMPLEMENTED;
        }
        return reflected ? BuiltinsModule.PowNode.doPow(b, a, mod) : BuiltinsModule.PowNode.doPow(a, b, mod);
    }

    /** {@code +x}: the value itself, a bool's as an int. */
    static Object positive(Object a) {
        return a instanceof Boolean b ? (Object) (b ? 1L : 0L) : a;
    }
}
