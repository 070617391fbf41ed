package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyBaseException;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTraceback;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/** {@code BaseException.__init__(self, *args)}: sets {@code args}, as {@code super().__init__(message)} in an exception class expects. */
public final class ExceptionMethods {
    private ExceptionMethods() {
    }

    /** Installs these on BaseException; every builtin exception class is constructed as BaseException is. */
    static void install() {
        BuiltinTypes.BASE_EXCEPTION.defineBuiltins(ExceptionMethodsFactory.getFactories());
        for (PyType t : BuiltinTypes.BUILTIN_EXCEPTIONS) {
            t.setConstructor(BuiltinTypes.BASE_EXCEPTION.getConstructor());
        }
    }

    @Builtin(name = "__init__", params = {"self"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExceptionInitNode extends BuiltinNode {
        @Specialization
        static Object doInit(PyBaseException self, PyTuple args) {
            self.setArgs(args);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "with_traceback", params = {"self", "tb"})
    @GenerateNodeFactory
    abstract static class WithTracebackNode extends BuiltinNode {
        @Specialization
        static Object doWith(PyBaseException self, Object tb) {
            PyTraceback.set(self, tb);
            return self;
        }
    }

    /**
     * {@code e.add_note(note)} (PEP 678): appends to {@code e.__notes__}, a list made on first use;
     * the notes are printed under the exception's line.
     */
    @Builtin(name = "add_note", params = {"self", "note"})
    @GenerateNodeFactory
    abstract static class AddNoteNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doAddNote(PyBaseException self, Object note) {
            if (!(note instanceof String)) {
                throw PyErrors.typeError("note must be a str, not '" + PyOps.typeName(note) + "'");
            }
            Object notes = self.dict().get("__notes__");
            if (notes == null) {
                notes = new PyList();
                self.dict().put("__notes__", notes);
            } else if (!(notes instanceof PyList)) {
                throw PyErrors.typeError("Cannot add note: __notes__ is not a list");
            }
            ((PyList) notes).append(note);
            return PyNone.NONE;
        }
    }

    /** Every exception type: the arguments become {@code e.args}. */
    @Builtin(name = "BaseException", constructor = true, params = {"cls"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ExceptionNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, PyTuple args) {
            PyType type = (PyType) cls;
            if (type == BuiltinTypes.OS_ERROR && args.size() >= 2 && args.get(0) instanceof Long errno) {
                type = BuiltinTypes.osErrorFor(errno);
            }
            if (type.isSubtypeOf(BuiltinTypes.OS_ERROR)) {
                return PyBaseException.osError(type, args);
            }
            return new PyBaseException(type, args);
        }
    }
}
