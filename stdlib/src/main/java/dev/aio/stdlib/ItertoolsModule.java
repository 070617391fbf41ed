package dev.aio.stdlib;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.BuiltinSpec;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyDescriptors;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyIterator;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyType;
import dev.aio.runtime.SpecialMethods;
import dev.aio.stdlib.ItertoolsIterators.TeeLink;

/**
 * The {@code itertools} module (a C module in CPython, Modules/itertoolsmodule.c): its iterator
 * types ({@link ItertoolsIterators}) with their constructors' checks and messages, and {@code tee}.
 */
public final class ItertoolsModule {
    private ItertoolsModule() {
    }

    /** Gives each iterator type {@code __iter__}/{@code __next__} and its constructor; {@code chain} its {@code from_iterable}. */
    static void install() {
        List<NodeFactory<? extends BuiltinNode>> constructors = new ArrayList<>();
        for (NodeFactory<? extends BuiltinNode> factory : ItertoolsModuleFactory.getFactories()) {
            if (BuiltinSpec.of(factory).isConstructor()) {
                constructors.add(factory);
            }
        }
        for (PyType type : ItertoolsIterators.TYPES) {
            type.defineBuiltins(IteratorMethodsFactory.getFactories());
            type.defineBuiltins(constructors);
        }
        ItertoolsIterators.CHAIN.define("from_iterable", new PyDescriptors.ClassMethod(BuiltinSpec.of(ItertoolsModuleFactory.FromIterableNodeFactory.getInstance())));
    }

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("itertools");
        for (PyType type : ItertoolsIterators.TYPES) {
            if (!type.getName().startsWith("_")) {
                m.put(type.getName(), type);
            }
        }
        m.defineFunctions(context.getLanguage(), List.of(ItertoolsModuleFactory.TeeNodeFactory.getInstance()));
        return m;
    }

    @Builtin(name = "count", constructor = true, params = {"cls", "start", "step"}, required = 1, posOnly = 1)
    @GenerateNodeFactory
    abstract static class CountNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object start, Object step) {
            Object first = Args.given(start) ? start : (Object) 0L;
            Object by = Args.given(step) ? step : (Object) 1L;
            if (!isNumber(first) || !isNumber(by)) {
                throw PyErrors.typeError("a number is required");
            }
            return new ItertoolsIterators.Count(first, by);
        }

        private static boolean isNumber(Object o) {
            return Numbers.isNumber(o) || SpecialMethods.lookup(o, "__add__") != null;
        }
    }

    @Builtin(name = "cycle", constructor = true, params = {"cls", "iterable"})
    @GenerateNodeFactory
    abstract static class CycleNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable) {
            return new ItertoolsIterators.Cycle(Iteration.iter(iterable));
        }
    }

    @Builtin(name = "repeat", constructor = true, params = {"cls", "object", "times"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class RepeatNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object object, Object times) {
            long n = Args.given(times) ? Math.max(0, Args.index(times, "times")) : -1;
            return new ItertoolsIterators.Repeat(object, n);
        }
    }

    @Builtin(name = "accumulate", constructor = true, params = {"cls", "iterable", "func"}, required = 2, posOnly = 1, kwOnly = {"initial"})
    @GenerateNodeFactory
    abstract static class AccumulateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable, Object func, Object initial) {
            Object start = Args.orDefault(initial, null);
            return new ItertoolsIterators.Accumulate(Iteration.iter(iterable), Args.orDefault(func, PyNone.NONE), start);
        }
    }

    @Builtin(name = "chain", constructor = true, params = {"cls"}, varargs = "iterables")
    @GenerateNodeFactory
    abstract static class ChainNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, PyTuple iterables) {
            return new ItertoolsIterators.Chain(Iteration.iter(iterables));
        }
    }

    @Builtin(name = "from_iterable", classMethod = true, params = {"cls", "iterable"})
    @GenerateNodeFactory
    abstract static class FromIterableNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doFromIterable(Object cls, Object iterable) {
            return new ItertoolsIterators.Chain(Iteration.iter(iterable));
        }
    }

    @Builtin(name = "compress", constructor = true, params = {"cls", "data", "selectors"}, posOnly = 1)
    @GenerateNodeFactory
    abstract static class CompressNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object data, Object selectors) {
            return new ItertoolsIterators.Compress(Iteration.iter(data), Iteration.iter(selectors));
        }
    }

    @Builtin(name = "dropwhile", constructor = true, params = {"cls", "predicate", "iterable"})
    @GenerateNodeFactory
    abstract static class DropWhileNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object predicate, Object iterable) {
            return new ItertoolsIterators.DropWhile(predicate, Iteration.iter(iterable));
        }
    }

    @Builtin(name = "takewhile", constructor = true, params = {"cls", "predicate", "iterable"})
    @GenerateNodeFactory
    abstract static class TakeWhileNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object predicate, Object iterable) {
            return new ItertoolsIterators.TakeWhile(predicate, Iteration.iter(iterable));
        }
    }

    @Builtin(name = "filterfalse", constructor = true, params = {"cls", "function", "iterable"})
    @GenerateNodeFactory
    abstract static class FilterFalseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object function, Object iterable) {
            return new ItertoolsIterators.FilterFalse(function, Iteration.iter(iterable));
        }
    }

    @Builtin(name = "groupby", constructor = true, params = {"cls", "iterable", "key"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class GroupByNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable, Object key) {
            return new ItertoolsIterators.GroupBy(Iteration.iter(iterable), Args.orDefault(key, PyNone.NONE));
        }
    }

    private static final String STOP_MESSAGE = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    private static final String INDICES_MESSAGE = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

    @Builtin(name = "islice", constructor = true, params = {"cls", "iterable"}, varargs = "args")
    @GenerateNodeFactory
    abstract static class ISliceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable, PyTuple args) {
            int n = args.size();
            if (n == 0) {
                throw PyErrors.typeError("islice expected at least 2 arguments, got 1");
            }
            if (n > 3) {
                throw PyErrors.typeError("islice expected at most 4 arguments, got " + (n + 1));
            }
            long start = 0;
            long stop = -1;
            long step = 1;
            if (n == 1) {
                if (args.get(0) != PyNone.NONE) {
                    stop = asSize(args.get(0));
                    if (stop == -1) {
                        throw PyErrors.valueError(STOP_MESSAGE);
                    }
                }
            } else {
                if (args.get(0) != PyNone.NONE) {
                    start = asSize(args.get(0));
                    if (start == -1) {
                        throw PyErrors.valueError(INDICES_MESSAGE);
                    }
                }
                if (args.get(1) != PyNone.NONE) {
                    stop = asSize(args.get(1));
                    if (stop == -1) {
                        throw PyErrors.valueError(INDICES_MESSAGE);
                    }
                }
            }
            if (start < 0 || stop < -1) {
                throw PyErrors.valueError(INDICES_MESSAGE);
            }
            if (n == 3 && args.get(2) != PyNone.NONE) {
                step = asSize(args.get(2));
            }
            if (step < 1) {
                throw PyErrors.valueError("Step for islice() must be a positive integer or None.");
            }
            return new ItertoolsIterators.ISlice(Iteration.iter(iterable), start, stop, step);
        }

        /** CPython's PyNumber_AsSsize_t with its error cleared: -1 for what is not an int that fits. */
        private static long asSize(Object o) {
            if (o instanceof Long || o instanceof Boolean) {
                return Numbers.asLong(o);
            }
            return -1;
        }
    }

    @Builtin(name = "starmap", constructor = true, params = {"cls", "function", "iterable"})
    @GenerateNodeFactory
    abstract static class StarMapNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object function, Object iterable) {
            return new ItertoolsIterators.StarMap(function, Iteration.iter(iterable));
        }
    }

    @Builtin(name = "zip_longest", constructor = true, params = {"cls"}, varargs = "iterables", kwOnly = {"fillvalue"})
    @GenerateNodeFactory
    abstract static class ZipLongestNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, PyTuple iterables, Object fillvalue) {
            PyIterator[] sources = new PyIterator[iterables.size()];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = Iteration.iter(iterables.get(i));
            }
            return new ItertoolsIterators.ZipLongest(sources, Args.given(fillvalue) ? fillvalue : PyNone.NONE);
        }
    }

    @Builtin(name = "pairwise", constructor = true, params = {"cls", "iterable"})
    @GenerateNodeFactory
    abstract static class PairwiseNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable) {
            return new ItertoolsIterators.Pairwise(Iteration.iter(iterable));
        }
    }

    @Builtin(name = "product", constructor = true, params = {"cls"}, varargs = "iterables", kwOnly = {"repeat"})
    @GenerateNodeFactory
    abstract static class ProductNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, PyTuple iterables, Object repeat) {
            long times = Args.given(repeat) ? Args.index(repeat, "repeat") : 1;
            if (times < 0) {
                throw PyErrors.valueError("repeat argument cannot be negative");
            }
            Object[][] distinct = new Object[iterables.size()][];
            for (int i = 0; i < distinct.length; i++) {
                distinct[i] = Iteration.toArray(iterables.get(i));
            }
            Object[][] pools = new Object[PyErrors.checkedLength(distinct.length * times)][];
            for (int i = 0; i < pools.length; i++) {
                pools[i] = distinct[i % distinct.length];
            }
            return new ItertoolsIterators.Product(pools);
        }
    }

    /** The {@code r} of permutations and combinations: an int, not negative. */
    private static int length(Object r) {
        long n = Args.index(r, "r");
        if (n < 0) {
            throw PyErrors.valueError("r must be non-negative");
        }
        return PyErrors.checkedLength(n);
    }

    @Builtin(name = "permutations", constructor = true, params = {"cls", "iterable", "r"}, required = 2, posOnly = 1)
    @GenerateNodeFactory
    abstract static class PermutationsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable, Object r) {
            Object[] pool = Iteration.toArray(iterable).clone();
            Object given = Args.orDefault(r, null);
            if (given != null && !Numbers.isInt(given)) {
                throw PyErrors.typeError("Expected int as r");
            }
            return new ItertoolsIterators.Permutations(pool, given == null ? pool.length : length(given));
        }
    }

    @Builtin(name = "combinations", constructor = true, params = {"cls", "iterable", "r"}, posOnly = 1)
    @GenerateNodeFactory
    abstract static class CombinationsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable, Object r) {
            return new ItertoolsIterators.Combinations(Iteration.toArray(iterable).clone(), length(r), false);
        }
    }

    @Builtin(name = "combinations_with_replacement", constructor = true, params = {"cls", "iterable", "r"}, posOnly = 1)
    @GenerateNodeFactory
    abstract static class CombinationsWithReplacementNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doNew(Object cls, Object iterable, Object r) {
            return new ItertoolsIterators.Combinations(Iteration.toArray(iterable).clone(), length(r), true);
        }
    }

    @Builtin(name = "tee", params = {"iterable", "n"}, required = 1)
    @GenerateNodeFactory
    abstract static class TeeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doTee(Object iterable, Object n) {
            long count = Args.given(n) ? Args.index(n, "n") : 2;
            if (count < 0) {
                throw PyErrors.valueError("n must be >= 0");
            }
            Object[] tees = new Object[PyErrors.checkedLength(count)];
            if (tees.length == 0) {
                return PyTuple.EMPTY;
            }
            PyIterator source = Iteration.iter(iterable);
            ItertoolsIterators.Tee first = source instanceof ItertoolsIterators.Tee t ? t : new ItertoolsIterators.Tee(source, new TeeLink(null));
            tees[0] = first;
            for (int i = 1; i < tees.length; i++) {
                tees[i] = first.copy();
            }
            return new PyTuple(tees);
        }
    }
}
