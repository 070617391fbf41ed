package dev.aio.stdlib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import dev.aio.AioContext;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyEllipsis;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SpecialMethods;
import dev.aio.runtime.StdlibProvider;
import dev.aio.stdlib.asyncio.AsyncioModule;

/** Plugs aio's standard library into the interpreter: builtins, type methods, and the importable modules. */
public final class AioStdlib implements StdlibProvider {
    private static boolean typesRegistered;

    /**
     * Each class of builtins installs itself on the type it belongs to ({@code install()}, next to
     * its methods), as SimpleLanguage's {@code installBuiltins} does one builtin a line.
     */
    @Override
    public void registerTypeMethods() {
        synchronized (AioStdlib.class) {
            if (typesRegistered) {
                return;
            }
            ObjectMethods.install();
            TypeMethods.install();
            IntMethods.install();
            FloatMethods.install();
            ComplexMethods.install();
            BoolMethods.install();
            StrMethods.install();
            ValueSpecialMethods.install();
            NumberSpecialMethods.install();
            ListMethods.install();
            TupleMethods.install();
            BytesMethods.install();
            ByteArrayMethods.install();
            MemoryViewMethods.install();
            HashMethods.install();
            ZlibCompressMethods.install();
            ZlibDecompressMethods.install();
            ZlibDecompressorMethods.install();
            CsvDialectMethods.install();
            CsvReaderMethods.install();
            CsvWriterMethods.install();
            ExpatTokenizerMethods.install();
            BuiltinFunctionMethods.install();
            DictMethods.install();
            SetMethods.install();
            RangeMethods.install();
            SliceMethods.install();
            ExceptionMethods.install();
            StructMethods.install();
            BinasciiModule.install();
            ExceptionGroupMethods.install();
            IteratorMethods.install();
            IteratorClasses.install();
            GeneratorMethods.install();
            CoroutineMethods.install();
            AsyncGeneratorMethods.install();
            PropertyMethods.install();
            StaticMethodMethods.install();
            ClassMethodMethods.install();
            TextIOMethods.install();
            BinaryFileMethods.install();
            DequeMethods.install();
            MersenneTwisterMethods.install();
            RegexMatchMethods.install();
            ItertoolsModule.install();
            ContextVarMethods.install();
            ContextTokenMethods.install();
            ContextMethods.install();
            ThreadModule.install();
            ForeignMethods.install();
            CodeMethods.install();
            CellMethods.install();
            FrameMethods.install();
            FunctionMethods.install();
            CallableMethods.install();
            MethodMethods.install();
            TracebackMethods.install();
            MappingProxyMethods.install();
            GenericAliasMethods.install();
            SimpleNamespaceMethods.install();
            ModuleMethods.install();
            SocketMethods.install();
            SelectModule.install();
            ChildProcessMethods.install();
            ChildPipeMethods.install();
            WeakRefMethods.install();
            AsyncioModule.installTypes();
            typesRegistered = true;
        }
    }

    @Override
    public Map<String, Function<AioContext, PyModule>> modules() {
        Map<String, Function<AioContext, PyModule>> modules = new HashMap<>(Map.of("builtins", AioStdlib::builtins, "sys", SysModule::create, "time",
                        TimeModule::create, "asyncio", AsyncioModule::create, "math", MathModule::create, "_random", RandomModule::create));
        for (String name : new String[]{"dataclasses", "collections", "os", "posixpath", "functools", "operator", "contextlib", "enum", "typing",
                        "__future__", "json", "traceback", "logging", "_sitebuiltins", "abc", "random", "re", "linecache", "importlib", "signal", "threading",
                        "io", "queue", "datetime", "subprocess", "weakref", "errno", "gettext", "shutil", "inspect", "pkgutil", "ssl", "gc", "pathlib"}) {
            modules.put(name, context -> sourceModule(context, name));
        }
        modules.put("_collections", context -> {
            PyModule m = new PyModule("_collections");
            m.put("deque", BuiltinTypes.DEQUE);
            return m;
        });
        modules.put("_os", OsModule::create);
        // CPython's os is written over posix; aio's over _os, which shutil finds under that name.
        modules.put("posix", context -> context.importModule("_os"));
        modules.put("_io", context -> {
            PyModule m = new PyModule("_io");
            m.put("TextIOWrapper", TextIO.TYPE);
            m.put("FileIO", BinaryFile.FILE_IO);
            m.put("BufferedReader", BinaryFile.BUFFERED_READER);
            m.put("BufferedWriter", BinaryFile.BUFFERED_WRITER);
            m.put("BufferedRandom", BinaryFile.BUFFERED_RANDOM);
            // Raised by aio's files; the program may raise it too.
            TextIO.UNSUPPORTED_OPERATION.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
            m.put("UnsupportedOperation", TextIO.UNSUPPORTED_OPERATION);
            m.put("open", context.getBuiltins().get("open"));
            return m;
        });
        modules.put("itertools", ItertoolsModule::create);
        modules.put("contextvars", ContextvarsModule::create);
        modules.put("_thread", ThreadModule::create);
        modules.put("concurrent", context -> {
            PyModule m = new PyModule("concurrent");
            m.put("__path__", new PyList());
            return m;
        });
        modules.put("concurrent.futures", context -> {
            PyModule m = sourceModule(context, "concurrent.futures");
            context.importModule("concurrent").put("futures", m);
            return m;
        });
        modules.put("os.path", context -> context.importModule("posixpath"));
        modules.put("_json", JsonModule::create);
        modules.put("_tregex", TRegexModule::create);
        modules.put("_string", StringModule::create);
        modules.put("_traceback", TracebackModule::create);
        modules.put("hashlib", HashlibModule::create);
        modules.put("binascii", BinasciiModule::create);
        modules.put("_struct", StructModule::create);
        modules.put("java", JavaModule::create);
        modules.put("_signal", SignalModule::create);
        modules.put("socket", SocketModule::create);
        modules.put("select", SelectModule::create);
        modules.put("_subprocess", SubprocessModule::create);
        modules.put("_ssl", SslModule::create);
        modules.put("_gc", GcModule::create);
        modules.put("_abc", AbcModule::create);
        modules.put("_uuid", UuidModule::create);
        modules.put("_operator", OperatorModule::create);
        modules.put("zlib", ZlibModule::create);
        modules.put("_codecs", CodecsModule::create);
        modules.put("_csv", CsvModule::create);
        modules.put("pyexpat", PyexpatModule::create);
        modules.put("collections.abc", context -> {
            PyModule m = sourceModule(context, "collections.abc");
            context.importModule("collections").put("abc", m);
            return m;
        });
        modules.put("_weakref", WeakRefMethods::createModule);
        return modules;
    }

    /** A module written in aio, shipped as a resource next to this class. */
    private static PyModule sourceModule(AioContext context, String name) {
        PyModule m = new PyModule(name);
        runInto(context, m, name);
        return m;
    }

    /** Runs the aio part of a module ({@code NAME.aio}, a resource next to this class) into it. */
    static void runInto(AioContext context, PyModule m, String name) {
        try (InputStream in = AioStdlib.class.getResourceAsStream(name + ".aio")) {
            context.runSourceInto(m, "<aio>/" + name + ".aio", new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("aio's " + name + " module is missing from the class path", e);
        }
    }

    private static PyModule builtins(AioContext context) {
        PyModule m = new PyModule("builtins");
        m.defineFunctions(context.getLanguage(), BuiltinsModuleFactory.getFactories());
        m.defineFunctions(context.getLanguage(), CodeBuiltinsFactory.getFactories());
        for (PyType t : new PyType[]{BuiltinTypes.INT, BuiltinTypes.FLOAT, BuiltinTypes.COMPLEX, BuiltinTypes.STR, BuiltinTypes.BOOL, BuiltinTypes.LIST, BuiltinTypes.TUPLE,
                        BuiltinTypes.BYTES, BuiltinTypes.BYTEARRAY, BuiltinTypes.MEMORYVIEW,
                        BuiltinTypes.SET, BuiltinTypes.FROZENSET, BuiltinTypes.DICT, BuiltinTypes.RANGE, BuiltinTypes.SLICE, BuiltinTypes.TYPE, BuiltinTypes.OBJECT,
                        PyDescriptors.propertyType(), PyDescriptors.staticMethodType(), PyDescriptors.classMethodType()}) {
            m.put(t.getName(), t);
        }
        for (PyType t : IteratorClasses.TYPES) {
            m.put(t.getName(), t);
        }
        for (PyType t : BuiltinTypes.BUILTIN_EXCEPTIONS) {
            m.put(t.getName(), t);
        }
        m.put("BaseExceptionGroup", BuiltinTypes.BASE_EXCEPTION_GROUP);
        m.put("NotImplemented", SpecialMethods.NOT_IMPLEMENTED);
        m.put("Ellipsis", PyEllipsis.ELLIPSIS);
        // aio has no -O: asserts always run, as __debug__ says (minidom tests it).
        m.put("__debug__", true);
        m.put("ExceptionGroup", BuiltinTypes.EXCEPTION_GROUP);
        return m;
    }
}
