package dev.aio.stdlib;

import java.util.Random;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Iteration;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * The {@code random} module. Seedable, but its sequence is not CPython's (Mersenne Twister). Under
 * {@code --virtual-time} the default seed is fixed, so a run is repeatable like its timing.
 */
public final class RandomModule {
    private RandomModule() {
    }

    private static final String STATE = "__aio_random_state__";

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("random");
        m.defineFunctions(context.getLanguage(), RandomModuleFactory.getFactories());
        return m;
    }

    private static Random random(AioContext context) {
        PyModule m = context.importModule("random");
        Object state = m.get(STATE);
        if (state instanceof RandomState s) {
            return s.random;
        }
        Random r = context.clock().newRandom();
        m.put(STATE, new RandomState(r));
        return r;
    }

    /** Holds the generator in the module namespace (hidden name), so each context has its own. */
    private static final class RandomState extends dev.aio.runtime.PyObject {
        final Random random;

        RandomState(Random random) {
            this.random = random;
        }

        @Override
        public dev.aio.runtime.PyType getPyType() {
            return dev.aio.runtime.BuiltinTypes.OBJECT;
        }
    }

    @Builtin(name = "seed", params = {"a"}, required = 0)
    @GenerateNodeFactory
    abstract static class SeedNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSeed(Object a) {
            AioContext context = AioContext.get(this);
            Random r = random(context);
            if (!Args.given(a) || a == PyNone.NONE) {
                r.setSeed(System.nanoTime());
            } else {
                r.setSeed(a instanceof Long l ? l : PyOps.hash(a));
            }
            return PyNone.NONE;
        }
    }

    @Builtin(name = "random")
    @GenerateNodeFactory
    abstract static class RandomNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        double doRandom() {
            return random(AioContext.get(this)).nextDouble();
        }
    }

    @Builtin(name = "uniform", params = {"a", "b"})
    @GenerateNodeFactory
    abstract static class UniformNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        double doUniform(Object a, Object b) {
            double x = MathModule.real(a);
            double y = MathModule.real(b);
            return x + (y - x) * random(AioContext.get(this)).nextDouble();
        }
    }

    @Builtin(name = "randint", params = {"a", "b"})
    @GenerateNodeFactory
    abstract static class RandIntNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        long doRandInt(Object a, Object b) {
            long lo = Args.index(a, "randint");
            long hi = Args.index(b, "randint");
            if (hi < lo) {
                throw PyErrors.valueError("empty range for randrange() (" + lo + ", " + (hi + 1) + ", " + (hi + 1 - lo) + ")");
            }
            return lo + (long) (random(AioContext.get(this)).nextDouble() * (hi - lo + 1));
        }
    }

    @Builtin(name = "randrange", params = {"start", "stop", "step"}, required = 1)
    @GenerateNodeFactory
    abstract static class RandRangeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        long doRandRange(Object start, Object stop, Object step) {
            long lo = Args.given(stop) ? Args.index(start, "randrange") : 0;
            long hi = Args.given(stop) ? Args.index(stop, "randrange") : Args.index(start, "randrange");
            long st = Args.given(step) ? Args.index(step, "randrange") : 1;
            if (st == 0) {
                throw PyErrors.valueError("zero step for randrange()");
            }
            long n = st > 0 ? (hi - lo + st - 1) / st : (lo - hi - st - 1) / -st;
            if (n <= 0) {
                throw PyErrors.valueError("empty range for randrange()" + (st == 1 && Args.given(stop) ? " (" + lo + ", " + hi + ", " + (hi - lo) + ")" : ""));
            }
            return lo + st * (long) (random(AioContext.get(this)).nextDouble() * n);
        }
    }

    @Builtin(name = "choice", params = {"seq"})
    @GenerateNodeFactory
    abstract static class ChoiceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doChoice(Object seq) {
            Object[] items = Iteration.toArray(seq);
            if (items.length == 0) {
                throw PyErrors.raise(dev.aio.runtime.BuiltinTypes.INDEX_ERROR, "Cannot choose from an empty sequence");
            }
            return items[random(AioContext.get(this)).nextInt(items.length)];
        }
    }

    @Builtin(name = "shuffle", params = {"x"})
    @GenerateNodeFactory
    abstract static class ShuffleNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doShuffle(PyList x) {
            java.util.Collections.shuffle(x.items(), random(AioContext.get(this)));
            return PyNone.NONE;
        }

        @Fallback
        static Object doOther(Object x) {
            throw PyErrors.typeError("'" + dev.aio.runtime.PyOps.typeName(x) + "' object does not support item assignment");
        }
    }

    @Builtin(name = "sample", params = {"population", "k"})
    @GenerateNodeFactory
    abstract static class SampleNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSample(Object population, Object k) {
            PyList pool = new PyList(Iteration.toArray(population).clone());
            long n = Args.index(k, "sample");
            if (n < 0 || n > pool.size()) {
                throw PyErrors.valueError("Sample larger than population or is negative");
            }
            java.util.Collections.shuffle(pool.items(), random(AioContext.get(this)));
            return new PyList(pool.items().subList(0, (int) n));
        }
    }
}
