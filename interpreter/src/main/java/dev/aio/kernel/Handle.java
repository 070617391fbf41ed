package dev.aio.kernel;

/** A callback scheduled on the loop ({@code loop.call_soon}); it may be cancelled before it runs. */
public class Handle {
    private final Runnable callback;
    private final String description;
    private boolean cancelled;

    public Handle(Runnable callback, String description) {
        this.callback = callback;
        this.description = description;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void run() {
        callback.run();
    }

    public String description() {
        return description;
    }
}
