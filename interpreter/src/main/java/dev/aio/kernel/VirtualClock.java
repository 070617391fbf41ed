package dev.aio.kernel;

/**
 * Virtual time: it stands still while code runs and jumps to the next timer when the loop would
 * wait, so sleeps cost nothing and runs are deterministic. The wall clock starts at the real time
 * rounded down to a whole second, so differences of virtual times are exact ({@code 3.0}).
 */
public final class VirtualClock implements Clock {
    private final double wallOrigin = Math.floor(System.currentTimeMillis() / 1000.0);
    private double now;
    private long ticks;

    @Override
    public double monotonic() {
        return now;
    }

    @Override
    public double wallTime() {
        return wallOrigin + now;
    }

    @Override
    public void waitUntil(double deadline, long deadlineTicks) {
        if (deadline > now && !Double.isInfinite(deadline)) {
            now = deadline;
            ticks = deadlineTicks;
        } else if (deadline == now && deadlineTicks > ticks) {
            ticks = deadlineTicks;
        }
    }

    @Override
    public long ticks() {
        return ticks;
    }

    @Override
    public void beginIteration() {
        ticks++;
    }

    @Override
    public void blockingSleep(double seconds) {
        if (seconds > 0) {
            now += seconds;
            ticks = 0;
        }
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
