package dev.aio.stdlib.asyncio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.sun.management.ThreadMXBean;

import dev.aio.asyncio.Future;
import dev.aio.asyncio.Task;

/**
 * What a suspended task's own objects take on the heap (issue 18's memory per task: a program of
 * 100,000 tasks waiting on an event holds each of these once per task). Measured as the bytes the
 * thread allocates for many instances kept alive, so the figure is each object's size as the JVM
 * lays it out (compressed references, 8-byte alignment), whatever the fields' order.
 */
class SuspendedTaskFootprintTest {
    private static final int COUNT = 10_000;

    @Test
    void aTaskTakesEightyBytes() {
        // A task of a derived class before its Task.__init__: the Task object alone, nothing around it.
        assertAtMost(80, () -> new Task(Task.TYPE));
    }

    @Test
    void aFutureTakesFortyBytes() {
        assertAtMost(40, () -> new Future(null));
    }

    @Test
    void theCoroutineOfEventWaitTakesTwentyFourBytes() {
        Event event = new Event();
        assertAtMost(24, event::waitCoroutine);
    }

    private static void assertAtMost(long bytes, Supplier<Object> make) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        // The least of a few rounds: a round may also count what the JVM allocates on the side
        // (class initialization, the counter's own first reading).
        long each = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            Object[] kept = new Object[COUNT];
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < COUNT; i++) {
                kept[i] = make.get();
            }
            each = Math.min(each, (threads.getCurrentThreadAllocatedBytes() - before) / COUNT);
        }
        assertTrue(each <= bytes, "each instance took " + each + " bytes, more than " + bytes);
    }
}
