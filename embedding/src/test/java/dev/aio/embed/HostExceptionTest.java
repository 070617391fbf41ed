package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** Issue 19, item 23: a Java exception raised into aio keeps its Java type, and escapes back to Java as itself. */
class HostExceptionTest {
    public static final class Stock {
        static final IllegalStateException SOLD_OUT = new IllegalStateException("sold out");

        @HostAccess.Export
        public int take(int n) {
            if (n > 3) {
                throw SOLD_OUT;
            }
            return n;
        }
    }

    private static Context context() {
        return Context.newBuilder("aio").allowHostAccess(HostAccess.ALL).allowHostClassLookup(name -> name.startsWith("java.lang."))
                        .option("engine.WarnInterpreterOnly", "false").build();
    }

    @Test
    void aJavaExceptionIsCaughtByItsJavaType() {
        try (Context context = context()) {
            Value bindings = context.getBindings("aio");
            bindings.putMember("stock", new Stock());
            bindings.putMember("IllegalStateException", IllegalStateException.class);
            Value result = context.eval("aio", """
                            import java
                            caught = []
                            try:
                                stock.take(5)
                            except java.type('java.lang.IllegalArgumentException'):
                                caught.append('wrong')
                            except IllegalStateException as e:
                                caught.append(type(e).__name__ + ' ' + str(e) + ' ' + e.getMessage() + ' ' + str(len(e.getStackTrace()) > 0))
                            try:
                                stock.take(9)
                            except java.type('java.lang.RuntimeException'):
                                caught.append('RuntimeException')
                            try:
                                stock.take(9)
                            except RuntimeError:
                                caught.append('RuntimeError')
                            caught
                            """);
            assertEquals("['RuntimeError java.lang.IllegalStateException: sold out sold out True', 'RuntimeException', 'RuntimeError']", result.toString());
        }
    }

    @Test
    void anUncaughtJavaExceptionEscapesAsItself() {
        try (Context context = context()) {
            context.getBindings("aio").putMember("stock", new Stock());
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval("aio", "def buy():\n    stock.take(4)\nbuy()\n"));
            assertTrue(e.isHostException());
            assertSame(Stock.SOLD_OUT, e.asHostException());
            context.eval("aio", "def buy_later():\n    return stock.take(7)\n");
            PolyglotException viaCall = assertThrows(PolyglotException.class, () -> context.getBindings("aio").getMember("buy_later").execute());
            assertSame(Stock.SOLD_OUT, viaCall.asHostException());
        }
    }

    @Test
    void aFailedJavaFutureIsCaughtByItsJavaTypeAndRunAsyncGivesItBack() throws Exception {
        try (Aio aio = Aio.builder().allowHostAccess(HostAccess.ALL).option("engine.WarnInterpreterOnly", "false").build()) {
            aio.register("reserve", args -> CompletableFuture.failedFuture(new UnsupportedOperationException("no reservations")));
            aio.register("take", args -> new Stock().take(args[0].asInt()));
            aio.bindings().putMember("Unsupported", UnsupportedOperationException.class);
            aio.eval("""
                            async def try_reserve():
                                try:
                                    await reserve()
                                except Unsupported as e:
                                    return 'caught ' + e.getMessage()
                            async def take_many():
                                return take(8)
                            """);
            aio.startLoop(r -> new Thread(r, "aio loop").start());
            assertEquals("caught no reservations", aio.runAsync("try_reserve").get(5, TimeUnit.SECONDS).asString());
            CompletionException failed = assertThrows(CompletionException.class, () -> aio.runAsync("take_many").join());
            assertSame(Stock.SOLD_OUT, failed.getCause());
        }
    }
}
