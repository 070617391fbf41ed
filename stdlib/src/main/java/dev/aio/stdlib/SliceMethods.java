package dev.aio.stdlib;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Missing;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PySlice;
import dev.aio.runtime.PyTuple;

/**
 * The {@code slice} type (CPython's Objects/sliceobject.c): what {@code x[a:b:c]} passes to
 * {@code __getitem__}, and what {@code slice(stop)} / {@code slice(start, stop, step)} make.
 */
public final class SliceMethods {
    private SliceMethods() {
    }

    /** Installs these on {@code slice}. */
    static void install() {
        BuiltinTypes.SLICE.defineBuiltins(SliceMethodsFactory.getFactories());
    }

    @Builtin(name = "slice", constructor = true, params = {"cls"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class SliceNode extends BuiltinNode {
        @Specialization
        static Object doSlice(@SuppressWarnings("unused") Object cls, PyTuple args) {
            Object[] given = args.items();
            if (given.length == 0 || given.length > 3) {
                throw PyErrors.typeError(given.length == 0 ? "slice expected at least 1 argument, got 0" : "slice expected at most 3 arguments, got " + given.length);
            }
            Object a = given[0];
            Object b = given.length > 1 ? given[1] : Missing.INSTANCE;
            Object c = given.length > 2 ? given[2] : Missing.INSTANCE;
            if (!Args.given(b)) {
                return new PySlice(PyNone.NONE, a, PyNone.NONE);
            }
            return new PySlice(a, b, Args.given(c) ? c : PyNone.NONE);
        }
    }

    @Builtin(name = "start", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StartNode extends BuiltinNode {
        @Specialization
        static Object doStart(PySlice self) {
            return self.start();
        }
    }

    @Builtin(name = "stop", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StopNode extends BuiltinNode {
        @Specialization
        static Object doStop(PySlice self) {
            return self.stop();
        }
    }

    @Builtin(name = "step", params = {"self"}, property = true)
    @GenerateNodeFactory
    abstract static class StepNode extends BuiltinNode {
        @Specialization
        static Object doStep(PySlice self) {
            return self.step();
        }
    }

    /** {@code slice.indices(length)}: the {@code (start, stop, step)} the slice selects from a sequence of that length. */
    @Builtin(name = "indices", params = {"self", "length"})
    @GenerateNodeFactory
    abstract static class IndicesNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static PyTuple doIndices(PySlice self, Object length) {
            long n = Args.index(length, "slice.indices");
            if (n < 0) {
                throw PyErrors.valueError("length should not be negative");
            }
            int[] r = self.indices(PyErrors.checkedLength(n));
            return PyTuple.of((long) r[0], (long) r[1], (long) r[2]);
        }
    }

    /** {@code slice.__reduce__()}: {@code (slice, (start, stop, step))}. */
    @Builtin(name = "__reduce__", params = {"self"})
    @GenerateNodeFactory
    abstract static class ReduceNode extends BuiltinNode {
        @Specialization
        static PyTuple doReduce(PySlice self) {
            return PyTuple.of(BuiltinTypes.SLICE, PyTuple.of(self.start(), self.stop(), self.step()));
        }
    }
}
