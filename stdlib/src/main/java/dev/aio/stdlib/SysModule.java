package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.AioOptions;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.nodes.ops.CallSite;
import dev.aio.runtime.AioException;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.CallDepth;
import dev.aio.runtime.IntDigitLimit;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyFrame;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PySimpleNamespace;
import dev.aio.runtime.PyTraceback;
import dev.aio.runtime.PyTuple;

/** The {@code sys} module. */
public final class SysModule {
    private SysModule() {
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("sys");
        m.put("argv", new PyList(context.getArguments().length == 0 ? new Object[]{""} : (Object[]) context.getArguments().clone()));
        TextStream stdout = new TextStream("stdout", false);
        TextStream stderr = new TextStream("stderr", true);
        TextStream stdin = TextStream.stdin();
        m.put("stdout", stdout);
        m.put("stderr", stderr);
        m.put("stdin", stdin);
        m.put("__stdout__", stdout);
        m.put("__stderr__", stderr);
        m.put("__stdin__", stdin);
        // CPython's shape, "VERSION (BUILD) [COMPILER]", which platform.python_version() parses.
        m.put("version", "3.11.7 (aio) [Java " + System.getProperty("java.version", "") + "]");
        m.put("version_info", StructSequence.make("sys", "version_info", new String[]{"major", "minor", "micro", "releaselevel", "serial"},
                        new Object[]{3L, 11L, 7L, "final", 0L}));
        m.put("hexversion", 0x030B07F0L);
        // A plain `python3 script.py` run's, but for hash_randomization: aio writes no bytecode, takes no -O, -E, -I or -X options, and does not randomize str hashes.
        m.put("flags", StructSequence.make("sys", "flags", new String[]{"debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
                        "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
                        "warn_default_encoding", "safe_path", "int_max_str_digits"},
                        new Object[]{0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, false, 0L, 0L, false, -1L}));
        // CPython's numeric hash parameters (64-bit), which decimal and fractions hash their numbers with.
        m.put("hash_info", StructSequence.make("sys", "hash_info", new String[]{"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"},
                        new Object[]{64L, (1L << 61) - 1, 314159L, 0L, 1000003L, "siphash13", 64L, 128L, 0L}));
        // IEEE 754 binary64, as CPython's float is on every platform it runs on.
        m.put("float_info", StructSequence.make("sys", "float_info", new String[]{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
                        "epsilon", "radix", "rounds"}, new Object[]{Double.MAX_VALUE, 1024L, 308L, Double.MIN_NORMAL, -1021L, -307L, 15L, 53L, Math.ulp(1.0), 2L, 1L}));
        m.put("path", context.sysPath());
        m.put("modules", context.sysModules());
        m.put("byteorder", "little");
        // The aio command that started the program: a child started with it runs the same aio.
        String executable = context.getEnv().getOptions().get(AioOptions.EXECUTABLE);
        m.put("executable", executable);
        m.put("_base_executable", executable);
        m.put("platform", "linux");
        m.put("maxsize", Long.MAX_VALUE);
        PySimpleNamespace implementation = new PySimpleNamespace();
        implementation.dict().put("name", "aio");
        implementation.dict().put("cache_tag", PyNone.NONE);
        implementation.dict().put("version", m.get("version_info"));
        implementation.dict().put("hexversion", m.get("hexversion"));
        m.put("implementation", implementation);
        m.put("warnoptions", new PyList());
        m.defineFunctions(context.getLanguage(), SysModuleFactory.getFactories());
        return m;
    }

    @Builtin(name = "getrecursionlimit")
    @GenerateNodeFactory
    abstract static class GetRecursionLimitNode extends BuiltinNode {
        @Specialization
        long doGet() {
            return AioContext.get(this).recursionLimit().get();
        }
    }

    @Builtin(name = "setrecursionlimit", params = {"limit"})
    @GenerateNodeFactory
    abstract static class SetRecursionLimitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSet(Object limit) {
            AioContext.get(this).recursionLimit().set(Args.index(limit, "limit"), CallDepth.current(this).depth());
            return PyNone.NONE;
        }
    }

    @Builtin(name = "get_int_max_str_digits")
    @GenerateNodeFactory
    abstract static class GetIntMaxStrDigitsNode extends BuiltinNode {
        @Specialization
        long doGet() {
            return IntDigitLimit.get();
        }
    }

    @Builtin(name = "set_int_max_str_digits", params = {"maxdigits"})
    @GenerateNodeFactory
    abstract static class SetIntMaxStrDigitsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSet(Object maxDigits) {
            IntDigitLimit.set(Args.index(maxDigits, "maxdigits"));
            return PyNone.NONE;
        }
    }

    /**
     * {@code sys.audit(event, *args)}: raises an auditing event for the hooks added to the runtime.
     * aio has no audit hooks ({@code sys.addaudithook} is not in aio), so, as CPython with none
     * installed, the event goes nowhere; the library raises them (pickle's {@code find_class}).
     */
    @Builtin(name = "audit", params = {"event"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class AuditNode extends BuiltinNode {
        @Specialization
        static Object doAudit(Object event, PyTuple args) {
            if (!(event instanceof String)) {
                throw PyErrors.typeError("expected str for argument 'event', not " + PyOps.typeName(event));
            }
            return PyNone.NONE;
        }
    }

    /** {@code sys.getdefaultencoding()}: str's encoding by default, always UTF-8. */
    @Builtin(name = "getdefaultencoding")
    @GenerateNodeFactory
    abstract static class GetDefaultEncodingNode extends BuiltinNode {
        @Specialization
        static Object doGet() {
            return "utf-8";
        }
    }

    /** {@code sys.getfilesystemencoding()}: how file names are encoded, UTF-8 as in CPython's UTF-8 locales (aio's TextFile). */
    @Builtin(name = "getfilesystemencoding")
    @GenerateNodeFactory
    abstract static class GetFileSystemEncodingNode extends BuiltinNode {
        @Specialization
        static Object doGet() {
            return "utf-8";
        }
    }

    /** {@code sys.getfilesystemencodeerrors()}: CPython's error handler for file names that are not UTF-8. */
    @Builtin(name = "getfilesystemencodeerrors")
    @GenerateNodeFactory
    abstract static class GetFileSystemEncodeErrorsNode extends BuiltinNode {
        @Specialization
        static Object doGet() {
            return "surrogateescape";
        }
    }

    /** {@code sys.intern(string)}: the one str object of its value (the JVM's own pool of strings). */
    @Builtin(name = "intern", params = {"string"})
    @GenerateNodeFactory
    abstract static class InternNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doIntern(Object string) {
            if (!(string instanceof String s)) {
                throw PyErrors.typeError("intern() argument must be str, not " + PyOps.typeName(string));
            }
            return s.intern();
        }
    }

    @Builtin(name = "exit", params = {"status"}, required = 0)
    @GenerateNodeFactory
    abstract static class ExitNode extends BuiltinNode {
        @Specialization
        static Object doExit(Object status) {
            PyTuple args = status == Missing.INSTANCE ? PyTuple.EMPTY : PyTuple.of(status);
            throw new AioException(new PyBaseException(BuiltinTypes.SYSTEM_EXIT, args), null);
        }
    }

    /** {@code sys.exc_info()}: (type, value, traceback) of the exception being handled, or three Nones. */
    @Builtin(name = "exc_info")
    @GenerateNodeFactory
    abstract static class ExcInfoNode extends BuiltinNode {
        @Specialization
        static Object doExcInfo() {
            PyBaseException e = CallSite.handledException();
            if (e == null) {
                return new PyTuple(new Object[]{PyNone.NONE, PyNone.NONE, PyNone.NONE});
            }
            return new PyTuple(new Object[]{e.getPyType(), e, PyTraceback.of(e)});
        }
    }

    /** {@code sys._getframe(depth=0)}: the frame of the code {@code depth} calls above the caller. */
    @Builtin(name = "_getframe", params = {"depth"}, required = 0)
    @GenerateNodeFactory
    abstract static class GetFrameNode extends BuiltinNode {
        @Specialization
        static Object doGetFrame(Object depth) {
            long n = Args.given(depth) ? Args.index(depth, "depth") : 0;
            PyFrame frame = n < 0 || n > Integer.MAX_VALUE ? null : CallSite.frame((int) n);
            if (frame == null) {
                throw PyErrors.valueError("call stack is not deep enough");
            }
            return frame;
        }
    }
}
