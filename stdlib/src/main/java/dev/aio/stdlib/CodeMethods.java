package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyCodeObject;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.Signature;

/**
 * The attributes of a code object ({@code f.__code__}) that programs and the standard library
 * read: names, file, first line, parameter counts and the flags saying what kind of function it is
 * (CPython's Objects/codeobject.c; bytecode-level attributes such as {@code co_code} are CPython's
 * own and absent).
 */
public final class CodeMethods {
    /** CPython's CO_* flags (Include/cpython/code.h). */
    private static final long CO_OPTIMIZED = 0x1;
    private static final long CO_NEWLOCALS = 0x2;
    private static final long CO_VARARGS = 0x4;
    private static final long CO_VARKEYWORDS = 0x8;
    private static final long CO_GENERATOR = 0x20;
    private static final long CO_COROUTINE = 0x80;
    private static final long CO_ASYNC_GENERATOR = 0x200;

    private CodeMethods() {
    }

    /** A function's code, or what {@code compile()} made: the module-level code it wraps. */
    private static PyCode code(Object receiver) {
        return receiver instanceof PyCodeObject compiled ? compiled.code() : (PyCode) receiver;
    }

    static void install() {
        BuiltinTypes.CODE.defineBuiltins(CodeMethodsFactory.getFactories());
    }

    @Builtin(name = "co_name", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NameNode extends BuiltinNode {
        @Specialization
        static Object doName(Object receiver) {
            PyCode self = code(receiver);
            return self.name();
        }
    }

    @Builtin(name = "co_qualname", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class QualNameNode extends BuiltinNode {
        @Specialization
        static Object doQualName(Object receiver) {
            PyCode self = code(receiver);
            return self.qualName();
        }
    }

    @Builtin(name = "co_filename", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class FileNameNode extends BuiltinNode {
        @Specialization
        static Object doFileName(Object receiver) {
            PyCode self = code(receiver);
            return self.fileName();
        }
    }

    @Builtin(name = "co_firstlineno", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class FirstLineNode extends BuiltinNode {
        @Specialization
        static long doFirstLine(Object receiver) {
            PyCode self = code(receiver);
            return self.firstLine();
        }
    }

    /** The positional parameters, positional-only ones included. */
    @Builtin(name = "co_argcount", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class ArgCountNode extends BuiltinNode {
        @Specialization
        static long doArgCount(Object receiver) {
            PyCode self = code(receiver);
            return self.signature() == null ? 0 : self.signature().positional().length;
        }
    }

    @Builtin(name = "co_posonlyargcount", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class PosOnlyArgCountNode extends BuiltinNode {
        @Specialization
        static long doPosOnly(Object receiver) {
            PyCode self = code(receiver);
            return self.signature() == null ? 0 : self.signature().posOnlyCount();
        }
    }

    @Builtin(name = "co_kwonlyargcount", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class KwOnlyArgCountNode extends BuiltinNode {
        @Specialization
        static long doKwOnly(Object receiver) {
            PyCode self = code(receiver);
            return self.signature() == null ? 0 : self.signature().kwOnly().length;
        }
    }

    /** The local variables, parameters first. */
    @Builtin(name = "co_varnames", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class VarNamesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doVarNames(Object receiver) {
            PyCode self = code(receiver);
            Signature sig = self.signature();
            if (sig == null) {
                return new PyTuple(self.localNames().clone());
            }
            // CPython's order: the positional parameters, the keyword-only ones, *args, **kwargs, then the other locals.
            List<String> names = new ArrayList<>(List.of(sig.positional()));
            names.addAll(List.of(sig.kwOnly()));
            if (sig.hasVarargs()) {
                names.add(sig.varargsName());
            }
            if (sig.hasKwargs()) {
                names.add(sig.kwargsName());
            }
            for (String local : self.localNames()) {
                if (!names.contains(local)) {
                    names.add(local);
                }
            }
            return new PyTuple(names.toArray());
        }
    }

    @Builtin(name = "co_nlocals", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class NLocalsNode extends BuiltinNode {
        @Specialization
        static long doNLocals(Object receiver) {
            PyCode self = code(receiver);
            return self.localNames().length;
        }
    }

    /**
     * What kind of function the code is: optimized locals for a function (not a module body),
     * {@code *args}, {@code **kwargs}, generator, coroutine or async generator. CPython's
     * CO_NESTED and CO_NOFREE bits (which aio's compiler does not record) are left out.
     */
    @Builtin(name = "co_flags", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class FlagsNode extends BuiltinNode {
        @Specialization
        static long doFlags(Object receiver) {
            PyCode self = code(receiver);
            long flags = self.name().equals("<module>") ? 0 : CO_OPTIMIZED | CO_NEWLOCALS;
            Signature signature = self.signature();
            if (signature != null && signature.hasVarargs()) {
                flags |= CO_VARARGS;
            }
            if (signature != null && signature.hasKwargs()) {
                flags |= CO_VARKEYWORDS;
            }
            if (self.isCoroutine()) {
                flags |= self.isGenerator() ? CO_ASYNC_GENERATOR : CO_COROUTINE;
            } else if (self.isGenerator()) {
                flags |= CO_GENERATOR;
            }
            return flags;
        }
    }
}
