package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.SpecialMethods;
import dev.aio.runtime.Subscripts;

/**
 * The special methods of {@code dict} that a subclass reaches through {@code super()} or
 * {@code dict.__setitem__(self, ...)}: they do what a dict does, whatever the subclass overrides.
 */
public final class DictDunders {
    private DictDunders() {
    }

    @Builtin(name = "__init__", params = {"self"}, varargs = "args", kwargs = "kwargs")
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInit(PyDict self, PyTuple args, PyDict kwargs) {
            if (args.size() > 1) {
                throw PyErrors.typeError("dict expected at most 1 argument, got " + args.size());
            }
            if (args.size() == 1) {
                DictMethods.update(self, args.get(0));
            }
            for (PyDict.Entry e : kwargs.entries()) {
                self.put(e.key, e.value);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__getitem__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class GetItemNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyDict self, Object key) {
            return Subscripts.builtinGetItem(self, key);
        }
    }

    @Builtin(name = "__setitem__", params = {"self", "key", "value"})
    @GenerateNodeFactory
    abstract static class SetItemNode extends BuiltinNode {
        @Specialization
        static Object doSet(PyDict self, Object key, Object value) {
            self.put(key, value);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__delitem__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class DelItemNode extends BuiltinNode {
        @Specialization
        static Object doDel(PyDict self, Object key) {
            Subscripts.builtinDelItem(self, key);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__contains__", params = {"self", "key"})
    @GenerateNodeFactory
    abstract static class ContainsNode extends BuiltinNode {
        @Specialization
        static boolean doContains(PyDict self, Object key) {
            return self.containsKey(key);
        }
    }

    @Builtin(name = "__len__", params = {"self"})
    @GenerateNodeFactory
    abstract static class LenNode extends BuiltinNode {
        @Specialization
        static long doLen(PyDict self) {
            return self.size();
        }
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(PyDict self) {
            return Iteration.builtinIter(self);
        }
    }

    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(PyDict self) {
            return PyOps.builtinRepr(self);
        }
    }

    @Builtin(name = "__eq__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class EqNode extends BuiltinNode {
        @Specialization
        static Object doEq(PyDict self, Object other) {
            if (!(other instanceof PyDict)) {
                return SpecialMethods.NOT_IMPLEMENTED;
            }
            return PyOps.builtinEq(self, other);
        }
    }

    /** {@code dict.fromkeys(iterable, value=None)}, a class method: a subclass gets an instance of itself. */
    @Builtin(name = "fromkeys", params = {"cls", "iterable", "value"}, required = 2)
    @GenerateNodeFactory
    abstract static class FromKeysNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFromKeys(Object cls, Object iterable, Object value) {
            Object v = Args.orDefault(value, PyNone.NONE);
            Object d = cls == BuiltinTypes.DICT ? new PyDict() : Calls.call(cls);
            for (Object key : Iteration.toArray(iterable)) {
                Subscripts.setItem(d, key, v);
            }
            return d;
        }
    }
}
