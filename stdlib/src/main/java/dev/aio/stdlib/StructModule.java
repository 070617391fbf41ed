package dev.aio.stdlib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/**
 * The {@code _struct} module, CPython's C accelerator behind {@code struct} (Modules/_struct.c):
 * {@code pack}, {@code unpack}, {@code pack_into}, {@code unpack_from}, {@code iter_unpack},
 * {@code calcsize}, the {@code Struct} type and {@code struct.error}. {@code struct} itself is
 * CPython's {@code struct.py} from the python-resources jar, which re-exports these. Like CPython,
 * the functions keep the last compiled formats in a small cache ({@code _clearcache} empties it).
 */
public final class StructModule {
    private StructModule() {
    }

    static final PyType ERROR = new PyType("error", "struct", BuiltinTypes.EXCEPTION);

    /** CPython's MAXCACHE. */
    private static final int MAX_CACHE = 100;
    private static final Map<String, StructFormat> CACHE = new LinkedHashMap<>();

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_struct");
        m.put("error", ERROR);
        m.put("Struct", StructObject.TYPE);
        m.put("__doc__", "Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\n" +
                        "and also as format strings (explained below) to describe the layout of data\nin the C struct.");
        m.defineFunctions(context.getLanguage(), List.of(StructModuleFactory.PackNodeFactory.getInstance(), StructModuleFactory.PackIntoNodeFactory.getInstance(),
                        StructModuleFactory.UnpackNodeFactory.getInstance(), StructModuleFactory.UnpackFromNodeFactory.getInstance(),
                        StructModuleFactory.IterUnpackNodeFactory.getInstance(), StructModuleFactory.CalcsizeNodeFactory.getInstance(),
                        StructModuleFactory.ClearCacheNodeFactory.getInstance()));
        return m;
    }

    /** The compiled form of a str or bytes format, from the cache when it was seen recently. */
    @TruffleBoundary
    static StructFormat compiled(Object format) {
        String s = StructFormat.formatString(format);
        synchronized (CACHE) {
            StructFormat cached = CACHE.get(s);
            if (cached != null) {
                return cached;
            }
        }
        StructFormat compiled = StructFormat.compile(s);
        synchronized (CACHE) {
            if (CACHE.size() >= MAX_CACHE) {
                CACHE.clear();
            }
            CACHE.put(s, compiled);
        }
        return compiled;
    }

    /** The format of a function taking {@code (format, *args)}: CPython checks it is there. */
    private static StructFormat leadingFormat(Object[] args) {
        if (args.length == 0) {
            throw PyErrors.typeError("missing format argument");
        }
        return compiled(args[0]);
    }

    @Builtin(name = "pack", varargs = "args")
    @GenerateNodeFactory
    abstract static class PackNode extends BuiltinNode {
        @Specialization
        static Object doPack(PyTuple args) {
            return StructMethods.pack(leadingFormat(args.items()), args.items(), 1);
        }
    }

    @Builtin(name = "pack_into", varargs = "args")
    @GenerateNodeFactory
    abstract static class PackIntoNode extends BuiltinNode {
        @Specialization
        static Object doPackInto(PyTuple args) {
            return StructMethods.packInto(leadingFormat(args.items()), args.items(), 1);
        }
    }

    @Builtin(name = "unpack", params = {"format", "buffer"})
    @GenerateNodeFactory
    abstract static class UnpackNode extends BuiltinNode {
        @Specialization
        static Object doUnpack(Object format, Object buffer) {
            return StructMethods.unpack(compiled(format), buffer);
        }
    }

    @Builtin(name = "unpack_from", params = {"format", "buffer", "offset"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class UnpackFromNode extends BuiltinNode {
        @Specialization
        static Object doUnpackFrom(Object format, Object buffer, Object offset) {
            return StructMethods.unpackFrom(compiled(format), buffer, offset);
        }
    }

    @Builtin(name = "iter_unpack", params = {"format", "buffer"})
    @GenerateNodeFactory
    abstract static class IterUnpackNode extends BuiltinNode {
        @Specialization
        static Object doIterUnpack(Object format, Object buffer) {
            return StructMethods.iterUnpack(compiled(format), buffer);
        }
    }

    @Builtin(name = "calcsize", params = {"format"})
    @GenerateNodeFactory
    abstract static class CalcsizeNode extends BuiltinNode {
        @Specialization
        static Object doCalcsize(Object format) {
            return compiled(format).size;
        }
    }

    @Builtin(name = "_clearcache")
    @GenerateNodeFactory
    abstract static class ClearCacheNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doClear() {
            synchronized (CACHE) {
                CACHE.clear();
            }
            return PyNone.NONE;
        }
    }

    /** {@code unpack_iterator.__length_hint__}. */
    @Builtin(name = "__length_hint__", params = {"self"})
    @GenerateNodeFactory
    abstract static class LengthHintNode extends BuiltinNode {
        @Specialization
        static Object doHint(StructUnpackIterator self) {
            return self.remaining();
        }
    }
}
