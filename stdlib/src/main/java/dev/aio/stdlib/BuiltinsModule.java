package dev.aio.stdlib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.ast.BinaryOperator;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.AsyncOps;
import dev.aio.nodes.ops.CallSite;
import dev.aio.runtime.AioException;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Formatting;
import dev.aio.runtime.Ids;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyAsyncGenerator;
import dev.aio.runtime.DictNamespace;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyComplex;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyGenerator;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PySuper;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyUnionType;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;

/** The functions of the {@code builtins} module, among them the class helpers {@code super}, {@code staticmethod}, {@code classmethod} and {@code property}. */
public final class BuiltinsModule {
    private BuiltinsModule() {
    }

    @Builtin(name = "print", varargs = "args", kwOnly = {"sep", "end", "file", "flush"})
    @GenerateNodeFactory
    abstract static class PrintNode extends BuiltinNode {
        @Specialization
        Object doPrint(PyTuple args, Object sep, Object end, Object file, Object flush) {
            print(AioContext.get(this), args, sep, end, file, flush);
            return PyNone.NONE;
        }

        @TruffleBoundary
        static void print(AioContext context, PyTuple args, Object sep, Object end, Object file, Object flush) {
            String separator = separator(sep, "sep", " ");
            String terminator = separator(end, "end", "\n");
            Object[] items = args.items();
            Object target = Args.orDefault(file, null);
            if (target == null) {
                target = standardOutput(context);
            }
            if (target == null || target instanceof TextStream stream && stream.writable()) {
                // Each piece its own write, as CPython's print: where a buffered block ends depends on it.
                PrintStream out = target == null ? context.out() : ((TextStream) target).stream(context);
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        out.print(separator);
                    }
                    out.print(PyOps.str(items[i]));
                }
                out.print(terminator);
                if (Args.given(flush) && PyOps.isTrue(flush)) {
                    out.flush();
                }
            } else {
                // A file-like object of the program's gets each piece in its own write(), as CPython's print does.
                Object write = Attributes.get(target, "write");
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        Calls.call(write, separator);
                    }
                    Calls.call(write, PyOps.str(items[i]));
                }
                Calls.call(write, terminator);
                if (Args.given(flush) && PyOps.isTrue(flush)) {
                    Calls.call(Attributes.get(target, "flush"));
                }
            }
        }

        /**
         * What {@code sys.stdout} is now, if the program replaced it ({@code contextlib.redirect_stdout},
         * {@code sys.stdout = buffer}); {@code null} while it is the process's standard output.
         */
        private static Object standardOutput(AioContext context) {
            if (context.sysModules().get("sys") instanceof PyModule sys) {
                Object stdout = sys.get("stdout");
                if (stdout != null && !(stdout instanceof TextStream s && s.isStandardOutput())) {
                    return stdout;
                }
            }
            return null;
        }

        private static String separator(Object value, String name, String fallback) {
            if (value == Missing.INSTANCE || value == PyNone.NONE) {
                return fallback;
            }
            if (value instanceof String s) {
                return s;
            }
            throw PyErrors.typeError(name + " must be None or a string, not " + PyOps.typeName(value));
        }
    }

    @Builtin(name = "len", params = {"obj"})
    @GenerateNodeFactory
    abstract static class LenNode extends BuiltinNode {
        @Specialization(guards = "list.getPyType() == LIST")
        static long doList(PyList list) {
            return list.size();
        }

        static final PyType LIST = BuiltinTypes.LIST;

        @Specialization(replaces = "doList")
        static long doObject(Object o) {
            return PyOps.len(o);
        }
    }

    @Builtin(name = "repr", params = {"obj"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(Object o) {
            return PyOps.repr(o);
        }
    }

    @Builtin(name = "ascii", params = {"obj"})
    @GenerateNodeFactory
    abstract static class AsciiNode extends BuiltinNode {
        @Specialization
        static Object doAscii(Object o) {
            return Formatting.ascii(PyOps.repr(o));
        }
    }

    @Builtin(name = "format", params = {"value", "format_spec"}, required = 1)
    @GenerateNodeFactory
    abstract static class FormatNode extends BuiltinNode {
        @Specialization
        static Object doFormat(Object value, Object spec) {
            return Formatting.format(value, Args.given(spec) ? Args.string(spec, "format_spec") : "");
        }
    }

    @Builtin(name = "isinstance", params = {"obj", "class_or_tuple"})
    @GenerateNodeFactory
    abstract static class IsInstanceNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(Object obj, Object types) {
            return isInstance(obj, types, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        }

        @TruffleBoundary
        static boolean isInstance(Object obj, Object types, String error) {
            if (SpecialMethods.lookup(types, "__instancecheck__") != null) {
                return PyOps.isTrue(SpecialMethods.call(types, "__instancecheck__", obj));
            }
            if (types instanceof PyType t) {
                return PyOps.isInstance(obj, t);
            }
            if (types instanceof PyTuple tuple) {
                for (Object t : tuple.items()) {
                    if (isInstance(obj, t, error)) {
                        return true;
                    }
                }
                return false;
            }
            if (types instanceof PyUnionType u) {
                return u.matches(t -> PyOps.isInstance(obj, t));
            }
            throw PyErrors.typeError(error);
        }
    }

    @Builtin(name = "issubclass", params = {"cls", "class_or_tuple"})
    @GenerateNodeFactory
    abstract static class IsSubclassNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(Object cls, Object types) {
            if (SpecialMethods.lookup(types, "__subclasscheck__") != null) {
                return PyOps.isTrue(SpecialMethods.call(types, "__subclasscheck__", cls));
            }
            if (!(cls instanceof PyType c)) {
                throw PyErrors.typeError("issubclass() arg 1 must be a class");
            }
            if (types instanceof PyTuple tuple) {
                for (Object t : tuple.items()) {
                    if (doCheck(cls, t)) {
                        return true;
                    }
                }
                return false;
            }
            if (types instanceof PyType t) {
                return c.isSubtypeOf(t);
            }
            if (types instanceof PyUnionType u) {
                return u.matches(c::isSubtypeOf);
            }
            throw PyErrors.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
    }

    @Builtin(name = "abs", params = {"x"})
    @GenerateNodeFactory
    abstract static class AbsNode extends BuiltinNode {
        @Specialization
        static Object doAbs(Object x) {
            if (x instanceof PyComplex c) {
                return c.abs();
            }
            if (!Numbers.isNumber(x)) {
                Object r = SpecialMethods.call(x, "__abs__");
                if (r == SpecialMethods.NOT_DEFINED && x instanceof PyValueInstance v) {
                    return doAbs(v.value());
                }
                if (r == SpecialMethods.NOT_DEFINED) {
                    throw PyErrors.typeError("bad operand type for abs(): '" + PyOps.typeName(x) + "'");
                }
                return r;
            }
            return Numbers.abs(x);
        }
    }

    @Builtin(name = "min", varargs = "args", kwOnly = {"key", "default"})
    @GenerateNodeFactory
    abstract static class MinNode extends BuiltinNode {
        @Specialization
        static Object doMin(PyTuple args, Object key, Object dflt) {
            return extreme("min", args, key, dflt, false);
        }
    }

    @Builtin(name = "max", varargs = "args", kwOnly = {"key", "default"})
    @GenerateNodeFactory
    abstract static class MaxNode extends BuiltinNode {
        @Specialization
        static Object doMax(PyTuple args, Object key, Object dflt) {
            return extreme("max", args, key, dflt, true);
        }
    }

    @TruffleBoundary
    static Object extreme(String name, PyTuple args, Object key, Object dflt, boolean max) {
        Object[] items;
        if (args.size() == 0) {
            throw PyErrors.typeError(name + " expected at least 1 argument, got 0");
        }
        if (args.size() == 1) {
            items = Iteration.toArray(args.get(0));
            if (items.length == 0) {
                if (Args.given(dflt)) {
                    return dflt;
                }
                throw PyErrors.valueError(name + "() arg is an empty sequence");
            }
        } else {
            if (Args.given(dflt)) {
                throw PyErrors.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
            }
            items = args.items();
        }
        Object keyFn = Args.orDefault(key, null);
        Object best = items[0];
        Object bestKey = keyFn == null ? best : Calls.call(keyFn, best);
        for (int i = 1; i < items.length; i++) {
            Object k = keyFn == null ? items[i] : Calls.call(keyFn, items[i]);
            if (max ? Operators.greaterThan(k, bestKey) : Operators.lessThan(k, bestKey)) {
                best = items[i];
                bestKey = k;
            }
        }
        return best;
    }

    @Builtin(name = "sum", params = {"iterable", "start"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class SumNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSum(Object iterable, Object start) {
            Object total = Args.given(start) ? start : (Object) 0L;
            if (total instanceof String) {
                throw PyErrors.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            }
            PyIterator it = Iteration.iter(iterable);
            for (Object x = it.next(); x != null; x = it.next()) {
                total = Operators.binary(BinaryOperator.ADD, total, x);
            }
            return total;
        }
    }

    @Builtin(name = "sorted", params = {"iterable"}, kwOnly = {"key", "reverse"})
    @GenerateNodeFactory
    abstract static class SortedNode extends BuiltinNode {
        @Specialization
        static Object doSorted(Object iterable, Object key, Object reverse) {
            PyList list = new PyList(Iteration.toArray(iterable));
            Sorting.sort(list, key, reverse);
            return list;
        }
    }

    @Builtin(name = "any", params = {"iterable"})
    @GenerateNodeFactory
    abstract static class AnyNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doAny(Object iterable) {
            PyIterator it = Iteration.iter(iterable);
            for (Object x = it.next(); x != null; x = it.next()) {
                if (PyOps.isTrue(x)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Builtin(name = "all", params = {"iterable"})
    @GenerateNodeFactory
    abstract static class AllNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doAll(Object iterable) {
            PyIterator it = Iteration.iter(iterable);
            for (Object x = it.next(); x != null; x = it.next()) {
                if (!PyOps.isTrue(x)) {
                    return false;
                }
            }
            return true;
        }
    }

    @Builtin(name = "round", params = {"number", "ndigits"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class RoundNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRound(Object number, Object ndigits) {
            boolean hasDigits = Args.given(ndigits) && ndigits != PyNone.NONE;
            // A class's own __round__ (Decimal, Fraction): round(x) calls it without ndigits, as CPython's builtin_round.
            Object own = hasDigits ? SpecialMethods.call(number, "__round__", ndigits) : SpecialMethods.call(number, "__round__");
            if (own != SpecialMethods.NOT_DEFINED) {
                return own;
            }
            number = PyValueInstance.unwrap(number);
            if (Numbers.isInt(number)) {
                if (!hasDigits || Args.index(ndigits, "ndigits") >= 0) {
                    return number instanceof Boolean b ? (Object) (b ? 1L : 0L) : number;
                }
                BigDecimal d = new BigDecimal(Numbers.big(number)).setScale((int) Args.index(ndigits, "ndigits"), RoundingMode.HALF_EVEN);
                return Numbers.normalize(d.toBigInteger());
            }
            if (!(number instanceof Double)) {
                throw PyErrors.typeError("type " + PyOps.typeName(number) + " doesn't define __round__ method");
            }
            double x = (Double) number;
            if (!hasDigits) {
                if (Double.isNaN(x)) {
                    throw PyErrors.valueError("cannot convert float NaN to integer");
                }
                if (Double.isInfinite(x)) {
                    throw PyErrors.overflowError("cannot convert float infinity to integer");
                }
                return Numbers.normalize(new BigDecimal(x).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
            }
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return x;
            }
            long digits = Args.index(ndigits, "ndigits");
            if (digits > 323) {
                return x;
            }
            if (digits < -308) {
                return 0.0 * x;
            }
            // Round the exact binary value half-even, as CPython's correctly rounded round() does.
            double r = new BigDecimal(x).setScale((int) digits, RoundingMode.HALF_EVEN).doubleValue();
            return r == 0.0 ? Math.copySign(0.0, x) : r;
        }
    }

    @Builtin(name = "divmod", params = {"a", "b"})
    @GenerateNodeFactory
    abstract static class DivmodNode extends BuiltinNode {
        @Specialization
        static Object doDivmod(Object a, Object b) {
            return PyTuple.of(Operators.binary(BinaryOperator.FLOORDIV, a, b), Operators.binary(BinaryOperator.MOD, a, b));
        }
    }

    @Builtin(name = "pow", params = {"base", "exp", "mod"}, required = 2)
    @GenerateNodeFactory
    abstract static class PowNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doPow(Object base, Object exp, Object mod) {
            if (Args.given(mod) && mod != PyNone.NONE) {
                base = PyValueInstance.unwrap(base);
                exp = PyValueInstance.unwrap(exp);
                mod = PyValueInstance.unwrap(mod);
                if (!Numbers.isInt(base) || !Numbers.isInt(exp) || !Numbers.isInt(mod)) {
                    throw PyErrors.typeError("pow() 3rd argument not allowed unless all arguments are integers");
                }
                BigInteger m = Numbers.big(mod);
                if (m.signum() == 0) {
                    throw PyErrors.valueError("pow() 3rd argument cannot be 0");
                }
                BigInteger r = Numbers.big(base).modPow(Numbers.big(exp), m.abs());
                if (m.signum() < 0 && r.signum() != 0) {
                    r = r.add(m);
                }
                return Numbers.normalize(r);
            }
            return Operators.binary(BinaryOperator.POW, base, exp);
        }
    }

    @Builtin(name = "hash", params = {"obj"})
    @GenerateNodeFactory
    abstract static class HashNode extends BuiltinNode {
        @Specialization
        static long doHash(Object o) {
            return PyOps.hash(o);
        }
    }

    @Builtin(name = "id", params = {"obj"})
    @GenerateNodeFactory
    abstract static class IdNode extends BuiltinNode {
        @Specialization
        static long doId(Object o) {
            return Ids.id(o);
        }
    }

    @Builtin(name = "callable", params = {"obj"})
    @GenerateNodeFactory
    abstract static class CallableNode extends BuiltinNode {
        @Specialization
        static boolean doCallable(Object o) {
            return Calls.isCallable(o);
        }
    }

    @Builtin(name = "iter", params = {"obj", "sentinel"}, required = 1)
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(Object o, Object sentinel) {
            if (!Args.given(sentinel)) {
                return Iteration.iterator(o);
            }
            if (!Calls.isCallable(o)) {
                throw PyErrors.typeError("iter(v, w): v must be callable");
            }
            return new Iterators.CallableIterator(o, sentinel);
        }
    }

    @Builtin(name = "aiter", params = {"iterable"})
    @GenerateNodeFactory
    abstract static class AiterNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doAiter(Object iterable) {
            if (!(iterable instanceof PyAsyncGenerator) && SpecialMethods.lookup(iterable, "__aiter__") == null) {
                throw PyErrors.typeError("'" + PyOps.typeName(iterable) + "' object is not an async iterable");
            }
            return AsyncOps.aiter(iterable);
        }
    }

    /** {@code anext(it[, default])}: an awaitable of the next item (of the default once the iterator is exhausted). */
    @Builtin(name = "anext", params = {"iterator", "default"}, required = 1)
    @GenerateNodeFactory
    abstract static class AnextNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doAnext(Object iterator, Object dflt) {
            Object next;
            if (iterator instanceof PyAsyncGenerator g) {
                next = g.anext(false);
            } else {
                next = SpecialMethods.call(iterator, "__anext__");
                if (next == SpecialMethods.NOT_DEFINED) {
                    throw PyErrors.typeError("'" + PyOps.typeName(iterator) + "' object is not an async iterator");
                }
            }
            return Args.given(dflt) ? AsyncOps.withDefault(next, dflt) : next;
        }
    }

    @Builtin(name = "next", params = {"iterator", "default"}, required = 1)
    @GenerateNodeFactory
    abstract static class NextNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNext(Object iterator, Object dflt) {
            if (iterator instanceof PyGenerator g) {
                // A finished generator's StopIteration carries its return value.
                try {
                    return g.send(PyNone.NONE);
                } catch (AioException e) {
                    if (Args.given(dflt) && e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                        return dflt;
                    }
                    throw e;
                }
            }
            if (!(iterator instanceof PyIterator it) || Iteration.overridesNext(it)) {
                if (SpecialMethods.lookup(iterator, "__next__") != null) {
                    try {
                        return SpecialMethods.call(iterator, "__next__");
                    } catch (AioException e) {
                        if (Args.given(dflt) && e.getPyType().isSubtypeOf(BuiltinTypes.STOP_ITERATION)) {
                            return dflt;
                        }
                        throw e;
                    }
                }
                throw PyErrors.typeError("'" + PyOps.typeName(iterator) + "' object is not an iterator");
            }
            Object v = it.next();
            if (v == null) {
                if (Args.given(dflt)) {
                    return dflt;
                }
                throw PyErrors.raiseNoArgs(BuiltinTypes.STOP_ITERATION);
            }
            return v;
        }
    }

    @Builtin(name = "getattr", params = {"obj", "name", "default"}, required = 2)
    @GenerateNodeFactory
    abstract static class GetattrNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGetattr(Object obj, Object name, Object dflt) {
            String n = attributeName(name, "getattr");
            if (!Args.given(dflt)) {
                return Attributes.get(obj, n);
            }
            try {
                return Attributes.get(obj, n);
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                    return dflt;
                }
                throw e;
            }
        }
    }

    @Builtin(name = "setattr", params = {"obj", "name", "value"})
    @GenerateNodeFactory
    abstract static class SetattrNode extends BuiltinNode {
        @Specialization
        static Object doSetattr(Object obj, Object name, Object value) {
            Attributes.set(obj, attributeName(name, "setattr"), value);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "delattr", params = {"obj", "name"})
    @GenerateNodeFactory
    abstract static class DelattrNode extends BuiltinNode {
        @Specialization
        static Object doDelattr(Object obj, Object name) {
            Attributes.delete(obj, attributeName(name, "delattr"));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "hasattr", params = {"obj", "name"})
    @GenerateNodeFactory
    abstract static class HasattrNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doHasattr(Object obj, Object name) {
            try {
                Attributes.get(obj, attributeName(name, "hasattr"));
                return true;
            } catch (AioException e) {
                if (e.getPyType().isSubtypeOf(BuiltinTypes.ATTRIBUTE_ERROR)) {
                    return false;
                }
                throw e;
            }
        }
    }

    static String attributeName(Object name, String function) {
        if (name instanceof String s) {
            return s;
        }
        throw PyErrors.typeError(function + "(): attribute name must be string");
    }

    @Builtin(name = "chr", params = {"i"})
    @GenerateNodeFactory
    abstract static class ChrNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doChr(Object i) {
            long cp = Args.index(i, "chr");
            if (cp < 0 || cp > 0x10FFFF) {
                throw PyErrors.valueError("chr() arg not in range(0x110000)");
            }
            return new String(Character.toChars((int) cp));
        }
    }

    @Builtin(name = "ord", params = {"c"})
    @GenerateNodeFactory
    abstract static class OrdNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doOrd(Object c) {
            if (c instanceof PyBytesLike b) {
                // A bytes or bytearray of one byte: its value (quopri and email decode this way).
                byte[] bytes = b.toArray();
                if (bytes.length != 1) {
                    throw PyErrors.typeError("ord() expected a character, but string of length " + bytes.length + " found");
                }
                return bytes[0] & 0xFF;
            }
            if (!(PyValueInstance.unwrap(c) instanceof String s)) {
                throw PyErrors.typeError("ord() expected string of length 1, but " + PyOps.typeName(c) + " found");
            }
            int n = s.codePointCount(0, s.length());
            if (n != 1) {
                throw PyErrors.typeError("ord() expected a character, but string of length " + n + " found");
            }
            return s.codePointAt(0);
        }
    }

    @Builtin(name = "hex", params = {"x"})
    @GenerateNodeFactory
    abstract static class HexNode extends BuiltinNode {
        @Specialization
        static Object doHex(Object x) {
            return radix(x, 16, "0x");
        }
    }

    @Builtin(name = "oct", params = {"x"})
    @GenerateNodeFactory
    abstract static class OctNode extends BuiltinNode {
        @Specialization
        static Object doOct(Object x) {
            return radix(x, 8, "0o");
        }
    }

    @Builtin(name = "bin", params = {"x"})
    @GenerateNodeFactory
    abstract static class BinNode extends BuiltinNode {
        @Specialization
        static Object doBin(Object x) {
            return radix(x, 2, "0b");
        }
    }

    @TruffleBoundary
    static String radix(Object value, int radix, String prefix) {
        Object x = PyValueInstance.unwrap(value);
        if (!Numbers.isInt(x)) {
            throw PyErrors.typeError("'" + PyOps.typeName(x) + "' object cannot be interpreted as an integer");
        }
        BigInteger v = Numbers.big(x);
        return (v.signum() < 0 ? "-" : "") + prefix + v.abs().toString(radix);
    }

    /**
     * {@code open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)}:
     * text files ({@link TextFile}) and binary ones ({@link BinaryFile}), by path or over a descriptor of
     * {@code os.open} (given, or what {@code opener(path, flags)} returns).
     */
    @Builtin(name = "open", params = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, required = 1, posOnly = 0)
    @GenerateNodeFactory
    abstract static class OpenNode extends BuiltinNode {
        @Specialization
        Object doOpen(Object file, Object mode, Object buffering, Object encoding, Object errors, Object newline, Object closefdArg, Object opener) {
            FileMode m = FileMode.parse(Args.given(mode) ? Args.string(mode, "open() argument 'mode'") : "r");
            long buffer = Args.given(buffering) ? Args.index(buffering, "buffering") : -1;
            if (!m.binary()) {
                if (buffer == 0) {
                    throw PyErrors.valueError("can't have unbuffered text I/O");
                }
            } else {
                if (Args.orDefault(encoding, null) != null) {
                    throw PyErrors.valueError("binary mode doesn't take an encoding argument");
                }
                if (Args.orDefault(errors, null) != null) {
                    throw PyErrors.valueError("binary mode doesn't take an errors argument");
                }
                if (Args.orDefault(newline, null) != null) {
                    throw PyErrors.valueError("binary mode doesn't take a newline argument");
                }
            }
            AioContext context = AioContext.get(this);
            boolean closefd = !Args.given(closefdArg) || PyOps.isTrue(closefdArg);
            long fd = descriptor(file, m, closefd, Args.orDefault(opener, null));
            if (fd < 0) {
                return m.binary() ? BinaryFile.open(context, file, m, buffer != 0) : TextFile.open(context, file, m, encoding, newline);
            }
            return m.binary() ? BinaryFile.over(context, fd, file, m, buffer != 0, closefd) : TextFile.over(context, fd, file, m, encoding, newline, closefd);
        }

        /** The descriptor to open the file over: {@code file} itself when it is an int, else what the opener returns; -1 to open by path. */
        @TruffleBoundary
        private static long descriptor(Object file, FileMode mode, boolean closefd, Object opener) {
            if (PyValueInstance.unwrapInt(file) instanceof Long fd) {
                if (fd < 0) {
                    throw PyErrors.valueError("negative file descriptor");
                }
                return fd;
            }
            if (!closefd) {
                throw PyErrors.valueError("Cannot use closefd=False with file name");
            }
            if (opener == null) {
                return -1;
            }
            // The flags CPython's FileIO passes the opener for the mode.
            long flags = mode.reading() && mode.writing() ? OsDescriptors.O_RDWR : mode.writing() ? OsDescriptors.O_WRONLY : 0;
            flags |= switch (mode.kind()) {
                case 'w' -> OsDescriptors.O_CREAT | OsDescriptors.O_TRUNC;
                case 'x' -> OsDescriptors.O_CREAT | OsDescriptors.O_EXCL;
                case 'a' -> OsDescriptors.O_CREAT | OsDescriptors.O_APPEND;
                default -> 0;
            };
            Object fd = Calls.call(opener, file, flags | OsDescriptors.O_CLOEXEC);
            if (!(PyValueInstance.unwrapInt(fd) instanceof Long n)) {
                throw PyErrors.typeError("expected integer from opener");
            }
            if (n < 0) {
                throw PyErrors.valueError("opener returned " + n);
            }
            return n;
        }
    }

    @Builtin(name = "input", params = {"prompt"}, required = 0)
    @GenerateNodeFactory
    abstract static class InputNode extends BuiltinNode {
        @Specialization
        Object doInput(Object prompt) {
            return readLine(AioContext.get(this), prompt);
        }

        @TruffleBoundary
        static Object readLine(AioContext context, Object prompt) {
            if (Args.given(prompt)) {
                context.out().print(PyOps.str(prompt));
            }
            context.out().flush();
            try {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                InputStream in = context.stdin();
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    line.write(c);
                }
                if (c == -1 && line.size() == 0) {
                    throw PyErrors.raise(BuiltinTypes.EOF_ERROR, "EOF when reading a line");
                }
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            } catch (IOException e) {
                throw PyErrors.raise(BuiltinTypes.OS_ERROR, e.getMessage());
            }
        }
    }

    /** {@code globals()}: the namespace of the calling code's module (the dict itself). */
    @Builtin(name = "globals")
    @GenerateNodeFactory
    abstract static class GlobalsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGlobals() {
            CallSite.Caller caller = CallSite.caller();
            if (caller == null) {
                throw PyErrors.runtimeError("globals(): no calling module");
            }
            return caller.function().getGlobals().namespace();
        }
    }

    /**
     * {@code locals()}: the module's namespace at module level, a class body's namespace, and in a
     * function a new dict of its bound variables at the time of the call (CPython 3.11's snapshot:
     * assigning to it does not change the variables).
     */
    @Builtin(name = "locals")
    @GenerateNodeFactory
    abstract static class LocalsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doLocals() {
            return callerLocals("locals()");
        }
    }

    @TruffleBoundary
    static PyDict callerLocals(String what) {
        CallSite.Caller caller = CallSite.caller();
        if (caller == null) {
            throw PyErrors.runtimeError(what + ": no calling frame");
        }
        return switch (caller.locals()) {
            case null -> caller.function().getGlobals().namespace();
            case PyDict snapshot -> snapshot;
            case Map<?, ?> namespace -> DictNamespace.asDict(namespace);
            default -> throw new IllegalStateException("locals of " + caller);
        };
    }

    /** {@code vars(obj)}: the object's attributes ({@code obj.__dict__}); without argument, {@code locals()}. */
    @Builtin(name = "vars", params = {"object"}, required = 0)
    @GenerateNodeFactory
    abstract static class VarsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doVars(Object obj) {
            if (!Args.given(obj)) {
                return callerLocals("vars()");
            }
            Object d = Attributes.find(obj, "__dict__");
            if (d == null) {
                throw PyErrors.typeError("vars() argument must have __dict__ attribute");
            }
            return d;
        }
    }

    /** {@code dir(obj)}: the sorted names of its attributes, its class's and their bases' (without argument: the module's names). */
    @Builtin(name = "dir", params = {"object"}, required = 0)
    @GenerateNodeFactory
    abstract static class DirNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDir(Object obj) {
            if (!Args.given(obj)) {
                TreeSet<String> names = new TreeSet<>();
                for (Object k : callerLocals("dir()").keys()) {
                    if (k instanceof String s) {
                        names.add(s);
                    }
                }
                return new PyList(new ArrayList<>(names));
            }
            return new PyList(new ArrayList<>(Attributes.names(obj)));
        }
    }

    /** {@code super(C, obj)}; the compiler turns a bare {@code super()} in a method into the same thing. */
    @Builtin(name = "super", params = {"type", "obj"})
    @GenerateNodeFactory
    abstract static class SuperNode extends BuiltinNode {
        @Specialization
        static Object doSuper(Object type, Object obj) {
            if (!(type instanceof PyType t)) {
                throw PyErrors.typeError("super() argument 1 must be a type, not " + PyOps.typeName(type));
            }
            if (!PyOps.isInstance(obj, t) && !(obj instanceof PyType o && o.isSubtypeOf(t))) {
                throw PyErrors.typeError("super(type, obj): obj must be an instance or subtype of type");
            }
            return new PySuper(t, obj);
        }
    }
}
