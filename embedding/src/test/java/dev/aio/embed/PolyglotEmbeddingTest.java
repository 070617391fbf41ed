package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 7, bullet 1: aio through the standard polyglot API, values both ways. */
class PolyglotEmbeddingTest {
    private Context context;

    @BeforeEach
    void open() {
        context = Context.newBuilder("aio").allowHostAccess(HostAccess.ALL).option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void evalReturnsNothingButBindingsHoldTheGlobals() {
        context.eval("aio", "x = 6 * 7\nnames = ['a', 'b']\nd = {'k': 1}\nnothing = None");
        Value bindings = context.getBindings("aio");
        assertEquals(42, bindings.getMember("x").asInt());
        assertEquals(List.of("a", "b"), bindings.getMember("names").as(List.class));
        assertEquals(Map.of("k", 1L), new HashMap<>(bindings.getMember("d").as(Map.class)));
        assertTrue(bindings.getMember("nothing").isNull());
        // Later scripts see the names earlier ones bound, and those the host put in.
        bindings.putMember("y", 8);
        context.eval("aio", "z = x + y");
        assertEquals(50L, bindings.getMember("z").asLong());
    }

    @Test
    void callsAioFunctionsFromJava() {
        context.eval("aio", """
                        import asyncio
                        def add(a, b=10):
                            return a + b
                        async def slow_double(n):
                            await asyncio.sleep(0.01)
                            return 2 * n
                        """);
        Value bindings = context.getBindings("aio");
        assertEquals(5, bindings.getMember("add").execute(2, 3).asInt());
        assertEquals(12, bindings.getMember("add").execute(2).asInt());
        Value coroutine = bindings.getMember("slow_double").execute(21);
        Value run = bindings.getMember("asyncio").getMember("run");
        assertEquals(42, run.execute(coroutine).asInt());
    }

    @Test
    void aioErrorsReachJavaAsPolyglotExceptions() {
        context.eval("aio", "def fail():\n    raise ValueError('bad input')\n");
        PolyglotException e = assertThrows(PolyglotException.class, () -> context.getBindings("aio").getMember("fail").execute());
        assertTrue(e.isGuestException());
        assertEquals("ValueError: bad input", e.getMessage());
        // An exception object handed to Java can be thrown from there.
        context.eval("aio", "saved = KeyError('missing')");
        Value saved = context.getBindings("aio").getMember("saved");
        assertTrue(saved.isException());
        PolyglotException thrown = assertThrows(PolyglotException.class, saved::throwException);
        assertEquals("KeyError: 'missing'", thrown.getMessage());
    }

    @Test
    void aioValuesAsJavaValues() {
        Value v = context.getBindings("aio");
        context.eval("aio", "items = [1, 'two', 3.5, None, True]\nclass P:\n    def __init__(self):\n        self.name = 'p'\n    def greet(self, who):\n        return 'hi ' + who\np = P()");
        Value items = v.getMember("items");
        assertEquals(5, items.getArraySize());
        assertEquals("two", items.getArrayElement(1).asString());
        assertEquals(3.5, items.getArrayElement(2).asDouble());
        assertTrue(items.getArrayElement(3).isNull());
        items.setArrayElement(0, 100);
        context.eval("aio", "assert items[0] == 100, items");
        Value p = v.getMember("p");
        assertEquals("p", p.getMember("name").asString());
        assertEquals("hi you", p.invokeMember("greet", "you").asString());
        p.putMember("name", "q");
        context.eval("aio", "assert p.name == 'q', p.name");
        assertEquals("[100, 'two', 3.5, None, True]", items.toString());
        assertEquals("P", p.getMetaObject().getMetaSimpleName());
    }

    public static final class Inventory {
        public final String warehouse = "north";
        public final List<String> skus = new ArrayList<>(List.of("apple", "pear"));
        public final Map<String, Integer> stock = new HashMap<>(Map.of("apple", 3, "pear", 0));

        public int count(String sku) {
            return stock.getOrDefault(sku, 0);
        }

        public void restock(String sku, int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("cannot restock " + n);
            }
            stock.merge(sku, n, Integer::sum);
        }
    }

    @Test
    void javaObjectsAreUsableFromAio() {
        Inventory inventory = new Inventory();
        context.getBindings("aio").putMember("inv", inventory);
        context.eval("aio", """
                        out = []
                        out.append(inv.warehouse)
                        out.append(len(inv.skus))
                        for sku in inv.skus:
                            out.append((sku, inv.count(sku), inv.stock[sku]))
                        inv.restock('pear', 5)
                        inv.skus[1] = 'plum'
                        inv.stock['plum'] = 7
                        out.append(sorted(k for k in inv.stock))
                        try:
                            inv.restock('pear', -1)
                        except RuntimeError as e:
                            out.append(str(e))
                        try:
                            inv.missing
                        except AttributeError as e:
                            out.append('no missing')
                        out.append(repr(inv.skus))
                        out.append(inv.count('apple') + 1)
                        """);
        assertEquals(5, inventory.count("pear"));
        assertEquals("plum", inventory.skus.get(1));
        assertEquals(7, ((Number) (Object) inventory.stock.get("plum")).intValue());
        assertEquals("['north', 2, ('apple', 3, 3), ('pear', 0, 0), ['apple', 'pear', 'plum'], 'java.lang.IllegalArgumentException: cannot restock -1', 'no missing', '[apple, plum]', 4]",
                        context.getBindings("aio").getMember("out").toString());
    }
}
