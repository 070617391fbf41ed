package dev.aio.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.aio.ast.BinaryOperator;
import dev.aio.runtime.format.FloatFormat;

/**
 * A {@code complex} number: two doubles, immutable. Arithmetic, equality, hashing and repr follow
 * CPython 3.11's Objects/complexobject.c (its division and power algorithms, so results agree to
 * the last bit).
 */
public final class PyComplex extends PyObject {
    public final double real;
    public final double imag;

    public PyComplex(double real, double imag) {
        this.real = real;
        this.imag = imag;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.COMPLEX;
    }

    /** CPython's {@code complex_repr}: {@code 1j}, {@code (1+2j)}, {@code (-0-0j)}, {@code (nan+infj)}. */
    @Override
    @TruffleBoundary
    public String repr() {
        if (real == 0.0 && Math.copySign(1.0, real) == 1.0) {
            return part(imag) + "j";
        }
        String im = part(imag);
        String sign = im.startsWith("-") ? "" : "+";
        return "(" + part(real) + sign + im + "j)";
    }

    /** A part as CPython's {@code PyOS_double_to_string(x, 'r', 0, 0)} writes it: a float's repr without an added ".0". */
    private static String part(double x) {
        String s = FloatFormat.repr(x);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** An operand of complex arithmetic: a complex, int, bool or float; {@code null} for anything else. */
    @TruffleBoundary
    public static PyComplex of(Object o) {
        if (o instanceof PyComplex c) {
            return c;
        }
        if (Numbers.isNumber(o)) {
            return new PyComplex(Numbers.toDouble(o), 0.0);
        }
        return null;
    }

    public boolean isTrue() {
        return real != 0.0 || imag != 0.0;
    }

    /** {@code a op b} with a complex operand; {@code null} when the other operand is not a number or the operator does not apply. */
    @TruffleBoundary
    public static Object binary(BinaryOperator op, Object a, Object b) {
        PyComplex x = of(a);
        PyComplex y = of(b);
        if (x == null || y == null) {
            return null;
        }
        return switch (op) {
            case ADD -> new PyComplex(x.real + y.real, x.imag + y.imag);
            case SUB -> new PyComplex(x.real - y.real, x.imag - y.imag);
            case MULT -> multiply(x, y);
            case DIV -> divide(x, y);
            case POW -> power(x, y);
            default -> null;
        };
    }

    private static PyComplex multiply(PyComplex a, PyComplex b) {
        return new PyComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
    }

    /** CPython's {@code _Py_c_quot}: scales by the larger part of the divisor. */
    private static PyComplex divide(PyComplex a, PyComplex b) {
        double absReal = Math.abs(b.real);
        double absImag = Math.abs(b.imag);
        if (absReal >= absImag) {
            if (absReal == 0.0) {
                throw PyErrors.zeroDivision("complex division by zero");
            }
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            return new PyComplex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
        }
        if (absImag >= absReal) {
            double ratio = b.real / b.imag;
            double denom = b.real * ratio + b.imag;
            return new PyComplex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
        }
        return new PyComplex(Double.NaN, Double.NaN);
    }

    /** CPython's {@code complex_pow}: repeated squaring for an integral exponent up to 100, else polar form. */
    private static PyComplex power(PyComplex a, PyComplex b) {
        if (b.imag == 0.0 && b.real == Math.floor(b.real) && Math.abs(b.real) <= 100.0) {
            long n = (long) b.real;
            if (n >= 0) {
                return powUnsigned(a, n);
            }
            if (a.real == 0.0 && a.imag == 0.0) {
                throw PyErrors.zeroDivision("0.0 to a negative or complex power");
            }
            return divide(new PyComplex(1.0, 0.0), powUnsigned(a, -n));
        }
        if (b.real == 0.0 && b.imag == 0.0) {
            return new PyComplex(1.0, 0.0);
        }
        if (a.real == 0.0 && a.imag == 0.0) {
            if (b.imag != 0.0 || b.real < 0.0) {
                throw PyErrors.zeroDivision("0.0 to a negative or complex power");
            }
            return new PyComplex(0.0, 0.0);
        }
        double vabs = Math.hypot(a.real, a.imag);
        double length = Math.pow(vabs, b.real);
        double at = Math.atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            length /= Math.exp(at * b.imag);
            phase += b.imag * Math.log(vabs);
        }
        PyComplex r = new PyComplex(length * Math.cos(phase), length * Math.sin(phase));
        if (Double.isInfinite(r.real) || Double.isInfinite(r.imag)) {
            throw PyErrors.overflowError("complex exponentiation");
        }
        return r;
    }

    private static PyComplex powUnsigned(PyComplex x, long n) {
        PyComplex r = new PyComplex(1.0, 0.0);
        PyComplex p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
            if ((n & mask) != 0) {
                r = multiply(r, p);
            }
            p = multiply(p, p);
        }
        return r;
    }

    /** {@code a == b} with a complex operand: equal parts; {@code false} against anything not a number. */
    @TruffleBoundary
    public static boolean equal(Object a, Object b) {
        PyComplex x = of(a);
        PyComplex y = of(b);
        return x != null && y != null && x.real == y.real && x.imag == y.imag;
    }

    /** {@code abs(z)}: the modulus, CPython's OverflowError when it is too large for a float. */
    public double abs() {
        double r = Math.hypot(real, imag);
        if (Double.isInfinite(r) && !Double.isInfinite(real) && !Double.isInfinite(imag)) {
            throw PyErrors.overflowError("absolute value too large");
        }
        return r;
    }

    /** The dict key a complex stands for: its real part when it has no imaginary one, so that {@code 1+0j} finds {@code 1}. */
    public Object key() {
        return imag == 0.0 ? Keys.normalize(real) : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyComplex c && c.real == real && c.imag == imag;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(real + 0.0) * 1000003 + Double.hashCode(imag + 0.0);
    }
}
