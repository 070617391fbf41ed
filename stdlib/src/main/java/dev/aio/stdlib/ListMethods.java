package dev.aio.stdlib;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.SpecialMethods;
import dev.aio.runtime.Subscripts;

/**
 * Methods of {@code list}, with its constructor and the special methods a subclass reaches
 * through {@code super()} (they do what a list does, whatever the subclass overrides); tuple
 * shares the read-only ones.
 */
public final class ListMethods {
    private ListMethods() {
    }

    /** Installs these on list, and the ones tuple shares (the read-only methods) on tuple. */
    static void install() {
        BuiltinTypes.LIST.defineBuiltins(ListMethodsFactory.getFactories());
        BuiltinTypes.TUPLE.defineBuiltins(List.of(ListMethodsFactory.IndexNodeFactory.getInstance(), ListMethodsFactory.CountNodeFactory.getInstance(),
                        ListMethodsFactory.GetItemNodeFactory.getInstance(), ListMethodsFactory.ContainsNodeFactory.getInstance(), ListMethodsFactory.LenNodeFactory.getInstance(),
                        ListMethodsFactory.IterNodeFactory.getInstance(), ListMethodsFactory.ReprNodeFactory.getInstance(), ListMethodsFactory.EqNodeFactory.getInstance()));
    }

    @Builtin(name = "append", params = {"self", "object"})
    @GenerateNodeFactory
    abstract static class AppendNode extends BuiltinNode {
        @Specialization
        static Object doAppend(PyList self, Object item) {
            self.append(item);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "extend", params = {"self", "iterable"})
    @GenerateNodeFactory
    abstract static class ExtendNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doExtend(PyList self, Object iterable) {
            for (Object o : Iteration.toArray(iterable)) {
                self.append(o);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "insert", params = {"self", "index", "object"})
    @GenerateNodeFactory
    abstract static class InsertNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInsert(PyList self, Object index, Object item) {
            long i = Args.index(index, "index");
            int n = self.size();
            if (i < 0) {
                i = Math.max(0, i + n);
            }
            self.items().add((int) Math.min(i, n), item);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "pop", params = {"self", "index"}, required = 1)
    @GenerateNodeFactory
    abstract static class PopNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doPop(PyList self, Object index) {
            if (self.size() == 0) {
                throw PyErrors.indexError("pop from empty list");
            }
            long i = Args.given(index) ? Args.index(index, "index") : -1;
            if (i < 0) {
                i += self.size();
            }
            if (i < 0 || i >= self.size()) {
                throw PyErrors.indexError("pop index out of range");
            }
            return self.items().remove((int) i);
        }
    }

    @Builtin(name = "remove", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class RemoveNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRemove(PyList self, Object value) {
            for (int i = 0; i < self.size(); i++) {
                if (PyOps.eq(self.get(i), value)) {
                    self.items().remove(i);
                    return PyNone.NONE;
                }
            }
            throw PyErrors.valueError("list.remove(x): x not in list");
        }
    }

    @Builtin(name = "index", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class IndexNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doIndex(Object self, Object value) {
            Object[] items = items(self);
            for (int i = 0; i < items.length; i++) {
                if (PyOps.eq(items[i], value)) {
                    return i;
                }
            }
            throw PyErrors.valueError(self instanceof PyTuple ? "tuple.index(x): x not in tuple" : PyOps.repr(value) + " is not in list");
        }
    }

    @Builtin(name = "count", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class CountNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doCount(Object self, Object value) {
            long n = 0;
            for (Object o : items(self)) {
                if (PyOps.eq(o, value)) {
                    n++;
                }
            }
            return n;
        }
    }

    static Object[] items(Object self) {
        return self instanceof PyTuple t ? t.items() : ((PyList) self).toArray();
    }

    @Builtin(name = "reverse", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReverseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReverse(PyList self) {
            Collections.reverse(self.items());
            return PyNone.NONE;
        }
    }

    @Builtin(name = "sort", params = {"self"}, kwOnly = {"key", "reverse"})
    @GenerateNodeFactory
    abstract static class SortNode extends BuiltinNode {
        @Specialization
        static Object doSort(PyList self, Object key, Object reverse) {
            Sorting.sort(self, key, reverse);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(PyList self) {
            return new PyList(self.toArray());
        }
    }

    @Builtin(name = "clear", params = {"self"})
    @GenerateNodeFactory
    abstract static class ClearNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doClear(PyList self) {
            self.items().clear();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "list", constructor = true, params = {"cls", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class ListNode extends BuiltinNode {
        @Specialization
        static Object doList(Object cls, Object iterable) {
            return Args.given(iterable) ? new PyList(Iteration.toArray(iterable).clone()) : new PyList();
        }
    }

    @Builtin(name = "__init__", params = {"self", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInit(PyList self, Object iterable) {
            Object[] items = Args.given(iterable) ? Iteration.toArray(iterable).clone() : new Object[0];
            self.items().clear();
            self.items().addAll(Arrays.asList(items));
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
            for (Object x : checkedItems(self)) {
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
            return checkedItems(self).length;
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
                return SpecialMethods.NOT_IMPLEMENTED;
            }
            return PyOps.builtinEq(self, other);
        }
    }

    /** The items of a list or tuple; for another {@code self}, the TypeError a method descriptor gives. */
    static Object[] checkedItems(PyObject self) {
        if (self instanceof PyList l) {
            return l.toArray();
        }
        if (self instanceof PyTuple t) {
            return t.items();
        }
        throw PyErrors.typeError("descriptor requires a 'list' or 'tuple' object but received a '" + PyOps.typeName(self) + "'");
    }
}
