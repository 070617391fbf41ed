package dev.aio.kernel;

import java.util.function.Supplier;

/**
 * A callback scheduled on the loop ({@code loop.call_soon}); it may be cancelled before it runs.
 * Its description (what reports and {@code repr} show) is a string, or made when first asked for
 * when it shows state that changes meanwhile (a done-callback's future, as CPython's handle does).
 */
public class Handle implements ReadyCallback {
    private final Runnable callback;
    /** A String, or a Supplier of one. */
    private final Object description;
    private boolean cancelled;
    /** Where the program scheduled it, for its repr in asyncio's debug mode ({@code created at FILE:LINE}), or null. */
    private String createdAt;

    public Handle(Runnable callback, String description) {
        this.callback = callback;
        this.description = description;
    }

    public Handle(Runnable callback, Supplier<String> description) {
        this.callback = callback;
        this.description = description;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void runReady() {
        if (!cancelled) {
            callback.run();
        }
    }

    @Override
    public Handle asHandle() {
        return this;
    }

    public String createdAt() {
        return createdAt;
    }

    public void setCreatedAt(String site) {
        this.createdAt = site;
    }

    public String description() {
        return description instanceof Supplier<?> s ? (String) s.get() : (String) description;
    }
}
