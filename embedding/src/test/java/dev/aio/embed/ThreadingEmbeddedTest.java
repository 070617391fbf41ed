package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/** {@code threading} in an embedder's context: threads need its permission, and the context's close waits for non-daemon ones. */
class ThreadingEmbeddedTest {
    @Test
    void startingAThreadNeedsAllowCreateThread() {
        try (Context context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            String message = context.eval("aio", """
                            import threading
                            try:
                                threading.Thread(target=print).start()
                                message = 'started'
                            except RuntimeError as e:
                                message = str(e)
                            message
                            """).asString();
            assertEquals("this aio context may not create threads (threading needs Context.Builder.allowCreateThread(true))", message);
        }
    }

    @Test
    void threadsRunUnderTheInterpreterLockAndJoin() {
        try (Context context = Context.newBuilder("aio").allowCreateThread(true).option("engine.WarnInterpreterOnly", "false").build()) {
            long total = context.eval("aio", """
                            import threading
                            counts = [0]
                            lock = threading.Lock()
                            def add():
                                for _ in range(1000):
                                    with lock:
                                        counts[0] += 1
                            threads = [threading.Thread(target=add) for _ in range(4)]
                            for t in threads:
                                t.start()
                            for t in threads:
                                t.join()
                            counts[0]
                            """).asLong();
            assertEquals(4000, total);
        }
    }

    @Test
    void closingTheContextStopsADaemonThreadThatNeverEnds() {
        try (Context context = Context.newBuilder("aio").allowCreateThread(true).option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("aio", """
                            import threading
                            def spin():
                                while True:
                                    pass
                            threading.Thread(target=spin, daemon=True).start()
                            """);
        }
    }
}
