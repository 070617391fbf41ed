package dev.aio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop waits on its selector (CPython's {@code BaseSelectorEventLoop._run_once}): channels,
 * timers and other threads all end the same wait, which burns no CPU, and the virtual clock moves
 * time on only when no channel is ready or awaited from outside.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectorWaitTest {
    private final InterpreterLock lock = InterpreterLock.withoutSafepoints();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Pipe> pipes = new ArrayList<>();

    private final LoopHost host = new LoopHost() {
        @Override
        public InterpreterLock interpreterLock() {
            return lock;
        }

        @Override
        public void beforeTimeMovesTo(double deadline) {
        }

        @Override
        public void deadlocked() {
            throw new IllegalStateException("deadlock");
        }

        @Override
        public void callbackFailed(Handle handle, RuntimeException error) {
            throw error;
        }

        @Override
        public RuntimeException interrupted() {
            return new IllegalStateException("interrupted");
        }
    };

    @AfterEach
    void closeAll() throws IOException {
        threads.shutdownNow();
        for (Pipe p : pipes) {
            p.source().close();
            p.sink().close();
        }
    }

    private Pipe pipe() throws IOException {
        Pipe p = Pipe.open();
        p.source().configureBlocking(false);
        pipes.add(p);
        return p;
    }

    private static void write(Pipe p, String text) {
        try {
            p.sink().write(ByteBuffer.wrap(text.getBytes()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Pipe p) {
        ByteBuffer b = ByteBuffer.allocate(64);
        try {
            p.source().read(b);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new String(b.array(), 0, b.position());
    }

    /** Runs {@code loop} until stopped while holding the interpreter lock, as the loop thread does. */
    private void run(Scheduler loop) throws InterruptedException {
        lock.acquire();
        try {
            loop.runUntilStopped();
        } finally {
            lock.release();
        }
    }

    @Test
    void aLoopBlockedOnAChannelWakesWhenDataArrivesAndBurnsNoCpuMeanwhile() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Scheduler loop = new Scheduler(new RealClock(), host);
        Pipe p = pipe();
        List<String> got = new ArrayList<>();
        loop.addReader(p.source(), () -> {
            got.add(read(p));
            loop.removeReader(p.source());
            loop.stop();
        }, "reader", true, InFlight.NONE);
        threads.execute(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            write(p, "ping");
        });
        long cpuBefore = mx.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        run(loop);
        long cpu = mx.getCurrentThreadCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        assertEquals(List.of("ping"), got);
        assertTrue(wall >= 400_000_000L, "woke before the data came: " + wall + " ns");
        // A busy wait would burn the whole half second.
        assertTrue(cpu < 100_000_000L, "the loop burned " + cpu / 1_000_000 + " ms of CPU while it waited " + wall / 1_000_000 + " ms");
    }

    @Test
    void aTimerEndsTheSelectorWaitWhenNoChannelBecomesReady() throws Exception {
        Scheduler loop = new Scheduler(new RealClock(), host);
        Pipe p = pipe();
        List<String> ran = new ArrayList<>();
        loop.addReader(p.source(), () -> ran.add("reader"), "reader", true, InFlight.NONE);
        double when = loop.time() + 0.1;
        loop.callAt(when, () -> {
            ran.add("timer");
            loop.stop();
        }, "t");
        run(loop);
        assertEquals(List.of("timer"), ran);
        assertTrue(loop.time() >= when);
    }

    @Test
    void callSoonThreadsafeWakesALoopWaitingOnItsSelector() throws Exception {
        Scheduler loop = new Scheduler(new RealClock(), host);
        Pipe p = pipe();
        loop.addReader(p.source(), () -> {
        }, "reader", true, InFlight.NONE);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        threads.execute(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            loop.callSoonThreadsafe(() -> {
                ran.add("posted");
                loop.stop();
            }, "posted");
        });
        run(loop);
        assertEquals(List.of("posted"), ran);
    }

    @Test
    void aReadyChannelIsSeenInEveryIterationEvenWhenCallbacksAreReady() throws Exception {
        Scheduler loop = new Scheduler(new VirtualClock(), host);
        Pipe p = pipe();
        write(p, "x");
        List<String> ran = new ArrayList<>();
        loop.addReader(p.source(), () -> {
            ran.add("reader " + read(p));
            loop.removeReader(p.source());
        }, "reader", false, InFlight.NONE);
        // A callback that keeps the ready queue busy, as a task looping on sleep(0) does.
        Runnable[] spin = new Runnable[1];
        int[] turns = {0};
        spin[0] = () -> {
            ran.add("spin");
            if (++turns[0] < 3) {
                loop.callSoon(spin[0], "spin");
            } else {
                loop.stop();
            }
        };
        loop.callSoon(spin[0], "spin");
        run(loop);
        assertEquals(List.of("spin", "reader x", "spin", "spin"), ran);
    }

    @Test
    void virtualTimeDoesNotJumpPastAChannelThatIsReady() throws Exception {
        Scheduler loop = new Scheduler(new VirtualClock(), host);
        Pipe p = pipe();
        List<String> ran = new ArrayList<>();
        loop.callLater(10, () -> {
            ran.add("timer at " + loop.time());
            loop.stop();
        }, "timer");
        loop.callSoon(() -> write(p, "x"), "write");
        loop.addReader(p.source(), () -> {
            ran.add("reader " + read(p) + " at " + loop.time());
            loop.removeReader(p.source());
        }, "reader", false, InFlight.NONE);
        run(loop);
        assertEquals(List.of("reader x at 0.0", "timer at 10.0"), ran);
    }

    @Test
    void virtualTimeJumpsPastAChannelOfTheProgramItselfThatNobodyWritesTo() throws Exception {
        Scheduler loop = new Scheduler(new VirtualClock(), host);
        Pipe p = pipe();
        List<String> ran = new ArrayList<>();
        loop.addReader(p.source(), () -> ran.add("reader"), "reader", false, InFlight.NONE);
        loop.callLater(10, () -> {
            ran.add("timer at " + loop.time());
            loop.stop();
        }, "timer");
        run(loop);
        assertEquals(List.of("timer at 10.0"), ran);
    }

    /**
     * Under the virtual clock, a channel's reader and a timer due at 10 while a thread writes to the
     * channel 200 ms (real time) from now: what ran, in order. {@code afterRead} runs once the reader has read.
     */
    private List<String> lateWriteAgainstATimer(boolean fromOutside, InFlight inFlight, Runnable afterRead) throws Exception {
        Scheduler loop = new Scheduler(new VirtualClock(), host);
        Pipe p = pipe();
        List<String> ran = new ArrayList<>();
        loop.addReader(p.source(), () -> {
            ran.add("reader " + read(p) + " at " + loop.time());
            afterRead.run();
            loop.removeReader(p.source());
        }, "reader", fromOutside, inFlight);
        loop.callLater(10, () -> {
            ran.add("timer at " + loop.time());
            loop.stop();
        }, "timer");
        threads.execute(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            write(p, "late");
        });
        run(loop);
        return ran;
    }

    @Test
    void virtualTimeStandsStillWhileAChannelWaitsForTheOutside() throws Exception {
        assertEquals(List.of("reader late at 0.0", "timer at 10.0"), lateWriteAgainstATimer(true, InFlight.NONE, () -> {
        }));
    }

    @Test
    void virtualTimeStandsStillWhileWhatTheProgramSentAChannelOfItsOwnIsOnItsWay() throws Exception {
        // The program has sent the channel something that the kernel hands on late (loopback under load).
        boolean[] unread = {true};
        assertEquals(List.of("reader late at 0.0", "timer at 10.0"), lateWriteAgainstATimer(false, () -> unread[0], () -> unread[0] = false));
    }

    @Test
    void aChannelClosedBeforeItsReaderIsRemovedNoLongerHoldsVirtualTime() throws Exception {
        Scheduler loop = new Scheduler(new VirtualClock(), host);
        Pipe p = pipe();
        List<String> ran = new ArrayList<>();
        loop.addReader(p.source(), () -> ran.add("reader"), "reader", true, InFlight.NONE);
        p.source().close();
        // As asyncio does: the socket is closed, then a done-callback removes its reader.
        assertTrue(loop.removeReader(p.source()));
        loop.callLater(10, () -> {
            ran.add("timer at " + loop.time());
            loop.stop();
        }, "timer");
        run(loop);
        assertEquals(List.of("timer at 10.0"), ran);
    }

    @Test
    void aWatchedChannelIsNoDeadlockAndRemovingItsReaderIsOnce() throws Exception {
        Scheduler loop = new Scheduler(new VirtualClock(), host);
        Pipe p = pipe();
        loop.addReader(p.source(), () -> {
        }, "reader", false, InFlight.NONE);
        assertTrue(loop.removeReader(p.source()));
        assertFalse(loop.removeReader(p.source()));
        assertFalse(loop.removeWriter(p.source()));
        loop.close();
    }
}
