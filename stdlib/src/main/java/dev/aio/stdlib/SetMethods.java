package dev.aio.stdlib;

import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PySet;
import dev.aio.runtime.PyTuple;

/** Methods of {@code set}, and of {@code frozenset}: those that do not change the set. */
public final class SetMethods {
    private SetMethods() {
    }

    /** The methods a frozenset has too (on a frozenset they make frozensets). */
    private static final Set<String> NON_MUTATING = Set.of("union", "intersection", "difference", "symmetric_difference", "copy", "issubset",
                    "issuperset", "isdisjoint", "frozenset", "__contains__", "__reduce__");

    /** Installs these on {@code set} and {@code frozenset}. */
    static void install() {
        BuiltinTypes.SET.defineBuiltins(SetMethodsFactory.getFactories());
        BuiltinTypes.FROZENSET.defineBuiltins(SetMethodsFactory.getFactories().stream().filter(f -> NON_MUTATING.contains(BuiltinSpec.of(f).name())).toList());
    }

    /** {@code set.__contains__}, the bound method difflib keeps as its junk test ({@code isjunk = junk.__contains__}). */
    @Builtin(name = "__contains__", params = {"self", "item"})
    @GenerateNodeFactory
    abstract static class ContainsNode extends BuiltinNode {
        @Specialization
        static boolean doContains(PySet self, Object item) {
            return Operators.contains(self, item);
        }
    }

    @Builtin(name = "add", params = {"self", "item"})
    @GenerateNodeFactory
    abstract static class AddNode extends BuiltinNode {
        @Specialization
        static Object doAdd(PySet self, Object item) {
            self.add(item);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "remove", params = {"self", "item"})
    @GenerateNodeFactory
    abstract static class RemoveNode extends BuiltinNode {
        @Specialization
        static Object doRemove(PySet self, Object item) {
            if (!self.remove(item)) {
                throw PyErrors.keyError(item);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "discard", params = {"self", "item"})
    @GenerateNodeFactory
    abstract static class DiscardNode extends BuiltinNode {
        @Specialization
        static Object doDiscard(PySet self, Object item) {
            self.remove(item);
            return PyNone.NONE;
        }
    }

    @Builtin(name = "clear", params = {"self"})
    @GenerateNodeFactory
    abstract static class ClearNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doClear(PySet self) {
            for (Object o : self.toArray()) {
                self.remove(o);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "update", params = {"self"}, varargs = "others")
    @GenerateNodeFactory
    abstract static class UpdateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUpdate(PySet self, PyTuple others) {
            for (Object other : others.items()) {
                for (Object o : Iteration.toArray(other)) {
                    self.add(o);
                }
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "union", params = {"self"}, varargs = "others")
    @GenerateNodeFactory
    abstract static class UnionNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUnion(PySet self, PyTuple others) {
            PySet r = copyOf(self);
            for (Object other : others.items()) {
                for (Object o : Iteration.toArray(other)) {
                    r.add(o);
                }
            }
            return r;
        }
    }

    @Builtin(name = "intersection", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IntersectionNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doIntersection(PySet self, Object other) {
            PySet r = self.emptyOfSameType();
            PySet o = new PySet();
            for (Object x : Iteration.toArray(other)) {
                o.add(x);
            }
            for (Object x : self.toArray()) {
                if (o.contains(x)) {
                    r.add(x);
                }
            }
            return r;
        }
    }

    @Builtin(name = "difference", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class DifferenceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doDifference(PySet self, Object other) {
            PySet r = copyOf(self);
            for (Object x : Iteration.toArray(other)) {
                r.remove(x);
            }
            return r;
        }
    }

    @Builtin(name = "copy", params = {"self"})
    @GenerateNodeFactory
    abstract static class CopyNode extends BuiltinNode {
        @Specialization
        static Object doCopy(PySet self) {
            return copyOf(self);
        }
    }

    @Builtin(name = "pop", params = {"self"})
    @GenerateNodeFactory
    abstract static class PopNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doPop(PySet self) {
            Object[] items = self.toArray();
            if (items.length == 0) {
                throw PyErrors.keyError("pop from an empty set");
            }
            self.remove(items[0]);
            return items[0];
        }
    }

    @TruffleBoundary
    static PySet copyOf(PySet s) {
        PySet r = s.emptyOfSameType();
        for (Object o : s.toArray()) {
            r.add(o);
        }
        return r;
    }

    static PySet toSet(Object o) {
        if (o instanceof PySet s) {
            return s;
        }
        PySet s = new PySet();
        for (Object x : Iteration.toArray(o)) {
            s.add(x);
        }
        return s;
    }

    @Builtin(name = "issubset", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IsSubsetNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(PySet self, Object other) {
            return Operators.isSubset(self, toSet(other));
        }
    }

    @Builtin(name = "issuperset", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IsSupersetNode extends BuiltinNode {
        @Specialization
        static boolean doCheck(PySet self, Object other) {
            return Operators.isSubset(toSet(other), self);
        }
    }

    @Builtin(name = "isdisjoint", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class IsDisjointNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static boolean doCheck(PySet self, Object other) {
            for (Object o : Iteration.toArray(other)) {
                if (self.contains(o)) {
                    return false;
                }
            }
            return true;
        }
    }

    @Builtin(name = "symmetric_difference", params = {"self", "other"})
    @GenerateNodeFactory
    abstract static class SymmetricDifferenceNode extends BuiltinNode {
        @Specialization
        static Object doDiff(PySet self, Object other) {
            return Operators.symmetricDifference(self, toSet(other));
        }
    }

    /** {@code set.__init__(iterable)}: what fills an instance of a subclass of set ({@code super().__init__(items)}). */
    @Builtin(name = "__init__", params = {"self", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class InitNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doInit(PySet self, Object iterable) {
            Object[] items = Args.given(iterable) ? Iteration.toArray(iterable) : new Object[0];
            for (Object o : self.toArray()) {
                self.remove(o);
            }
            for (Object o : items) {
                self.add(o);
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "set", constructor = true, params = {"cls", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class SetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSet(Object cls, Object iterable) {
            PySet s = new PySet();
            if (Args.given(iterable)) {
                for (Object o : Iteration.toArray(iterable)) {
                    s.add(o);
                }
            }
            return s;
        }
    }

    /** {@code frozenset(iterable)}: a frozenset is returned as it is, as CPython does. */
    @Builtin(name = "frozenset", constructor = true, params = {"cls", "iterable"}, required = 1)
    @GenerateNodeFactory
    abstract static class FrozenSetNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFrozenSet(Object cls, Object iterable) {
            if (iterable instanceof PySet s && s.getPyType() == BuiltinTypes.FROZENSET) {
                return s;
            }
            PySet s = new PySet(true);
            if (Args.given(iterable)) {
                for (Object o : Iteration.toArray(iterable)) {
                    s.add(o);
                }
            }
            return s;
        }
    }

    /** {@code set.__reduce__()}: {@code (type(self), (list(self),), state)}, how {@code copy} rebuilds a set (CPython's set_reduce). */
    @Builtin(name = "__reduce__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReduceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doReduce(PySet self) {
            return PyTuple.of(self.getPyType(), PyTuple.of(new PyList(self.toArray())), Reduction.defaultState(self, false));
        }
    }
}
