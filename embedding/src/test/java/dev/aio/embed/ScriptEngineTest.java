package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

import org.junit.jupiter.api.Test;

/** Issue 19, item 30: aio through Java's scripting API (JSR 223). */
class ScriptEngineTest {
    public interface Pricing {
        long price(long qty);
    }

    private static ScriptEngine engine() {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("aio");
        assertInstanceOf(AioScriptEngine.class, engine);
        return engine;
    }

    @Test
    void evalBindingsAndOutput() throws Exception {
        ScriptEngine engine = engine();
        assertEquals("aio", engine.getFactory().getEngineName());
        assertEquals(3L, ((Number) engine.eval("1 + 2")).longValue());
        assertNull(engine.eval("x = 1"));
        engine.put("rate", 3);
        assertEquals(12L, ((Number) engine.eval("total = rate * 4\ntotal")).longValue());
        assertEquals(12L, ((Number) engine.get("total")).longValue());
        assertEquals(List.of(1L, 2L), engine.eval("[1, 2]"));
        Bindings mine = engine.createBindings();
        mine.put("n", 20);
        assertEquals(21L, ((Number) engine.eval("n + 1", mine)).longValue());
        StringWriter out = new StringWriter();
        engine.getContext().setWriter(out);
        engine.eval("print('hello', 42)");
        assertEquals("hello 42\n", out.toString());
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("1 / 0"));
        assertTrue(e.getMessage().startsWith("ZeroDivisionError: division by zero"), e.getMessage());
    }

    @Test
    void invocableAndCompilable() throws Exception {
        ScriptEngine engine = engine();
        engine.eval("""
                        import asyncio
                        def price(qty):
                            return qty * 5
                        async def slow_price(qty):
                            await asyncio.sleep(0.01)
                            return qty * 7
                        """);
        Invocable invocable = (Invocable) engine;
        assertEquals(10L, ((Number) invocable.invokeFunction("price", 2)).longValue());
        Object future = invocable.invokeFunction("slow_price", 3);
        assertInstanceOf(CompletableFuture.class, future);
        assertEquals(21L, ((Number) ((CompletableFuture<?>) future).get(10, TimeUnit.SECONDS)).longValue());
        assertEquals(15L, invocable.getInterface(Pricing.class).price(3));
        assertThrows(NoSuchMethodException.class, () -> invocable.invokeFunction("absent"));

        CompiledScript compiled = ((Compilable) engine).compile("price(qty)");
        engine.put("qty", 4);
        assertEquals(20L, ((Number) compiled.eval()).longValue());
        engine.put("qty", 6);
        assertEquals(30L, ((Number) compiled.eval()).longValue());
        assertThrows(ScriptException.class, () -> ((Compilable) engine).compile("x = = 1"));
    }

    @Test
    void theSandboxDefaultsOfTheBuilder() throws Exception {
        ScriptEngine engine = engine();
        assertEquals("PermissionError", engine.eval("""
                        try:
                            open('/etc/hostname')
                            r = 'opened'
                        except PermissionError:
                            r = 'PermissionError'
                        r
                        """));
        assertThrows(ScriptException.class, () -> engine.eval("import java\njava.type('java.io.File')"));
    }
}
