package dev.aio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kernel alone, with no aio context: a {@link Scheduler} on both clocks and a test host. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SchedulerTest {
    /** What the scheduler asked of its host, in order. */
    private final List<String> hostCalls = Collections.synchronizedList(new ArrayList<>());
    private final InterpreterLock lock = InterpreterLock.withoutSafepoints();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** Thrown by the test host where aio would end the run. */
    static final class RunEnded extends RuntimeException {
        RunEnded(String why) {
            super(why);
        }
    }

    private final LoopHost host = new LoopHost() {
        @Override
        public InterpreterLock interpreterLock() {
            return lock;
        }

        @Override
        public void beforeTimeMovesTo(double deadline) {
            if (deadline > 100) {
                throw new RunEnded("time limit");
            }
        }

        @Override
        public void deadlocked() {
            throw new RunEnded("deadlock");
        }

        @Override
        public void callbackFailed(Handle handle, RuntimeException error) {
            hostCalls.add("failed " + handle.description() + ": " + error.getMessage());
        }

        @Override
        public RuntimeException interrupted() {
            return new RunEnded("interrupted");
        }
    };

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private Scheduler virtualLoop() {
        return new Scheduler(new VirtualClock(), host);
    }

    @Test
    void readyCallbacksRunInOrderAndOnesTheyScheduleRunInTheNextIteration() {
        Scheduler loop = virtualLoop();
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> {
            ran.add("a");
            loop.callSoon(() -> {
                ran.add("c");
                loop.stop();
            }, "c");
        }, "a");
        loop.callSoon(() -> ran.add("b"), "b");
        loop.runOnce();
        assertEquals(List.of("a", "b"), ran);
        loop.runUntilStopped();
        assertEquals(List.of("a", "b", "c"), ran);
    }

    @Test
    void aCancelledHandleDoesNotRun() {
        Scheduler loop = virtualLoop();
        List<String> ran = new ArrayList<>();
        Handle h = loop.callSoon(() -> ran.add("cancelled"), "x");
        loop.callLater(1, () -> ran.add("timer"), "t").cancel();
        h.cancel();
        loop.callSoon(loop::stop, "stop");
        loop.runUntilStopped();
        assertEquals(List.of(), ran);
    }

    @Test
    void virtualTimeJumpsExactlyToEachTimerInDeadlineOrder() {
        Scheduler loop = virtualLoop();
        List<String> ran = new ArrayList<>();
        loop.callLater(3.0, () -> ran.add("3.0 at " + loop.time()), "3");
        loop.callLater(0.1, () -> ran.add("0.1 at " + loop.time()), "0.1");
        loop.callLater(1.5, () -> {
            ran.add("1.5 at " + loop.time());
            loop.callLater(1.5, () -> ran.add("second 3.0 at " + loop.time()), "3b");
        }, "1.5");
        loop.callLater(5, loop::stop, "stop");
        loop.runUntilStopped();
        assertEquals(List.of("0.1 at 0.1", "1.5 at 1.5", "3.0 at 3.0", "second 3.0 at 3.0"), ran);
        assertEquals(5.0, loop.time());
    }

    @Test
    void timersForTheSameInstantSetInALaterIterationFireLater() {
        // CPython's real time per iteration makes sleep(1) started later expire later: ticks say so.
        Scheduler loop = virtualLoop();
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> loop.callSoon(() -> loop.callAt(1.0, () -> ran.add("set second"), "b"), "later"), "first");
        loop.callSoon(() -> loop.callAt(1.0, () -> ran.add("set first"), "a"), "now");
        loop.callLater(2, loop::stop, "stop");
        loop.runUntilStopped();
        assertEquals(List.of("set first", "set second"), ran);
    }

    @Test
    void nothingToDoAndNothingToComeIsADeadlock() {
        Scheduler loop = virtualLoop();
        loop.callSoon(() -> {
        }, "only");
        RunEnded e = assertThrows(RunEnded.class, loop::runUntilStopped);
        assertEquals("deadlock", e.getMessage());
    }

    @Test
    void theHostDecidesAboutTimeMovingOn() {
        Scheduler loop = virtualLoop();
        loop.callLater(500, () -> {
        }, "far");
        RunEnded e = assertThrows(RunEnded.class, loop::runUntilStopped);
        assertEquals("time limit", e.getMessage());
    }

    @Test
    void aFailingCallbackGoesToTheHostAndTheLoopGoesOn() {
        Scheduler loop = virtualLoop();
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> {
            throw new IllegalStateException("boom");
        }, "bad()");
        loop.callSoon(() -> ran.add("next"), "next");
        loop.callSoon(loop::stop, "stop");
        loop.runUntilStopped();
        assertEquals(List.of("failed bad(): boom"), hostCalls);
        assertEquals(List.of("next"), ran);
    }

    @Test
    void anotherThreadWakesARealClockLoopThatWaitsForIt() throws Exception {
        Scheduler loop = new Scheduler(new RealClock(), host);
        loop.addFeed();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        lock.acquire();
        try {
            threads.execute(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                loop.callSoonThreadsafe(() -> {
                    ran.add("posted on " + Thread.currentThread().getName());
                    loop.stop();
                }, "posted");
            });
            String loopThread = Thread.currentThread().getName();
            loop.runUntilStopped();
            assertEquals(List.of("posted on " + loopThread), ran);
        } finally {
            lock.release();
        }
    }

    @Test
    void aRealTimerFiresNoEarlierThanItsDeadline() throws Exception {
        Scheduler loop = new Scheduler(new RealClock(), host);
        double[] firedAt = new double[1];
        lock.acquire();
        try {
            double when = loop.time() + 0.05;
            loop.callAt(when, () -> {
                firedAt[0] = loop.time();
                loop.stop();
            }, "t");
            loop.runUntilStopped();
            assertTrue(firedAt[0] >= when - Scheduler.CLOCK_RESOLUTION, firedAt[0] + " < " + when);
        } finally {
            lock.release();
        }
    }

    @Test
    void underVirtualTimeWorkerCallsTakeTurnsInSubmissionOrderAndTheirSleepsTakeVirtualTime() throws Exception {
        Scheduler loop = virtualLoop();
        WorkerCalls workers = loop.workers();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        int[] done = new int[1];
        lock.acquire();
        try {
            for (String name : List.of("w1", "w2")) {
                workers.submit(() -> threads.execute(() -> {
                    lock.acquireUninterruptibly();
                    try {
                        log.add(name + " starts at " + loop.time());
                        workers.sleep(name.equals("w1") ? 2 : 1);
                        log.add(name + " wakes at " + loop.time());
                        loop.callSoonThreadsafe(() -> {
                            if (workers.finished()) {
                                loop.stop();
                            }
                            done[0]++;
                        }, "done");
                        workers.endTurn();
                    } catch (InterruptedException e) {
                        log.add(name + " interrupted");
                    } finally {
                        lock.release();
                    }
                }));
            }
            assertFalse(workers.isIdle());
            loop.runUntilStopped();
        } finally {
            lock.release();
        }
        assertEquals(List.of("w1 starts at 0.0", "w2 starts at 0.0", "w2 wakes at 1.0", "w1 wakes at 2.0"), log);
        assertEquals(2, done[0]);
        assertTrue(workers.isIdle());
    }

    @Test
    void underVirtualTimeAWorkerBlockedOnWhatTheProgramSentItHoldsTimeStillUntilItArrives() throws Exception {
        Scheduler loop = virtualLoop();
        WorkerCalls workers = loop.workers();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        // What the worker's blocking socket call waits for: bytes the loop sent, which the kernel hands on 200 ms later.
        CountDownLatch arrived = new CountDownLatch(1);
        threads.execute(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            arrived.countDown();
        });
        int[] ends = {0};
        Runnable end = () -> {
            if (++ends[0] == 2) {
                loop.stop();
            }
        };
        lock.acquire();
        try {
            loop.callLater(10, () -> {
                log.add("timer at " + loop.time());
                end.run();
            }, "timer");
            workers.submit(() -> threads.execute(() -> {
                lock.acquireUninterruptibly();
                try {
                    workers.block(arrived::await, () -> arrived.getCount() > 0);
                    log.add("worker got it at " + loop.time());
                    loop.callSoonThreadsafe(() -> {
                        workers.finished();
                        end.run();
                    }, "done");
                    workers.endTurn();
                } catch (InterruptedException e) {
                    log.add("worker interrupted");
                } finally {
                    lock.release();
                }
            }));
            loop.runUntilStopped();
        } finally {
            lock.release();
        }
        assertEquals(List.of("worker got it at 0.0", "timer at 10.0"), log);
    }

    @Test
    void theClocksDisagreeOnlyWhereTheirRulesSay() {
        TimerHandle t = new TimerHandle(1.0, 5, 0, () -> {
        }, "t");
        VirtualClock virtual = new VirtualClock();
        assertFalse(virtual.isDue(t, 1.0), "a timer set at a later tick of the same instant waits");
        assertTrue(virtual.isDue(t, 1.5));
        assertTrue(new RealClock().isDue(t, 1.0));
        assertEquals("virtual", virtual.kind());
        assertSame(0L, new RealClock().ticks());
        assertEquals(new VirtualClock().newRandom().nextLong(), new VirtualClock().newRandom().nextLong());
    }
}
