package dev.aio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The timer heap hands timers out in {@link TimerHandle}'s order: deadline, then tick, then the order they were set in. */
class TimerHeapTest {
    private static TimerHandle timer(double when, long ticks, long sequence) {
        return new TimerHandle(when, ticks, sequence, () -> {
        }, "t" + sequence);
    }

    @Test
    void emptyHeapHasNoEarliest() {
        TimerHeap heap = new TimerHeap();
        assertTrue(heap.isEmpty());
        assertNull(heap.peek());
    }

    @Test
    void handsOutTimersInOrderWithTiesBrokenByTickThenSequence() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            TimerHeap heap = new TimerHeap();
            List<TimerHandle> timers = new ArrayList<>();
            int n = 1 + random.nextInt(300);
            for (int i = 0; i < n; i++) {
                // Few distinct deadlines and ticks, so that many tie.
                TimerHandle t = timer(random.nextInt(10) * 0.5, random.nextInt(3), i);
                timers.add(t);
                heap.add(t);
            }
            timers.sort(null);
            assertEquals(n, heap.size());
            for (TimerHandle expected : timers) {
                assertSame(expected, heap.peek());
                assertSame(expected, heap.poll());
            }
            assertTrue(heap.isEmpty());
        }
    }

    @Test
    void addsAfterPollsKeepTheOrder() {
        TimerHeap heap = new TimerHeap();
        long sequence = 0;
        for (int i = 0; i < 40; i++) {
            heap.add(timer(40 - i, 0, sequence++));
        }
        assertEquals(1.0, heap.poll().when());
        heap.add(timer(0.5, 0, sequence++));
        heap.add(timer(2, 0, sequence++));
        assertEquals(0.5, heap.poll().when());
        TimerHandle first2 = heap.poll();
        TimerHandle second2 = heap.poll();
        assertEquals(2.0, first2.when());
        assertTrue(first2.compareTo(second2) < 0);
        heap.clear();
        assertTrue(heap.isEmpty());
    }
}
