package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.Subscripts;

/**
 * The special methods of {@code list} (and the read-only ones of {@code tuple}) that a subclass
 * reaches through {@code super()}: they do what a list does, whatever the subclass overrides.
 */
public final class SequenceDunders {
    private SequenceDunders() {
    }

    /** Names of the methods that tuple shares. */
    static final java.util.Set<String> TUPLE_METHODS = java.util.Set.of("__getitem__", "__contains__", "__len__", "__iter__", "__repr__", "__eq__");

    @Builtin(name = "__init__", params = {"self", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInit(PyList self, Object iterable) {
            Object[] items = Args.given(iterable) ? Iteration.toArray(iterable).clone() : new Object[0];
            self.items().clear();
            self.items().addAll(java.util.Arrays.asList(items));
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__getitem__", params = {"self", "index"})
    @GenerateNodeFactory
    abstract static class GetItemNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyObject self, Object index) {
            return Subscripts.builtinGetItem(self, index);
        }
    }

    @Builtin(name = "__setitem__", params = {"self", "index", "value"})
    @GenerateNodeFactory
    abstract static class SetItemNode extends BuiltinNode {
        @Specialization
        static Object doSet(PyList self, Object index, Object value) {
            Subscripts.builtinSetItem(self, index, value);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__delitem__", params = {"self", "index"})
    @GenerateNodeFactory
    abstract static class DelItemNode extends BuiltinNode {
        @Specialization
        static Object doDel(PyList self, Object index) {
            Subscripts.builtinDelItem(self, index);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__contains__", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class ContainsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doContains(PyObject self, Object value) {
            for (Object x : items(self)) {
                if (x == value || PyOps.eq(x, value)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Builtin(name = "__len__", params = {"self"})
    @GenerateNodeFactory
    abstract static class LenNode extends BuiltinNode {
        @Specialization
        static long doLen(PyObject self) {
            return items(self).length;
        }
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(PyObject self) {
            return Iteration.builtinIter(self);
        }
    }

    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(PyObject self) {
            return PyOps.builtinRepr(self);
        }
    }

    @Builtin(name = "__eq__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class EqNode extends BuiltinNode {
        @Specialization
        static Object doEq(PyObject self, Object other) {
            if (self instanceof PyList ? !(other instanceof PyList) : !(other instanceof PyTuple)) {
                return dev.aio.runtime.SpecialMethods.NOT_IMPLEMENTED;
            }
            return PyOps.builtinEq(self, other);
        }
    }

    static Object[] items(PyObject self) {
        if (self instanceof PyList l) {
            return l.toArray();
        }
        if (self instanceof PyTuple t) {
            return t.items();
        }
        throw PyErrors.typeError("descriptor requires a 'list' or 'tuple' object but received a '" + PyOps.typeName(self) + "'");
    }
}
