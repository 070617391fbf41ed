package dev.aio.bench.plain;

import java.util.Locale;

/**
 * The plain-Java limit for ../shared/bench/switch.py: 10 tasks × N/10 bare yields through the
 * ready queue of {@link Scheduler}, no interpreter. Prints the same lines. Usage: Switch [N=1000000]
 */
public final class Switch {
    private static final int TASKS = 10;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long start = System.nanoTime();
        Scheduler scheduler = new Scheduler();
        Spinner[] spinners = new Spinner[TASKS];
        for (int i = 0; i < TASKS; i++) {
            spinners[i] = new Spinner(scheduler, n / TASKS);
            scheduler.schedule(spinners[i]);
        }
        scheduler.run();
        long switches = 0;
        for (Spinner spinner : spinners) {
            switches += spinner.count();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println("switches=" + switches);
        System.out.println(String.format(Locale.ROOT, "elapsed_s=%.3f", elapsed));
    }
}
