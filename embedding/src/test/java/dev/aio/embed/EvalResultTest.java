package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** Issue 19, item 19: an eval answers the value of its last expression statement, as GraalPy's and GraalJS's do. */
class EvalResultTest {
    @Test
    void polyglotEvalReturnsTheLastExpressionStatementsValue() {
        try (Context context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals(3, context.eval("aio", "1 + 2").asInt());
            assertEquals(42, context.eval("aio", "x = 6 * 7\nx").asInt());
            assertEquals("done", context.eval("aio", "import asyncio\nasync def f():\n    return 'done'\nasyncio.run(f())").asString());
            // A module that ends in any other statement answers None.
            assertTrue(context.eval("aio", "y = 1").isNull());
            assertTrue(context.eval("aio", "5\ny = 2").isNull());
            assertTrue(context.eval("aio", "if True:\n    7\n").isNull());
        }
    }

    @Test
    void aioEvalReturnsTheLastExpressionStatementsValue() {
        try (Aio aio = Aio.builder().option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals(List.of(1L, 2L), aio.eval("[1, 2]").as(List.class));
            Value text = aio.eval("s = 'ab'\ns * 2");
            assertEquals("abab", text.asString());
        }
    }
}
