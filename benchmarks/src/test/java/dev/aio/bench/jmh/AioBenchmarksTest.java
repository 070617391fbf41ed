package dev.aio.bench.jmh;

import org.junit.jupiter.api.Test;

/** Each benchmark's aio program runs once and its own result check passes (no JMH, no timing). */
class AioBenchmarksTest {
    private static void once(AioBenchmark benchmark, Runnable invocation) {
        benchmark.openContext();
        try {
            invocation.run();
        } finally {
            benchmark.closeContext();
        }
    }

    @Test
    void taskStep() {
        TaskStepBenchmark b = new TaskStepBenchmark();
        once(b, b::sleepZero);
    }

    @Test
    void timerCallLater() {
        TimerCallLaterBenchmark b = new TimerCallLaterBenchmark();
        once(b, b::callLater);
    }

    @Test
    void timerSleep() {
        TimerSleepBenchmark b = new TimerSleepBenchmark();
        once(b, b::sleepDistinctDelays);
    }

    @Test
    void queue() {
        QueueBenchmark b = new QueueBenchmark();
        once(b, b::putGet);
    }

    @Test
    void lock() {
        LockBenchmark b = new LockBenchmark();
        once(b, b::acquireRelease);
    }

    @Test
    void futureCallback() {
        FutureCallbackBenchmark b = new FutureCallbackBenchmark();
        once(b, b::addDoneCallbackSetResult);
    }

    @Test
    void compiledCode() {
        CompiledCodeBenchmark b = new CompiledCodeBenchmark();
        b.openContext();
        try {
            b.fibCall();
            b.listLoopElement();
            b.attributeWrite();
            b.attributeRead();
            b.methodCall();
            b.awaitNoSuspend();
            b.enumerateZip();
            b.mapFilter();
            b.reversedTuple();
        } finally {
            b.closeContext();
        }
    }
}
