package dev.aio.launcher.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When the REPL asks for more lines ({@code ... }), as CPython's interactive console does. */
class InputCompletenessTest {
    private static boolean more(String... lines) {
        return InputCompleteness.needsMore(List.of(lines));
    }

    @Test
    void aSimpleStatementIsComplete() {
        assertFalse(more("x = 1"));
        assertFalse(more("await asyncio.sleep(1)"));
        assertFalse(more("print('if x:')"));
        assertFalse(more("# only a comment"));
        assertFalse(more("   "));
        assertFalse(more("d = {'a': 1}  # a dict: not a block"));
    }

    @Test
    void aCompoundStatementGoesOnUntilAnEmptyLine() {
        assertTrue(more("def f():"));
        assertTrue(more("def f():", "    return 1"));
        assertFalse(more("def f():", "    return 1", ""));
        assertTrue(more("if x: y"));
        assertFalse(more("if x: y", "   "));
        assertTrue(more("async def tick(): await asyncio.sleep(1)"));
        assertTrue(more("@decorator"));
        assertTrue(more("for i in range(3):  # comment"));
        assertTrue(more("x = 1", "if x:"));
    }

    @Test
    void openBracketsStringsAndContinuationsNeedMore() {
        assertTrue(more("x = (1,"));
        assertTrue(more("x = (1,", ""));
        assertFalse(more("x = (1,", "2)"));
        assertTrue(more("s = \"\"\"a"));
        assertFalse(more("s = \"\"\"a", "b\"\"\""));
        assertTrue(more("y = 1 + \\"));
        assertFalse(more("s = ')'  # (", ""));
        assertFalse(more("s = 'it\\'s ('"));
        assertFalse(more("s = 'unterminated"));
    }
}
