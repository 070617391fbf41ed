package dev.aio.stdlib;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.Specialization;

import dev.aio.AioContext;
import dev.aio.nodes.builtins.Builtin;
import dev.aio.nodes.builtins.BuiltinNode;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyErrors;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.PyTuple;

/** Methods of {@code _random.Random} ({@link MersenneTwister}), with the messages of CPython's _randommodule.c. */
public final class MersenneTwisterMethods {
    private MersenneTwisterMethods() {
    }

    /** Installs these on {@code _random.Random}. */
    static void install() {
        MersenneTwister.TYPE.defineBuiltins(MersenneTwisterMethodsFactory.getFactories());
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
     * CPython's random_seed, plus {@code random.seed}'s version 2 for str: None draws entropy; an
     * int seeds with its absolute value; a str with the int of its UTF-8 bytes followed by their
     * SHA-512; anything else with its hash read as an unsigned 64-bit number.
     */
    static void seed(AioContext context, MersenneTwister mt, Object a) {
        if (a == PyNone.NONE) {
            mt.seed(RandomModule.entropy(context));
        } else if (Numbers.isInt(a)) {
            mt.seed(Numbers.big(a).abs());
        } else if (a instanceof String s) {
            byte[] text = s.getBytes(StandardCharsets.UTF_8);
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

    /** CPython's {@code _randbelow_with_getrandbits}: {@code getrandbits(n.bit_length())} until below n (n > 0). */
    @Builtin(name = "randbelow", params = {"self", "n"})
    @GenerateNodeFactory
    abstract static class RandBelowNode extends BuiltinNode {
        @Specialization
        @TruffleBoundary
        static Object doRandBelow(MersenneTwister self, Object n) {
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
