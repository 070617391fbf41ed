package dev.aio.stdlib;

import java.util.ArrayList;
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
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyDeque;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.SpecialMethods;
import dev.aio.runtime.Subscripts;

/** {@code collections.deque}: its constructor and methods (see {@link PyDeque}), with CPython's messages. */
public final class DequeMethods {
    private DequeMethods() {
    }

    /** Installs these on {@code collections.deque}. */
    static void install() {
        BuiltinTypes.DEQUE.defineBuiltins(DequeMethodsFactory.getFactories());
    }

    @Builtin(name = "deque", constructor = true, params = {"cls", "iterable", "maxlen"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable, Object maxlen) {
            PyDeque d = new PyDeque(maxlenOf(maxlen));
            if (Args.given(iterable)) {
                d.extend(Iteration.toArray(iterable));
            }
            return d;
        }
    }

    /**
     * {@code deque.__init__(iterable=(), maxlen=None)} (CPython's deque_init): sets the maximum
     * length and replaces the items; what fills an instance of a subclass
     * ({@code super().__init__(items, maxlen)}).
     */
    @Builtin(name = "__init__", params = {"self", "iterable", "maxlen"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInit(PyDeque self, Object iterable, Object maxlen) {
            self.setMaxlen(maxlenOf(maxlen));
            self.clear();
            if (Args.given(iterable)) {
                self.extend(iterable == self ? new Object[0] : Iteration.toArray(iterable));
            }
            return PyNone.NONE;
        }
    }

    /** {@code deque.__repr__}: what {@code super().__repr__()} in a subclass reaches ({@code History([1, 2], maxlen=3)}). */
    @Builtin(name = "__repr__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReprNode extends BuiltinNode {
        @Specialization
        static Object doRepr(PyDeque self) {
            return self.repr();
        }
    }

    /** {@code deque.__eq__}: equal items in order against a deque; NotImplemented against anything else. */
    @Builtin(name = "__eq__", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class EqNode extends BuiltinNode {
        @Specialization
        static Object doEq(PyDeque self, Object other) {
            return other instanceof PyDeque ? (Object) PyOps.builtinEq(self, other) : SpecialMethods.NOT_IMPLEMENTED;
        }
    }

    /** The {@code maxlen} argument: -1 when absent or None. */
    private static long maxlenOf(Object maxlen) {
        Object m = Args.orDefault(maxlen, null);
        if (m == null) {
            return -1;
        }
        if (!(m instanceof Long || m instanceof Boolean)) {
            throw PyErrors.typeError("an integer is required");
        }
        long max = Args.index(m, "maxlen");
        if (max < 0) {
            throw PyErrors.valueError("maxlen must be non-negative");
        }
        return max;
    }

    @Builtin(name = "maxlen", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class MaxLenNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyDeque self) {
            return self.maxlen() < 0 ? PyNone.NONE : (Object) self.maxlen();
        }
    }

    @Builtin(name = "append", params = {"self", "x"})
    @GenerateNodeFactory
    abstract static class AppendNode extends BuiltinNode {
        @Specialization
        static Object doAppend(PyDeque self, Object x) {
            self.addLast(x);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "appendleft", params = {"self", "x"})
    @GenerateNodeFactory
    abstract static class AppendLeftNode extends BuiltinNode {
        @Specialization
        static Object doAppend(PyDeque self, Object x) {
            self.addFirst(x);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "extend", params = {"self", "iterable"})
    @GenerateNodeFactory
    abstract static class ExtendNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doExtend(PyDeque self, Object iterable) {
            for (Object x : iterable == self ? self.toArray() : Iteration.toArray(iterable)) {
                self.addLast(x);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "extendleft", params = {"self", "iterable"})
    @GenerateNodeFactory
    abstract static class ExtendLeftNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doExtend(PyDeque self, Object iterable) {
            for (Object x : iterable == self ? self.toArray() : Iteration.toArray(iterable)) {
                self.addFirst(x);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "pop", params = {"self"})
    @GenerateNodeFactory
    abstract static class PopNode extends BuiltinNode {
        @Specialization
        static Object doPop(PyDeque self) {
            if (self.size() == 0) {
                throw PyErrors.indexError("pop from an empty deque");
            }
            return self.removeLast();
        }
    }

    @Builtin(name = "popleft", params = {"self"})
    @GenerateNodeFactory
    abstract static class PopLeftNode extends BuiltinNode {
        @Specialization
        static Object doPop(PyDeque self) {
            if (self.size() == 0) {
                throw PyErrors.indexError("pop from an empty deque");
            }
            return self.removeFirst();
        }
    }

    @Builtin(name = "clear", params = {"self"})
    @GenerateNodeFactory
    abstract static class ClearNode extends BuiltinNode {
        @Specialization
        static Object doClear(PyDeque self) {
            self.clear();
            return PyNone.NONE;
        }
    }

    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(PyDeque self) {
            return PyDeque.copyOf(self);
        }
    }

    @Builtin(name = "__copy__", params = {"self"})
    @GenerateNodeFactory
    abstract static class DunderCopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(PyDeque self) {
            return PyDeque.copyOf(self);
        }
    }

    @Builtin(name = "count", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class CountNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doCount(PyDeque self, Object value) {
            long n = 0;
            for (Object x : self.toArray()) {
                if (x == value || PyOps.eq(x, value)) {
                    n++;
                }
            }
            return n;
        }
    }

    @Builtin(name = "index", params = {"self", "value", "start", "stop"}, required = 2)
    @GenerateNodeFactory
    abstract static class IndexNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static long doIndex(PyDeque self, Object value, Object start, Object stop) {
            int n = self.size();
            long from = Args.given(start) ? Args.index(start, "start") : 0;
            long to = Args.given(stop) ? Args.index(stop, "stop") : n;
            if (from < 0) {
                from = Math.max(0, from + n);
            }
            if (to < 0) {
                to = Math.max(0, to + n);
            }
            Object[] items = self.toArray();
            for (long i = from; i < Math.min(to, n); i++) {
                if (items[(int) i] == value || PyOps.eq(items[(int) i], value)) {
                    return i;
                }
            }
            throw PyErrors.valueError(PyOps.repr(value) + " is not in deque");
        }
    }

    @Builtin(name = "insert", params = {"self", "index", "value"})
    @GenerateNodeFactory
    abstract static class InsertNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInsert(PyDeque self, Object index, Object value) {
            if (self.maxlen() >= 0 && self.size() >= self.maxlen()) {
                throw PyErrors.indexError("deque already at its maximum size");
            }
            long i = Args.index(index, "index");
            int n = self.size();
            if (i < 0) {
                i = Math.max(0, i + n);
            }
            List<Object> items = new ArrayList<>(Arrays.asList(self.toArray()));
            items.add((int) Math.min(i, n), value);
            self.setAll(items.toArray());
            return PyNone.NONE;
        }
    }

    @Builtin(name = "remove", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class RemoveNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRemove(PyDeque self, Object value) {
            List<Object> items = new ArrayList<>(Arrays.asList(self.toArray()));
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == value || PyOps.eq(items.get(i), value)) {
                    items.remove(i);
                    self.setAll(items.toArray());
                    return PyNone.NONE;
                }
            }
            throw PyErrors.valueError(PyOps.repr(value) + " is not in deque");
        }
    }

    @Builtin(name = "reverse", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReverseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReverse(PyDeque self) {
            List<Object> items = Arrays.asList(self.toArray());
            Collections.reverse(items);
            self.setAll(items.toArray());
            return PyNone.NONE;
        }
    }

    @Builtin(name = "rotate", params = {"self", "n"}, required = 1)
    @GenerateNodeFactory
    abstract static class RotateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRotate(PyDeque self, Object n) {
            long steps = Args.given(n) ? Args.index(n, "n") : 1;
            int size = self.size();
            if (size <= 1) {
                return PyNone.NONE;
            }
            long k = Math.floorMod(steps, (long) size);
            for (long i = 0; i < k; i++) {
                self.addFirst(self.removeLast());
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__reversed__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReversedNode extends BuiltinNode {
        @Specialization
        static Object doReversed(PyDeque self) {
            return new PyDeque.Iterator(self, true);
        }
    }

    @Builtin(name = "__len__", params = {"self"})
    @GenerateNodeFactory
    abstract static class LenNode extends BuiltinNode {
        @Specialization
        static long doLen(PyDeque self) {
            return self.size();
        }
    }

    @Builtin(name = "__iter__", params = {"self"})
    @GenerateNodeFactory
    abstract static class IterNode extends BuiltinNode {
        @Specialization
        static Object doIter(PyDeque self) {
            return new PyDeque.Iterator(self, false);
        }
    }

    @Builtin(name = "__getitem__", params = {"self", "index"})
    @GenerateNodeFactory
    abstract static class GetItemNode extends BuiltinNode {
        @Specialization
        static Object doGet(PyDeque self, Object index) {
            return Subscripts.builtinGetItem(self, index);
        }
    }

    @Builtin(name = "__setitem__", params = {"self", "index", "value"})
    @GenerateNodeFactory
    abstract static class SetItemNode extends BuiltinNode {
        @Specialization
        static Object doSet(PyDeque self, Object index, Object value) {
            Subscripts.builtinSetItem(self, index, value);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__delitem__", params = {"self", "index"})
    @GenerateNodeFactory
    abstract static class DelItemNode extends BuiltinNode {
        @Specialization
        static Object doDel(PyDeque self, Object index) {
            Subscripts.builtinDelItem(self, index);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "__contains__", params = {"self", "value"})
    @GenerateNodeFactory
    abstract static class ContainsNode extends BuiltinNode {
        @Specialization
        static boolean doContains(PyDeque self, Object value) {
            return Operators.contains(self, value);
        }
    }

    /** {@code deque.__reduce__()}: {@code (deque, ((), maxlen), state, iter(self))}, without maxlen when there is none (CPython's deque_reduce). */
    @Builtin(name = "__reduce__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReduceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReduce(PyDeque self) {
            PyTuple args = self.maxlen() < 0 ? PyTuple.EMPTY : PyTuple.of(PyTuple.EMPTY, self.maxlen());
            return PyTuple.of(self.getPyType(), args, Reduction.defaultState(self, false), Iteration.iter(self));
        }
    }
}
