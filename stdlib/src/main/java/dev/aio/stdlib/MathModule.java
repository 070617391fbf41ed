package dev.aio.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.ast.BinaryOperator;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/** The {@code math} module: constants and the common functions, with CPython's domain errors. */
public final class MathModule {
    private MathModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("math");
        m.put("pi", Math.PI);
        m.put("e", Math.E);
        m.put("tau", 2 * Math.PI);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("nan", Double.NaN);
        m.defineFunctions(context.getLanguage(), MathModuleFactory.getFactories());
        return m;
    }

    /**
     * CPython's {@code PyFloat_AsDouble}: an int or float (or an instance of a subclass, which is
     * its number), else what the object's {@code __float__} returns, else its {@code __index__}
     * (so a Fraction or a Decimal is taken as its float).
     */
    @TruffleBoundary
    static double real(Object x) {
        Object v = PyValueInstance.unwrap(x);
        if (Numbers.isNumber(v)) {
            return Numbers.toDouble(v);
        }
        Object f = SpecialMethods.call(x, "__float__");
        if (f != SpecialMethods.NOT_DEFINED) {
            if (!(PyValueInstance.unwrap(f) instanceof Double d)) {
                throw PyErrors.typeError(PyOps.typeName(x) + ".__float__ returned non-float (type " + PyOps.typeName(f) + ")");
            }
            return d;
        }
        Object i = SpecialMethods.call(x, "__index__");
        if (i != SpecialMethods.NOT_DEFINED && Numbers.isInt(PyValueInstance.unwrap(i))) {
            return Numbers.toDouble(PyValueInstance.unwrap(i));
        }
        throw PyErrors.typeError("must be real number, not " + PyOps.typeName(x));
    }

    static double checked(double r) {
        if (Double.isNaN(r)) {
            throw PyErrors.valueError("math domain error");
        }
        if (Double.isInfinite(r)) {
            throw PyErrors.overflowError("math range error");
        }
        return r;
    }

    @Builtin(name = "sqrt", params = {"x"})
    @GenerateNodeFactory
    abstract static class SqrtNode extends BuiltinNode {
        @Specialization
        static double doSqrt(Object x) {
            double v = real(x);
            if (v < 0) {
                throw PyErrors.valueError("math domain error");
            }
            return Math.sqrt(v);
        }
    }

    @Builtin(name = "floor", params = {"x"})
    @GenerateNodeFactory
    abstract static class FloorNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFloor(Object x) {
            // A class's own __floor__ (Fraction, Decimal), as CPython's math module asks first.
            Object own = SpecialMethods.call(x, "__floor__");
            if (own != SpecialMethods.NOT_DEFINED) {
                return own;
            }
            if (Numbers.isInt(x)) {
                return x instanceof Boolean b ? (Object) (b ? 1L : 0L) : x;
            }
            double v = real(x);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw Double.isNaN(v) ? PyErrors.valueError("cannot convert float NaN to integer") : PyErrors.overflowError("cannot convert float infinity to integer");
            }
            return Numbers.normalize(new BigDecimal(v).setScale(0, RoundingMode.FLOOR).toBigInteger());
        }
    }

    @Builtin(name = "ceil", params = {"x"})
    @GenerateNodeFactory
    abstract static class CeilNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doCeil(Object x) {
            // A class's own __ceil__ (Fraction, Decimal), as CPython's math module asks first.
            Object own = SpecialMethods.call(x, "__ceil__");
            if (own != SpecialMethods.NOT_DEFINED) {
                return own;
            }
            if (Numbers.isInt(x)) {
                return x instanceof Boolean b ? (Object) (b ? 1L : 0L) : x;
            }
            double v = real(x);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw Double.isNaN(v) ? PyErrors.valueError("cannot convert float NaN to integer") : PyErrors.overflowError("cannot convert float infinity to integer");
            }
            return Numbers.normalize(new BigDecimal(v).setScale(0, RoundingMode.CEILING).toBigInteger());
        }
    }

    @Builtin(name = "trunc", params = {"x"})
    @GenerateNodeFactory
    abstract static class TruncNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doTrunc(Object x) {
            // A class's own __trunc__ (Fraction, Decimal), as CPython's math module asks first.
            Object own = SpecialMethods.call(x, "__trunc__");
            if (own != SpecialMethods.NOT_DEFINED) {
                return own;
            }
            if (Numbers.isInt(x)) {
                return x instanceof Boolean b ? (Object) (b ? 1L : 0L) : x;
            }
            return Numbers.normalize(new BigDecimal(real(x)).toBigInteger());
        }
    }

    /** {@code modf(x)}: the fractional and integer parts, both floats with x's sign (CPython's math_modf_impl). */
    @Builtin(name = "modf", params = {"x"})
    @GenerateNodeFactory
    abstract static class ModfNode extends BuiltinNode {
        @Specialization
        static PyTuple doModf(Object x) {
            double v = real(x);
            if (Double.isInfinite(v)) {
                return PyTuple.of(Math.copySign(0.0, v), v);
            }
            double whole = v < 0 ? Math.ceil(v) : Math.floor(v);
            return PyTuple.of(Double.isNaN(v) ? v : Math.copySign(v - whole, v), whole);
        }
    }

    @Builtin(name = "fabs", params = {"x"})
    @GenerateNodeFactory
    abstract static class FabsNode extends BuiltinNode {
        @Specialization
        static double doFabs(Object x) {
            return Math.abs(real(x));
        }
    }

    @Builtin(name = "pow", params = {"x", "y"})
    @GenerateNodeFactory
    abstract static class PowNode extends BuiltinNode {
        @Specialization
        static double doPow(Object x, Object y) {
            return checked(Math.pow(real(x), real(y)));
        }
    }

    @Builtin(name = "exp", params = {"x"})
    @GenerateNodeFactory
    abstract static class ExpNode extends BuiltinNode {
        @Specialization
        static double doExp(Object x) {
            return checked(Math.exp(real(x)));
        }
    }

    @Builtin(name = "log", params = {"x", "base"}, required = 1)
    @GenerateNodeFactory
    abstract static class LogNode extends BuiltinNode {
        @Specialization
        static double doLog(Object x, Object base) {
            double v = real(x);
            if (v <= 0) {
                throw PyErrors.valueError("math domain error");
            }
            double r = Math.log(v);
            return Args.given(base) ? r / Math.log(real(base)) : r;
        }
    }

    @Builtin(name = "log2", params = {"x"})
    @GenerateNodeFactory
    abstract static class Log2Node extends BuiltinNode {
        @Specialization
        static double doLog2(Object x) {
            double v = real(x);
            if (v <= 0) {
                throw PyErrors.valueError("math domain error");
            }
            return Math.log(v) / Math.log(2);
        }
    }

    @Builtin(name = "log10", params = {"x"})
    @GenerateNodeFactory
    abstract static class Log10Node extends BuiltinNode {
        @Specialization
        static double doLog10(Object x) {
            double v = real(x);
            if (v <= 0) {
                throw PyErrors.valueError("math domain error");
            }
            return Math.log10(v);
        }
    }

    @Builtin(name = "sin", params = {"x"})
    @GenerateNodeFactory
    abstract static class SinNode extends BuiltinNode {
        @Specialization
        static double doSin(Object x) {
            return Math.sin(real(x));
        }
    }

    @Builtin(name = "cos", params = {"x"})
    @GenerateNodeFactory
    abstract static class CosNode extends BuiltinNode {
        @Specialization
        static double doCos(Object x) {
            return Math.cos(real(x));
        }
    }

    @Builtin(name = "acos", params = {"x"})
    @GenerateNodeFactory
    abstract static class AcosNode extends BuiltinNode {
        @Specialization
        static double doAcos(Object x) {
            return checked(Math.acos(real(x)));
        }
    }

    @Builtin(name = "tan", params = {"x"})
    @GenerateNodeFactory
    abstract static class TanNode extends BuiltinNode {
        @Specialization
        static double doTan(Object x) {
            return Math.tan(real(x));
        }
    }

    @Builtin(name = "atan2", params = {"y", "x"})
    @GenerateNodeFactory
    abstract static class Atan2Node extends BuiltinNode {
        @Specialization
        static double doAtan2(Object y, Object x) {
            return Math.atan2(real(y), real(x));
        }
    }

    @Builtin(name = "hypot", varargs = "coordinates")
    @GenerateNodeFactory
    abstract static class HypotNode extends BuiltinNode {
        @Specialization
        static double doHypot(PyTuple coordinates) {
            double sum = 0;
            for (Object c : coordinates.items()) {
                double v = real(c);
                sum += v * v;
            }
            return Math.sqrt(sum);
        }
    }

    @Builtin(name = "isclose", params = {"a", "b"}, kwOnly = {"rel_tol", "abs_tol"})
    @GenerateNodeFactory
    abstract static class IsCloseNode extends BuiltinNode {
        @Specialization
        static boolean doIsClose(Object a, Object b, Object relTol, Object absTol) {
            double x = real(a);
            double y = real(b);
            double rel = Args.given(relTol) ? real(relTol) : 1e-9;
            double abs = Args.given(absTol) ? real(absTol) : 0.0;
            if (x == y) {
                return true;
            }
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                return false;
            }
            double diff = Math.abs(y - x);
            return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
        }
    }

    @Builtin(name = "isnan", params = {"x"})
    @GenerateNodeFactory
    abstract static class IsNanNode extends BuiltinNode {
        @Specialization
        static boolean doIsNan(Object x) {
            return Double.isNaN(real(x));
        }
    }

    @Builtin(name = "isinf", params = {"x"})
    @GenerateNodeFactory
    abstract static class IsInfNode extends BuiltinNode {
        @Specialization
        static boolean doIsInf(Object x) {
            return Double.isInfinite(real(x));
        }
    }

    @Builtin(name = "isfinite", params = {"x"})
    @GenerateNodeFactory
    abstract static class IsFiniteNode extends BuiltinNode {
        @Specialization
        static boolean doIsFinite(Object x) {
            return Double.isFinite(real(x));
        }
    }

    @Builtin(name = "gcd", varargs = "integers")
    @GenerateNodeFactory
    abstract static class GcdNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGcd(PyTuple integers) {
            BigInteger g = BigInteger.ZERO;
            for (Object o : integers.items()) {
                if (!Numbers.isInt(o)) {
                    throw PyErrors.typeError("'" + PyOps.typeName(o) + "' object cannot be interpreted as an integer");
                }
                g = g.gcd(Numbers.big(o));
            }
            return Numbers.normalize(g);
        }
    }

    @Builtin(name = "factorial", params = {"n"})
    @GenerateNodeFactory
    abstract static class FactorialNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFactorial(Object n) {
            long v = Args.index(n, "factorial");
            if (v < 0) {
                throw PyErrors.valueError("factorial() not defined for negative values");
            }
            return Numbers.normalize(product(2, v));
        }

        /** lo * (lo+1) * ... * hi, halving the range so that big numbers multiply big numbers (fast); cancellable. */
        private static BigInteger product(long lo, long hi) {
            if (hi - lo < 16) {
                TruffleSafepoint.poll(null);
                BigInteger r = BigInteger.ONE;
                for (long i = lo; i <= hi; i++) {
                    r = r.multiply(BigInteger.valueOf(i));
                }
                return r;
            }
            long mid = (lo + hi) >>> 1;
            return product(lo, mid).multiply(product(mid + 1, hi));
        }
    }

    @Builtin(name = "copysign", params = {"x", "y"})
    @GenerateNodeFactory
    abstract static class CopySignNode extends BuiltinNode {
        @Specialization
        static double doCopySign(Object x, Object y) {
            return Math.copySign(real(x), real(y));
        }
    }

    @Builtin(name = "erf", params = {"x"})
    @GenerateNodeFactory
    abstract static class ErfNode extends BuiltinNode {
        @Specialization
        static double doErf(Object x) {
            return ErrorFunction.erf(real(x));
        }
    }

    @Builtin(name = "erfc", params = {"x"})
    @GenerateNodeFactory
    abstract static class ErfcNode extends BuiltinNode {
        @Specialization
        static double doErfc(Object x) {
            return ErrorFunction.erfc(real(x));
        }
    }

    /**
     * {@code fsum(iterable)}: the correctly rounded sum of the floats, as CPython's (which keeps
     * exact partial sums, Shewchuk's algorithm); here the exact sum is a BigDecimal, rounded once.
     */
    @Builtin(name = "fsum", params = {"seq"})
    @GenerateNodeFactory
    abstract static class FsumNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static double doFsum(Object seq) {
            PyIterator it = Iteration.iter(seq);
            BigDecimal exact = BigDecimal.ZERO;
            double special = 0.0;
            double infinities = 0.0;
            for (Object item = it.next(); item != null; item = it.next()) {
                TruffleSafepoint.poll(null);
                double x = real(item);
                if (Double.isFinite(x)) {
                    exact = exact.add(new BigDecimal(x));
                    if (Double.isInfinite(exact.doubleValue())) {
                        throw PyErrors.overflowError("intermediate overflow in fsum");
                    }
                } else {
                    if (Double.isInfinite(x)) {
                        infinities += x;
                    }
                    special += x;
                }
            }
            if (special != 0.0) {
                if (Double.isNaN(infinities)) {
                    throw PyErrors.valueError("-inf + inf in fsum");
                }
                return special;
            }
            return exact.doubleValue();
        }
    }

    @Builtin(name = "isqrt", params = {"n"})
    @GenerateNodeFactory
    abstract static class IsqrtNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doIsqrt(Object n) {
            Object v = PyValueInstance.unwrap(n);
            if (!Numbers.isInt(v)) {
                Object i = SpecialMethods.call(n, "__index__");
                if (i == SpecialMethods.NOT_DEFINED || !Numbers.isInt(PyValueInstance.unwrap(i))) {
                    throw PyErrors.typeError("'" + PyOps.typeName(n) + "' object cannot be interpreted as an integer");
                }
                v = PyValueInstance.unwrap(i);
            }
            BigInteger b = Numbers.big(v);
            if (b.signum() < 0) {
                throw PyErrors.valueError("isqrt() argument must be nonnegative");
            }
            return Numbers.normalize(b.sqrt());
        }
    }

    /**
     * {@code sumprod(p, q)}, CPython 3.12's (3.11 has none; the 3.12 {@code statistics} that aio
     * runs calls it): the sum of the products. Ints sum exactly; floats (with ints) as the
     * correctly rounded exact sum, as 3.12's extended-precision accumulation gives it; any other
     * operands with their own {@code *} and {@code +}, left to right.
     */
    @Builtin(name = "sumprod", params = {"p", "q"})
    @GenerateNodeFactory
    abstract static class SumprodNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSumprod(Object p, Object q) {
            PyIterator ps = Iteration.iter(p);
            PyIterator qs = Iteration.iter(q);
            List<Object[]> pairs = new ArrayList<>();
            while (true) {
                Object a = ps.next();
                Object b = qs.next();
                if (a == null || b == null) {
                    if (a != b) {
                        throw PyErrors.valueError("Inputs are not the same length");
                    }
                    break;
                }
                pairs.add(new Object[]{a, b});
            }
            boolean ints = true;
            boolean reals = true;
            for (Object[] pair : pairs) {
                for (Object o : pair) {
                    ints &= o instanceof Long || o instanceof BigInteger || o instanceof Boolean;
                    reals &= o instanceof Long || o instanceof Boolean || (o instanceof Double d && Double.isFinite(d));
                }
            }
            if (ints) {
                BigInteger total = BigInteger.ZERO;
                for (Object[] pair : pairs) {
                    total = total.add(Numbers.big(pair[0]).multiply(Numbers.big(pair[1])));
                }
                return Numbers.normalize(total);
            }
            if (reals) {
                BigDecimal total = BigDecimal.ZERO;
                for (Object[] pair : pairs) {
                    total = total.add(new BigDecimal(Numbers.toDouble(pair[0])).multiply(new BigDecimal(Numbers.toDouble(pair[1]))));
                }
                return total.doubleValue();
            }
            Object total = 0L;
            for (Object[] pair : pairs) {
                total = Operators.binary(BinaryOperator.ADD, total, Operators.binary(BinaryOperator.MULT, pair[0], pair[1]));
            }
            return total;
        }
    }
}
