package dev.aio.stdlib;

import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Classes;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;

/** {@code object.__init__}, {@code object.__new__} and {@code object.__init_subclass__}, which {@code super()} reaches. */
public final class ObjectInit {
    private ObjectInit() {
    }

    @Builtin(name = "__init__", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ObjectInitNode extends BuiltinNode {
        @Specialization
        static Object doInit(Object self, Object args, Object kwargs) {
            return PyNone.NONE;
        }
    }

    /** {@code object.__new__(cls)}: a bare instance; like CPython, the arguments are left to {@code __init__}. */
    @Builtin(name = "__new__", params = {"cls"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class ObjectNewNode extends BuiltinNode {
        @Specialization
        static Object doNew(Object cls, PyTuple args, Object kwargs) {
            if (!(cls instanceof PyType t)) {
                throw PyErrors.typeError("object.__new__(X): X is not a type object (" + PyOps.typeName(cls) + ")");
            }
            if (!t.isUserDefined()) {
                throw PyErrors.typeError("object.__new__(" + t.getName() + ") is not safe, use " + t.getName() + ".__new__()");
            }
            return Classes.allocate(t, t.builtinBase() == dev.aio.runtime.BuiltinTypes.OBJECT ? new Object[0] : args.items(), null, null);
        }
    }

    /** What {@code __init_subclass__} does when no base overrides it: it accepts no keywords. */
    @Builtin(name = "__init_subclass__", params = {"cls"}, kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class InitSubclassNode extends BuiltinNode {
        @Specialization
        static Object doInit(Object cls, PyDict kwargs) {
            if (kwargs.size() > 0) {
                throw PyErrors.typeError(((PyType) cls).getName() + ".__init_subclass__() takes no keyword arguments");
            }
            return PyNone.NONE;
        }
    }
}
