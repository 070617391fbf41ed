package dev.aio.runtime;

/** Object identities as Python shows them: {@code id(x)} and the {@code 0x...} in default reprs. */
public final class Ids {
    private static final long BASE = 0x7f0000000000L;

    private Ids() {
    }

    public static long id(Object o) {
        return BASE + ((long) System.identityHashCode(o) << 4);
    }

    public static String address(Object o) {
        return "0x" + Long.toHexString(id(o));
    }
}
