package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 7, bullet 4: several contexts on one engine, from several threads, one context per thread at a time. */
@Timeout(60)
class SharedEngineTest {
    private static final Source SCRIPT = Source.create("aio", """
                    import asyncio
                    import sys
                    counter = 0
                    async def bump(n):
                        global counter
                        for i in range(n):
                            counter += 1
                            await asyncio.sleep(0.001)
                    async def main():
                        await asyncio.gather(*[bump(100) for _ in range(10)])
                    asyncio.run(main())
                    seen_before = sys.getrecursionlimit()
                    sys.setrecursionlimit(seen_before + ident)
                    result = [counter, seen_before, sys.getrecursionlimit()]
                    """);

    @Test
    void contextsOnOneEngineRunOnSeveralThreadsWithTheirOwnState() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (Engine engine = Engine.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int ident = i;
                results.add(threads.submit(() -> {
                    try (Aio aio = Aio.builder().engine(engine).clock(ident % 2 == 0 ? AioClock.VIRTUAL : AioClock.REAL).build()) {
                        aio.bindings().putMember("ident", ident);
                        aio.context().eval(SCRIPT);
                        return aio.bindings().getMember("result").toString();
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals("[1000, 1000, " + (1000 + i) + "]", results.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
