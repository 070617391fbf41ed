package dev.aio.stdlib;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyComplex;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/** Methods of {@code complex}, after CPython 3.11's Objects/complexobject.c. */
public final class ComplexMethods {
    /** A float as {@code complex()} reads one from a string (CPython's {@code _Py_string_to_number_with_underscores}). */
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?|inf(?:inity)?|nan)",
                    Pattern.CASE_INSENSITIVE);

    private ComplexMethods() {
    }

    /** Installs these on {@code complex}. */
    static void install() {
        BuiltinTypes.COMPLEX.defineBuiltins(ComplexMethodsFactory.getFactories());
    }

    @Builtin(name = "complex", constructor = true, params = {"cls", "real", "imag"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class ComplexNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doComplex(Object cls, Object real, Object imag) {
            if (!Args.given(real)) {
                return new PyComplex(0.0, Args.given(imag) ? imagPart(imag) : 0.0);
            }
            if (real instanceof String s) {
                if (Args.given(imag)) {
                    throw PyErrors.typeError("complex() can't take second arg if first is a string");
                }
                return parse(s);
            }
            if (imag instanceof String) {
                throw PyErrors.typeError("complex() second arg can't be a string");
            }
            PyComplex r = first(real);
            if (!Args.given(imag)) {
                return r;
            }
            // CPython's complex_new adds the parts only where an argument is complex: complex(1, -0.0) keeps -0.0.
            double re = PyValueInstance.unwrap(imag) instanceof PyComplex i ? r.real - i.imag : r.real;
            double im = imagPart(imag);
            return new PyComplex(re, PyValueInstance.unwrap(real) instanceof PyComplex ? r.imag + im : im);
        }

        private static PyComplex first(Object real) {
            if (real instanceof PyComplex c) {
                return c;
            }
            Object r = SpecialMethods.call(real, "__complex__");
            if (r != SpecialMethods.NOT_DEFINED) {
                if (!(PyValueInstance.unwrap(r) instanceof PyComplex c)) {
                    throw PyErrors.typeError("__complex__ returned non-complex (type " + PyOps.typeName(r) + ")");
                }
                return c;
            }
            // An instance of a subclass of complex, int or float stands for its value.
            Object value = PyValueInstance.unwrap(real);
            if (value instanceof PyComplex c) {
                return c;
            }
            if (Numbers.isNumber(value)) {
                return new PyComplex(Numbers.toDouble(value), 0.0);
            }
            throw PyErrors.typeError("complex() first argument must be a string or a number, not '" + PyOps.typeName(real) + "'");
        }

        private static double imagPart(Object imag) {
            Object value = PyValueInstance.unwrap(imag);
            if (value instanceof PyComplex c) {
                return c.real;
            }
            if (Numbers.isNumber(value)) {
                return Numbers.toDouble(value);
            }
            throw PyErrors.typeError("complex() second argument must be a number, not '" + PyOps.typeName(imag) + "'");
        }

        /** {@code complex("1+2j")}: a real part, an imaginary part or both, optionally in parentheses. */
        static PyComplex parse(String text) {
            String s = text.strip();
            if (s.startsWith("(") && s.endsWith(")") && s.length() >= 2) {
                s = s.substring(1, s.length() - 1).strip();
            }
            Matcher m = FLOAT.matcher(s);
            double real = 0.0;
            double imag;
            int at = 0;
            if (m.lookingAt()) {
                double x = Double.parseDouble(number(m.group()));
                at = m.end();
                if (at == s.length()) {
                    return new PyComplex(x, 0.0);
                }
                if (isJ(s, at) && at + 1 == s.length()) {
                    return new PyComplex(0.0, x);
                }
                if (s.charAt(at) != '+' && s.charAt(at) != '-') {
                    throw malformed();
                }
                real = x;
            }
            m.region(at, s.length());
            if (m.lookingAt() && isJ(s, m.end())) {
                imag = Double.parseDouble(number(m.group()));
                at = m.end();
            } else if (at < s.length() && (s.charAt(at) == '+' || s.charAt(at) == '-') && isJ(s, at + 1)) {
                imag = s.charAt(at) == '-' ? -1.0 : 1.0;
                at++;
            } else if (at == 0 && isJ(s, 0)) {
                imag = 1.0;
            } else {
                throw malformed();
            }
            if (at + 1 != s.length()) {
                throw malformed();
            }
            return new PyComplex(real, imag);
        }

        private static boolean isJ(String s, int i) {
            return i < s.length() && (s.charAt(i) == 'j' || s.charAt(i) == 'J');
        }

        private static String number(String literal) {
            String n = literal.replace("_", "").toLowerCase();
            return n.replace("infinity", "Infinity").replace("inf", "Infinity").replace("nan", "NaN");
        }

        private static RuntimeException malformed() {
            return PyErrors.valueError("complex() arg is a malformed string");
        }
    }

    @Builtin(name = "real", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class RealNode extends BuiltinNode {
        @Specialization
        static Object doReal(PyComplex self) {
            return self.real;
        }
    }

    @Builtin(name = "imag", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ImagNode extends BuiltinNode {
        @Specialization
        static Object doImag(PyComplex self) {
            return self.imag;
        }
    }

    @Builtin(name = "conjugate", params = {"self"})
    @GenerateNodeFactory
    abstract static class ConjugateNode extends BuiltinNode {
        @Specialization
        static Object doConjugate(PyComplex self) {
            return new PyComplex(self.real, -self.imag);
        }
    }

    @Builtin(name = "__complex__", params = {"self"})
    @GenerateNodeFactory
    abstract static class DunderComplexNode extends BuiltinNode {
        @Specialization
        static Object doComplex(PyComplex self) {
            return self;
        }
    }

    @Builtin(name = "__neg__", params = {"self"})
    @GenerateNodeFactory
    abstract static class NegNode extends BuiltinNode {
        @Specialization
        static Object doNeg(PyComplex self) {
            return new PyComplex(-self.real, -self.imag);
        }
    }

    @Builtin(name = "__pos__", params = {"self"})
    @GenerateNodeFactory
    abstract static class PosNode extends BuiltinNode {
        @Specialization
        static Object doPos(PyComplex self) {
            return self;
        }
    }

    @Builtin(name = "__abs__", params = {"self"})
    @GenerateNodeFactory
    abstract static class AbsNode extends BuiltinNode {
        @Specialization
        static Object doAbs(PyComplex self) {
            return self.abs();
        }
    }

    /** {@code complex.__repr__}: what {@code super().__repr__()} in a subclass reaches ({@code (1+2j)}, without the class's name, as CPython's). */
    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(PyComplex self) {
            return self.repr();
        }
    }

    /** {@code complex.__eq__}: equal parts against an int, float or complex; NotImplemented against anything else. */
    @Builtin(name = "__eq__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class EqNode extends BuiltinNode {
        @Specialization
        static Object doEq(PyComplex self, Object other) {
            Object o = PyValueInstance.unwrap(other);
            return PyComplex.of(o) == null ? SpecialMethods.NOT_IMPLEMENTED : (Object) PyComplex.equal(self, o);
        }
    }

    @Builtin(name = "__ne__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class NeNode extends BuiltinNode {
        @Specialization
        static Object doNe(PyComplex self, Object other) {
            Object o = PyValueInstance.unwrap(other);
            return PyComplex.of(o) == null ? SpecialMethods.NOT_IMPLEMENTED : (Object) !PyComplex.equal(self, o);
        }
    }

    @Builtin(name = "__hash__", params = {"self"})
    @GenerateNodeFactory
    abstract static class HashNode extends BuiltinNode {
        @Specialization
        static long doHash(PyComplex self) {
            return PyOps.hash(self);
        }
    }

    /** {@code complex.__getnewargs__()}: {@code (real, imag)}, what {@code copy} rebuilds a subclass's instance from. */
    @Builtin(name = "__getnewargs__", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetNewArgsNode extends BuiltinNode {
        @Specialization
        static Object doGetNewArgs(PyComplex self) {
            return PyTuple.of(self.real, self.imag);
        }
    }
}
