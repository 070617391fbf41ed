package dev.aio.stdlib;

import java.math.BigInteger;

import dev.aio.runtime.BuiltinSubclassInstance;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyDict;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/**
 * {@code _random.Random}: the MT19937 generator of CPython's Modules/_randommodule.c (Matsumoto and
 * Nishimura's algorithm), seeded, stepped and derived exactly as CPython does, so that a seeded
 * program draws CPython's numbers. 32-bit words are Java {@code int}s read as unsigned. As in
 * CPython, {@code random.Random} is a class derived from it.
 */
public final class MersenneTwister extends PyObject implements BuiltinSubclassInstance {
    static final PyType TYPE = new PyType("Random", "_random").withModuleInMessages();

    static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index = N + 1;
    /** The class derived from {@code _random.Random} in aio code the instance belongs to, with the instance's attributes; or null. */
    private final PyType subtype;
    private final PyDict attributes;
    /** What {@link MersenneTwisterMethods} last found about {@link #subtype}'s methods, valid while its version is {@link #checkedVersion}. */
    private int checkedVersion = -1;
    private boolean ownDraws;
    private boolean ownRandRange;

    MersenneTwister() {
        this(null);
    }

    /** An unseeded instance of {@code type}, a class derived from {@code _random.Random}, for its {@code __init__} to seed. */
    MersenneTwister(PyType type) {
        this.subtype = type;
        this.attributes = type == null ? null : new PyDict();
    }

    @Override
    public PyType getPyType() {
        return subtype == null ? TYPE : subtype;
    }

    @Override
    public PyDict instanceDict() {
        return attributes;
    }

    /**
     * Whether {@code _randbelow} and {@code random} of this instance's class are still this type's
     * own (CPython's {@code Random.__init_subclass__} swaps {@code _randbelow} for a class that
     * defines {@code random} or {@code getrandbits}), so that the methods built on them may draw
     * from the generator directly.
     */
    boolean drawsOwnNumbers() {
        if (subtype == null) {
            return true;
        }
        checkSubtype();
        return ownDraws;
    }

    /** Whether {@code randrange} of this instance's class is this type's own, which {@code randint} may then do itself. */
    boolean callsOwnRandRange() {
        if (subtype == null) {
            return true;
        }
        checkSubtype();
        return ownRandRange;
    }

    private void checkSubtype() {
        int version = subtype.version();
        if (version != checkedVersion) {
            ownDraws = ownsMethod("_randbelow") && ownsMethod("random");
            ownRandRange = ownsMethod("randrange");
            checkedVersion = version;
        }
    }

    private boolean ownsMethod(String name) {
        return subtype.lookup(name) == TYPE.lookup(name);
    }

    /** CPython's init_genrand: fills the state from one 32-bit word. */
    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** CPython's init_by_array: the seeding every seed goes through (an int's 32-bit chunks, least significant first). */
    void seed(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER_MASK;
    }

    /** Seeds from a non-negative int, as CPython's random_seed: its 32-bit chunks, at least one. */
    void seed(BigInteger n) {
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int w = 0; w < words; w++) {
            key[w] = n.shiftRight(32 * w).intValue();
        }
        seed(key);
    }

    /** CPython's genrand_uint32: the next 32-bit output (regenerating the state every 624 outputs). */
    int next32() {
        if (index >= N) {
            int kk = 0;
            for (; kk < N - M; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
            }
            int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) * MATRIX_A);
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code random()}: 53 bits from two outputs (27 and 26 bits), as CPython's random_random. */
    double random() {
        long a = Integer.toUnsignedLong(next32()) >>> 5;
        long b = Integer.toUnsignedLong(next32()) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code getrandbits(k)}, k > 0: whole 32-bit outputs, least significant word first, the last one cut to the bits left. */
    Object getrandbits(int k) {
        if (k <= 32) {
            return Integer.toUnsignedLong(next32()) >>> (32 - k);
        }
        int words = (k - 1) / 32 + 1;
        byte[] bigEndian = new byte[words * 4];
        int bits = k;
        for (int w = 0; w < words; w++, bits -= 32) {
            int r = next32();
            if (bits < 32) {
                r >>>= 32 - bits;
            }
            int at = bigEndian.length - 4 * (w + 1);
            bigEndian[at] = (byte) (r >>> 24);
            bigEndian[at + 1] = (byte) (r >>> 16);
            bigEndian[at + 2] = (byte) (r >>> 8);
            bigEndian[at + 3] = (byte) r;
        }
        return Numbers.normalize(new BigInteger(1, bigEndian));
    }

    /** A number in [0, n), n > 0: CPython's {@code _randbelow_with_getrandbits} for n below 2**63, with no int allocated. */
    long below(long n) {
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r;
        do {
            r = bits63(k);
        } while (r >= n);
        return r;
    }

    /** {@code getrandbits(k)} for 0 < k < 64, as {@link #getrandbits}: the low word first, the high one cut to what is left. */
    private long bits63(int k) {
        if (k <= 32) {
            return Integer.toUnsignedLong(next32()) >>> (32 - k);
        }
        long low = Integer.toUnsignedLong(next32());
        long high = Integer.toUnsignedLong(next32()) >>> (64 - k);
        return high << 32 | low;
    }

    /** The state as CPython's getstate gives it: the 624 words, then the position. */
    long[] state() {
        long[] s = new long[N + 1];
        for (int i = 0; i < N; i++) {
            s[i] = Integer.toUnsignedLong(mt[i]);
        }
        s[N] = index;
        return s;
    }

    /** Restores a state from {@link #state()} (checked by the caller). */
    void setState(long[] s) {
        for (int i = 0; i < N; i++) {
            mt[i] = (int) s[i];
        }
        index = (int) s[N];
    }
}
