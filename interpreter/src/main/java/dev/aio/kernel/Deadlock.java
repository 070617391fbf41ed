package dev.aio.kernel;

/** The report printed when no task can ever run again: what each blocked task is waiting for. */
final class Deadlock {
    private Deadlock() {
    }

    static String describe(EventLoop loop) {
        StringBuilder sb = new StringBuilder("aio: deadlock: no task can ever run again (nothing is ready, no timer is pending)");
        for (Task t : loop.pendingTasks()) {
            CoroutineLike coro = t.getCoroutine();
            sb.append("\n  task '").append(t.getName()).append("' (").append(coro.qualName()).append(") is waiting");
            Future waiter = t.getFutureWaiter();
            if (waiter != null) {
                sb.append(" for ").append(waiter.describeWait());
            }
            String at = coro.suspendedAt();
            if (at != null) {
                sb.append(" at ").append(at);
            }
        }
        return sb.toString();
    }
}
