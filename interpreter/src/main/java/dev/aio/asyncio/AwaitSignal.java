package dev.aio.asyncio;

/** Markers of the await protocol; never visible to aio code. */
public final class AwaitSignal {
    /** Sent into an awaitable on the first step of an {@code await}. */
    public static final AwaitSignal START = new AwaitSignal("START");
    /** Yielded up to the task by {@code sleep(0)}: run again on the next loop iteration. (The DSL's Yield needs a non-null value.) */
    public static final AwaitSignal BARE_YIELD = new AwaitSignal("BARE_YIELD");
    /** Returned by a step that suspended. */
    public static final AwaitSignal PENDING = new AwaitSignal("PENDING");

    private final String name;

    private AwaitSignal(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
