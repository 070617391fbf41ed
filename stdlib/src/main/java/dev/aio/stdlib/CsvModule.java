package dev.aio.stdlib;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Missing;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.PyValueInstance;

/**
 * {@code _csv}, CPython's C accelerator behind {@code csv} (Modules/_csv.c): {@code reader},
 * {@code writer}, {@code Dialect}, the dialect registry ({@code register_dialect},
 * {@code get_dialect}...), {@code field_size_limit}, the QUOTE_* constants and {@code csv.Error}.
 * {@code csv} itself (DictReader, DictWriter, Sniffer, the excel dialects) is CPython's
 * {@code csv.py} from the python-resources jar.
 */
public final class CsvModule {
    private CsvModule() {
    }

    static final PyType ERROR = new PyType("Error", "_csv", BuiltinTypes.EXCEPTION);

    /** CPython's default {@code field_size_limit}: 128 KiB. */
    static long fieldSizeLimit = 128 * 1024;

    static PyModule create(AioContext context) {
        ERROR.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
        PyModule m = new PyModule("_csv");
        m.put("__doc__", "CSV parsing and writing.\n");
        m.put("__version__", "1.0");
        m.put("Error", ERROR);
        m.put("Dialect", CsvDialect.TYPE);
        m.put("Reader", CsvReader.TYPE);
        m.put("Writer", CsvWriter.TYPE);
        m.put("QUOTE_MINIMAL", CsvDialect.QUOTE_MINIMAL);
        m.put("QUOTE_ALL", CsvDialect.QUOTE_ALL);
        m.put("QUOTE_NONNUMERIC", CsvDialect.QUOTE_NONNUMERIC);
        m.put("QUOTE_NONE", CsvDialect.QUOTE_NONE);
        m.put("_dialects", new PyDict());
        m.defineFunctions(context.getLanguage(), CsvModuleFactory.getFactories());
        return m;
    }

    private static PyDict dialects() {
        return (PyDict) AioContext.get(null).importModule("_csv").get("_dialects");
    }

    /** The dialect registered as {@code name}, or csv.Error. */
    @TruffleBoundary
    static CsvDialect registered(String name) {
        Object d = dialects().get(name);
        if (d == null) {
            throw PyErrors.raise(ERROR, "unknown dialect");
        }
        return (CsvDialect) d;
    }

    /** The keyword arguments of a dialect, in {@link CsvDialect#NAMES} order; any other keyword is CPython's TypeError. */
    @TruffleBoundary
    static Object[] formatParameters(PyDict kwargs) {
        Object[] values = new Object[CsvDialect.NAMES.length];
        Arrays.fill(values, Missing.INSTANCE);
        for (PyDict.Entry e : kwargs.entries()) {
            if (!e.isLive()) {
                continue;
            }
            int i = Arrays.asList(CsvDialect.NAMES).indexOf(e.key);
            if (i < 0) {
                throw PyErrors.typeError("'" + e.key + "' is an invalid keyword argument for this function");
            }
            values[i] = e.value;
        }
        return values;
    }

    @Builtin(name = "Dialect", constructor = true, params = {"cls", "dialect"}, required = 1, posOnly = 1, kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class DialectNewNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, Object dialect, PyDict kwargs) {
            return CsvDialect.of(dialect, formatParameters(kwargs));
        }
    }

    @Builtin(name = "reader", params = {"csvfile", "dialect"}, required = 1, kwargs = "fmtparams")
    @GenerateNodeFactory
    abstract static class ReaderNode extends BuiltinNode {
        @Specialization
        static Object doReader(Object csvfile, Object dialect, PyDict fmtparams) {
            return new CsvReader(Iteration.iter(csvfile), CsvDialect.of(dialect, formatParameters(fmtparams)));
        }
    }

    @Builtin(name = "writer", params = {"fileobj", "dialect"}, required = 1, kwargs = "fmtparams")
    @GenerateNodeFactory
    abstract static class WriterNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doWriter(Object fileobj, Object dialect, PyDict fmtparams) {
            Object write = Attributes.find(fileobj, "write");
            if (write == null) {
                throw PyErrors.typeError("argument 1 must have a \"write\" method");
            }
            return new CsvWriter(write, CsvDialect.of(dialect, formatParameters(fmtparams)));
        }
    }

    @Builtin(name = "register_dialect", params = {"name", "dialect"}, required = 1, kwargs = "fmtparams")
    @GenerateNodeFactory
    abstract static class RegisterDialectNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRegister(Object name, Object dialect, PyDict fmtparams) {
            if (!(PyValueInstance.unwrap(name) instanceof String s)) {
                throw PyErrors.typeError("dialect name must be a string");
            }
            dialects().put(s, CsvDialect.of(dialect, formatParameters(fmtparams)));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "unregister_dialect", params = {"name"})
    @GenerateNodeFactory
    abstract static class UnregisterDialectNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUnregister(Object name) {
            if (dialects().remove(name) == null) {
                throw PyErrors.raise(ERROR, "unknown dialect");
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_dialect", params = {"name"})
    @GenerateNodeFactory
    abstract static class GetDialectNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGet(Object name) {
            Object d = dialects().get(name);
            if (d == null) {
                throw PyErrors.raise(ERROR, "unknown dialect");
            }
            return d;
        }
    }

    @Builtin(name = "list_dialects")
    @GenerateNodeFactory
    abstract static class ListDialectsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doList() {
            return new PyList(dialects().keys());
        }
    }

    @Builtin(name = "field_size_limit", varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class FieldSizeLimitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doLimit(PyTuple args, PyDict kwargs) {
            Object[] given = args.items();
            Object newLimit = kwargs.get("new_limit");
            if (given.length + (newLimit != null ? 1 : 0) > 1 || kwargs.size() > (newLimit != null ? 1 : 0)) {
                throw PyErrors.typeError("field_size_limit() takes at most 1 argument (" + (given.length + kwargs.size()) + " given)");
            }
            if (given.length == 1) {
                newLimit = given[0];
            }
            long old = fieldSizeLimit;
            if (newLimit != null) {
                Object n = PyValueInstance.unwrapInt(newLimit);
                if (!Numbers.isInt(n) && !(n instanceof Boolean)) {
                    throw PyErrors.typeError("limit must be an integer");
                }
                fieldSizeLimit = Args.index(n, "limit");
            }
            return old;
        }
    }
}
