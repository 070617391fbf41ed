package dev.aio.bench.plain;

/** switch.py's {@code spinner}: {@code steps} times {@code await asyncio.sleep(0); count += 1}. */
final class Spinner extends Task {
    private final int steps;
    private int count;
    private boolean yielded;

    Spinner(Scheduler scheduler, int steps) {
        super(scheduler);
        this.steps = steps;
    }

    @Override
    void resume() {
        if (yielded) {
            count++;
        }
        if (count < steps) {
            yielded = true;
            scheduler.schedule(this);
        } else {
            finish();
        }
    }

    int count() {
        return count;
    }
}
