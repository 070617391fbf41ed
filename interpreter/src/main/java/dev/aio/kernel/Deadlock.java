package dev.aio.kernel;

/** The report printed when no task can ever run again: what each blocked task is waiting for. */
final class Deadlock {
    private Deadlock() {
    }

    static String describe(EventLoop loop) {
        StringBuilder sb = new StringBuilder("aio: deadlock: no task can make progress (nothing is ready, no timer is pending)");
        for (Task t : loop.pendingTasks()) {
            sb.append("\n  task ").append(t.getName()).append(" is waiting");
            Future waiter = t.getFutureWaiter();
            if (waiter != null) {
                sb.append(" for ").append(waiter.repr());
            }
            sb.append(" in ").append(t.getCoroutine().describeForTask());
        }
        return sb.toString();
    }
}
