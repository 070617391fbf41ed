package dev.aio.stdlib;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.ast.BinaryOperator;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Attributes;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.Calls;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.Operators;
import dev.aio.runtime.PyBytesLike;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyList;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;
import dev.aio.runtime.PyValueInstance;
import dev.aio.runtime.SpecialMethods;
import dev.aio.runtime.Subscripts;

/** Methods of {@code _random.Random} ({@link MersenneTwister}), with the messages of CPython's _randommodule.c. */
public final class MersenneTwisterMethods {
    private MersenneTwisterMethods() {
    }

    /** Installs these on {@code _random.Random}. */
    static void install() {
        MersenneTwister.TYPE.defineBuiltins(MersenneTwisterMethodsFactory.getFactories());
        MersenneTwister.TYPE.setSubclassInstances(MersenneTwister::new);
    }

    @Builtin(name = "Random", constructor = true, params = {"cls", "x"}, required = 1)
    @GenerateNodeFactory
    abstract static class NewNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doNew(Object cls, Object x) {
            MersenneTwister mt = new MersenneTwister();
            seed(AioContext.get(this), mt, Args.orDefault(x, PyNone.NONE));
            return mt;
        }
    }

    @Builtin(name = "seed", params = {"self", "n"}, required = 1)
    @GenerateNodeFactory
    abstract static class SeedNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        Object doSeed(MersenneTwister self, Object n) {
            seed(AioContext.get(this), self, Args.orDefault(n, PyNone.NONE));
            return PyNone.NONE;
        }
    }

    /**
     * CPython's random_seed, plus {@code random.seed}'s version 2 for str, bytes and bytearray: None
     * draws entropy; an int seeds with its absolute value; a str with the int of its UTF-8 bytes
     * followed by their SHA-512 (bytes: of themselves); anything else with its hash read as an
     * unsigned 64-bit number.
     */
    static void seed(AioContext context, MersenneTwister mt, Object a) {
        if (a == PyNone.NONE) {
            mt.seed(RandomModule.entropy(context));
        } else if (Numbers.isInt(a)) {
            mt.seed(Numbers.big(a).abs());
        } else if (a instanceof String || a instanceof PyBytesLike) {
            byte[] text = a instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : ((PyBytesLike) a).toArray();
            byte[] digest = sha512(text);
            byte[] all = new byte[text.length + digest.length];
            System.arraycopy(text, 0, all, 0, text.length);
            System.arraycopy(digest, 0, all, text.length, digest.length);
            mt.seed(new BigInteger(1, all));
        } else {
            long hash = a instanceof Double d ? floatHash(d) : PyOps.hash(a);
            mt.seed(new BigInteger(Long.toUnsignedString(hash)));
        }
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-512", e);
        }
    }

    private static final long MODULUS = (1L << 61) - 1;

    /** CPython's hash of a float (Python/pyhash.c: the value reduced modulo 2**61 - 1), which seeds a float seed. */
    static long floatHash(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? 314159 : -314159;
        }
        int sign = v < 0 ? -1 : 1;
        double m = Math.abs(v);
        int e = m == 0 ? 0 : Math.getExponent(m) + 1;
        m = m == 0 ? 0 : m / Math.scalb(1.0, e);
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= MODULUS) {
                x -= MODULUS;
            }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & MODULUS) | x >>> (61 - e);
        x *= sign;
        return x == -1 ? -2 : x;
    }

    @Builtin(name = "random", params = {"self"})
    @GenerateNodeFactory
    abstract static class RandomNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static double doRandom(MersenneTwister self) {
            return self.random();
        }
    }

    @Builtin(name = "getrandbits", params = {"self", "k"})
    @GenerateNodeFactory
    abstract static class GetRandBitsNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGetRandBits(MersenneTwister self, Object k) {
            long bits = Args.index(k, "getrandbits");
            if (bits < 0) {
                throw PyErrors.valueError("number of bits must be non-negative");
            }
            if (bits == 0) {
                return 0L;
            }
            if (bits > Integer.MAX_VALUE) {
                throw PyErrors.overflowError("Python int too large to convert to C int");
            }
            return self.getrandbits((int) bits);
        }
    }

    /**
     * {@code Random._randbelow(n)}, n > 0: CPython's {@code _randbelow_with_getrandbits},
     * {@code getrandbits(n.bit_length())} until below n. The methods below draw through it, or
     * through {@code random()}, as random.py's do; an instance of a class that overrides either
     * (directly or through {@code Random.__init_subclass__}) has them called.
     */
    @Builtin(name = "_randbelow", params = {"self", "n"})
    @GenerateNodeFactory
    abstract static class RandBelowNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRandBelow(MersenneTwister self, Object n) {
            return below(self, n);
        }
    }

    /** A number in [0, n) from this generator, n an int above 0. */
    private static Object below(MersenneTwister self, Object n) {
        if (n instanceof Long bound) {
            return self.below(bound);
        }
        BigInteger bound = Numbers.big(n);
        int k = bound.bitLength();
        if (k == 0) {
            return 0L;
        }
        while (true) {
            Object r = self.getrandbits(k);
            if (Numbers.big(r).compareTo(bound) < 0) {
                return r;
            }
        }
    }

    /** {@code self._randbelow(n)}: straight from the generator unless the instance's class has its own. */
    private static Object randBelow(MersenneTwister self, Object n) {
        if (self.drawsOwnNumbers()) {
            return below(self, n);
        }
        return Calls.call(Attributes.get(self, "_randbelow"), n);
    }

    /** {@code self.random()}: straight from the generator unless the instance's class has its own. */
    private static Object random(MersenneTwister self) {
        if (self.drawsOwnNumbers()) {
            return self.random();
        }
        return Calls.call(Attributes.get(self, "random"));
    }

    /** random.py's {@code randrange}, with its messages. */
    @Builtin(name = "randrange", params = {"self", "start", "stop", "step"}, required = 2)
    @GenerateNodeFactory
    abstract static class RandRangeNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRandRange(MersenneTwister self, Object start, Object stop, Object step) {
            return randrange(self, start, Args.orDefault(stop, PyNone.NONE), Args.given(step) ? step : ONE);
        }
    }

    /** random.py's {@code _ONE}: the step {@code randrange} was not given (an explicit 1 is the same object there). */
    private static final Long ONE = 1L;

    private static Object randrange(MersenneTwister self, Object start, Object stop, Object step) {
        if (start instanceof Long a && stop instanceof Long b && step == ONE) {
            // The common case (randint, randrange(a, b)), with no int allocated for the width.
            long width = b - a;
            if (((b ^ a) & (b ^ width)) >= 0 && width > 0) {
                return Numbers.add(a, randBelow(self, width));
            }
        }
        Object istart = rangeArgument(start, "arg 1");
        if (stop == PyNone.NONE) {
            if (!(step instanceof Long l && l == 1)) {
                throw PyErrors.typeError("Missing a non-None stop argument");
            }
            if (Numbers.compare(istart, 0L) > 0) {
                return randBelow(self, istart);
            }
            throw PyErrors.valueError("empty range for randrange()");
        }
        Object istop = rangeArgument(stop, "stop");
        Object width = Numbers.sub(istop, istart);
        Object istep = rangeArgument(step, "step");
        int direction = Numbers.compare(istep, 0L);
        if (direction > 0 && Numbers.compare(istep, 1L) == 0) {
            if (Numbers.compare(width, 0L) > 0) {
                return Numbers.add(istart, randBelow(self, width));
            }
            throw PyErrors.valueError("empty range for randrange() (" + istart + ", " + istop + ", " + width + ")");
        }
        Object n;
        if (direction > 0) {
            n = Numbers.floorDiv(Numbers.sub(Numbers.add(width, istep), 1L), istep);
        } else if (direction < 0) {
            n = Numbers.floorDiv(Numbers.add(Numbers.add(width, istep), 1L), istep);
        } else {
            throw PyErrors.valueError("zero step for randrange()");
        }
        if (Numbers.compare(n, 0L) <= 0) {
            throw PyErrors.valueError("empty range for randrange()");
        }
        return Numbers.add(istart, Numbers.mul(istep, randBelow(self, n)));
    }

    /**
     * random.py's {@code _index(value)}, or, where that raises TypeError, {@code int(value)} when
     * it equals the value (3.11 still takes an integral float, with a DeprecationWarning).
     */
    private static Object rangeArgument(Object value, String which) {
        Object v = PyValueInstance.unwrap(value);
        if (v instanceof Long || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (SpecialMethods.lookup(value, "__index__") != null) {
            return SpecialMethods.call(value, "__index__");
        }
        Object whole = Calls.call(BuiltinTypes.INT, value);
        if (!PyOps.eq(whole, value)) {
            throw PyErrors.valueError("non-integer " + which + " for randrange()");
        }
        return whole;
    }

    /** random.py's {@code randint(a, b)}: {@code self.randrange(a, b + 1)}. */
    @Builtin(name = "randint", params = {"self", "a", "b"})
    @GenerateNodeFactory
    abstract static class RandIntNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRandInt(MersenneTwister self, Object a, Object b) {
            Object stop = b instanceof Long l && l < Long.MAX_VALUE ? (Object) (l + 1) : Operators.binary(BinaryOperator.ADD, b, 1L);
            if (self.callsOwnRandRange()) {
                return randrange(self, a, stop, ONE);
            }
            return Calls.call(Attributes.get(self, "randrange"), a, stop);
        }
    }

    /** random.py's {@code choice(seq)}. */
    @Builtin(name = "choice", params = {"self", "seq"})
    @GenerateNodeFactory
    abstract static class ChoiceNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doChoice(MersenneTwister self, Object seq) {
            long n = PyOps.len(seq);
            if (n == 0) {
                throw PyErrors.indexError("Cannot choose from an empty sequence");
            }
            Object i = randBelow(self, n);
            if (seq instanceof PyList list && list.instanceDict() == null && i instanceof Long index) {
                return list.get((int) (long) index);
            }
            return Subscripts.getItem(seq, i);
        }
    }

    /** random.py's {@code shuffle(x)}: Fisher-Yates from the end, each swap through {@code x[i], x[j] = x[j], x[i]}. */
    @Builtin(name = "shuffle", params = {"self", "x"})
    @GenerateNodeFactory
    abstract static class ShuffleNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doShuffle(MersenneTwister self, Object x) {
            long n = PyOps.len(x);
            if (x instanceof PyList list && list.instanceDict() == null && self.drawsOwnNumbers()) {
                for (int i = (int) n - 1; i > 0; i--) {
                    int j = (int) self.below(i + 1);
                    Object item = list.get(j);
                    list.set(j, list.get(i));
                    list.set(i, item);
                }
                return PyNone.NONE;
            }
            for (long i = n - 1; i > 0; i--) {
                Object j = randBelow(self, i + 1);
                Object xj = Subscripts.getItem(x, j);
                Object xi = Subscripts.getItem(x, i);
                Subscripts.setItem(x, i, xj);
                Subscripts.setItem(x, j, xi);
            }
            return PyNone.NONE;
        }
    }

    /** random.py's {@code uniform(a, b)}: {@code a + (b - a) * self.random()}. */
    @Builtin(name = "uniform", params = {"self", "a", "b"})
    @GenerateNodeFactory
    abstract static class UniformNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doUniform(MersenneTwister self, Object a, Object b) {
            Object r = random(self);
            if (a instanceof Double x && b instanceof Double y && r instanceof Double u) {
                return x + (y - x) * u;
            }
            return Operators.binary(BinaryOperator.ADD, a, Operators.binary(BinaryOperator.MULT, Operators.binary(BinaryOperator.SUB, b, a), r));
        }
    }

    @Builtin(name = "getstate", params = {"self"})
    @GenerateNodeFactory
    abstract static class GetStateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doGetState(MersenneTwister self) {
            long[] state = self.state();
            Object[] items = new Object[state.length];
            for (int i = 0; i < state.length; i++) {
                items[i] = state[i];
            }
            return new PyTuple(items);
        }
    }

    @Builtin(name = "setstate", params = {"self", "state"})
    @GenerateNodeFactory
    abstract static class SetStateNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doSetState(MersenneTwister self, Object state) {
            if (!(state instanceof PyTuple t)) {
                throw PyErrors.typeError("state vector must be a tuple");
            }
            if (t.items().length != MersenneTwister.N + 1) {
                throw PyErrors.valueError("state vector is the wrong size");
            }
            long[] words = new long[MersenneTwister.N + 1];
            for (int i = 0; i < words.length; i++) {
                Object w = t.items()[i];
                if (!Numbers.isInt(w)) {
                    throw PyErrors.typeError("'" + PyOps.typeName(w) + "' object cannot be interpreted as an integer");
                }
                BigInteger b = Numbers.big(w);
                if (b.signum() < 0) {
                    throw PyErrors.overflowError("can't convert negative int to unsigned");
                }
                words[i] = b.longValue() & 0xffffffffL;
            }
            if (Numbers.big(t.items()[MersenneTwister.N]).compareTo(BigInteger.valueOf(MersenneTwister.N)) > 0) {
                throw PyErrors.valueError("invalid state");
            }
            self.setState(words);
            return PyNone.NONE;
        }
    }
}
