package dev.aio.stdlib;

import java.util.Random;

import dev.aio.AioContext;
import dev.aio.runtime.BuiltinTypes;
import dev.aio.runtime.PyModule;
import dev.aio.runtime.PyObject;
import dev.aio.runtime.PyType;

/**
 * The {@code _random} module, CPython's C half of {@code random}: the {@link MersenneTwister} type.
 * The rest of {@code random} (randrange, choice, shuffle, the distributions) is {@code random.aio}.
 * A generator seeded with None draws its 624 seed words from the context's entropy source, the
 * clock's {@code newRandom()}: under {@code --virtual-time} that source is fixed, so an unseeded run
 * repeats like its timing.
 */
public final class RandomModule {
    private RandomModule() {
    }

    private static final String ENTROPY = "__aio_entropy__";

    static PyModule create(AioContext context) {
        PyModule m = new PyModule("_random");
        m.put("Random", MersenneTwister.TYPE);
        m.put(ENTROPY, new Entropy(context.clock().newRandom()));
        return m;
    }

    /** The seed words CPython would read from {@code os.urandom}, from this context's source. */
    static int[] entropy(AioContext context) {
        Random source = ((Entropy) context.importModule("_random").get(ENTROPY)).source;
        int[] key = new int[MersenneTwister.N];
        for (int i = 0; i < key.length; i++) {
            key[i] = source.nextInt();
        }
        return key;
    }

    /** Holds the context's entropy source in the module namespace (hidden name), so each context has its own. */
    private static final class Entropy extends PyObject {
        final Random source;

        Entropy(Random source) {
            this.source = source;
        }

        @Override
        public PyType getPyType() {
            return BuiltinTypes.OBJECT;
        }
    }
}
