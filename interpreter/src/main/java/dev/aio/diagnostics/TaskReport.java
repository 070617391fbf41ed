package dev.aio.diagnostics;

import java.util.ArrayList;
import java.util.List;
import dev.aio.asyncio.CoroutineLike;
import dev.aio.asyncio.EventLoop;
import dev.aio.asyncio.Future;
import dev.aio.asyncio.Task;

/**
 * What every task of a loop is doing, with its await stack: the report printed when no task can
 * ever run again, and the dump {@code aio run --dump-tasks-on SIGNAL} prints on demand.
 */
public final class TaskReport {
    private TaskReport() {
    }

    public static String deadlock(EventLoop loop) {
        StringBuilder sb = new StringBuilder("aio: deadlock: no task can ever run again (nothing is ready, no timer is pending)");
        for (Task t : loop.pendingTasks()) {
            appendTask(sb, t);
        }
        return sb.toString();
    }

    /**
     * Every task not done, the running one first; safe while a step is paused at a safepoint.
     * {@code runningAt}: where the running step stands ({@code file:line: source}), if known.
     */
    public static String dump(EventLoop loop, String runningAt) {
        StringBuilder sb = new StringBuilder("aio: tasks at loop time ").append(String.format("%.3f", loop.time())).append(" s:");
        List<Task> tasks = loop.pendingTasks();
        if (tasks.isEmpty()) {
            sb.append(" none");
        }
        Task running = loop.getCurrentTask();
        if (running != null) {
            sb.append("\n  task '").append(running.getName()).append("' (").append(running.getCoroutine().qualName()).append(") is running");
            sb.append(runningAt == null ? " (in a blocking call)" : " at " + runningAt);
        }
        for (Task t : tasks) {
            if (t != running) {
                appendTask(sb, t);
            }
        }
        return sb.toString();
    }

    private static void appendTask(StringBuilder sb, Task t) {
        List<CoroutineLike> stack = awaitStack(t.getCoroutine());
        sb.append("\n  task '").append(t.getName()).append("' (").append(t.getCoroutine().qualName()).append(") is waiting");
        Future waiter = t.getFutureWaiter();
        if (waiter != null) {
            sb.append(" for ").append(waiter.describeWait());
        }
        String at = stack.get(stack.size() - 1).suspendedAt();
        if (at != null) {
            sb.append(" at ").append(at);
        }
        if (stack.size() > 1) {
            sb.append("\n      await stack:");
            String separator = " ";
            for (CoroutineLike c : stack) {
                sb.append(separator).append(c.qualName()).append("()");
                if (c.suspendedAt() != null) {
                    sb.append(" at ").append(c.suspendedAt());
                }
                separator = " -> ";
            }
        }
    }

    /** The task's coroutine, then each coroutine it awaits in turn (outermost first, like a traceback). */
    private static List<CoroutineLike> awaitStack(CoroutineLike top) {
        List<CoroutineLike> stack = new ArrayList<>();
        for (CoroutineLike c = top; c != null; c = c.awaiting()) {
            stack.add(c);
        }
        return stack;
    }
}
