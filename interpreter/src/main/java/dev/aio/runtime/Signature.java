package dev.aio.runtime;

/**
 * The parameters of a callable, and the slot layout its frame arguments use: the positional
 * parameters, then the {@code *args} tuple, then keyword-only parameters, then the
 * {@code **kwargs} dict.
 */
public final class Signature {
    private final String[] positional;
    private final int posOnlyCount;
    private final String varargs;
    private final String[] kwOnly;
    private final String kwargs;

    public Signature(String[] positional, int posOnlyCount, String varargs, String[] kwOnly, String kwargs) {
        this.positional = positional;
        this.posOnlyCount = posOnlyCount;
        this.varargs = varargs;
        this.kwOnly = kwOnly;
        this.kwargs = kwargs;
    }

    public static Signature ofPositional(String... names) {
        return new Signature(names, 0, null, new String[0], null);
    }

    public String[] positional() {
        return positional;
    }

    public int posOnlyCount() {
        return posOnlyCount;
    }

    public boolean hasVarargs() {
        return varargs != null;
    }

    public String varargsName() {
        return varargs;
    }

    public String[] kwOnly() {
        return kwOnly;
    }

    public boolean hasKwargs() {
        return kwargs != null;
    }

    public String kwargsName() {
        return kwargs;
    }

    public int varargsSlot() {
        return positional.length;
    }

    public int kwOnlySlot(int i) {
        return positional.length + (varargs != null ? 1 : 0) + i;
    }

    public int kwargsSlot() {
        return positional.length + (varargs != null ? 1 : 0) + kwOnly.length;
    }

    public int slotCount() {
        return kwargsSlot() + (kwargs != null ? 1 : 0);
    }

    /**
     * True when a call with {@code n} positional arguments and no keywords fills the first {@code n}
     * slots, and what it leaves out is known without binding: the positional parameters after them
     * and the keyword-only ones (no {@code *args}, no {@code **kwargs}).
     */
    public boolean isPositionalPrefix(int n) {
        return varargs == null && kwargs == null && n <= positional.length;
    }

    /** True when a call with exactly {@code n} positional arguments and no keywords fills every slot as is. */
    public boolean isSimple(int n) {
        return varargs == null && kwargs == null && kwOnly.length == 0 && positional.length == n;
    }
}
