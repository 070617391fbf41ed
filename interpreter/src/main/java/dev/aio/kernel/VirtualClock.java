package dev.aio.kernel;

/**
 * Virtual time: it stands still while code runs and jumps to the next timer when the loop would
 * wait, so sleeps cost nothing and runs are deterministic. The wall clock starts at the real time
 * rounded down to a whole second, so differences of virtual times are exact ({@code 3.0}).
 */
public final class VirtualClock implements Clock {
    private final double wallOrigin = Math.floor(System.currentTimeMillis() / 1000.0);
    private double now;

    @Override
    public double monotonic() {
        return now;
    }

    @Override
    public double wallTime() {
        return wallOrigin + now;
    }

    @Override
    public void waitUntil(double deadline) {
        if (deadline > now && !Double.isInfinite(deadline)) {
            now = deadline;
        }
    }

    @Override
    public void blockingSleep(double seconds) {
        if (seconds > 0) {
            now += seconds;
        }
    }

    @Override
    public void wakeUp() {
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
