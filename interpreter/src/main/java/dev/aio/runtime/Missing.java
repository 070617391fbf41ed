package dev.aio.runtime;

/** Marks an optional parameter of a builtin that the caller did not pass. Never visible to aio code. */
public final class Missing {
    public static final Missing INSTANCE = new Missing();

    private Missing() {
    }

    @Override
    public String toString() {
        return "<missing>";
    }
}
