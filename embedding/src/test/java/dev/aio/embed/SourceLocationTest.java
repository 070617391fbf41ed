package dev.aio.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.junit.jupiter.api.Test;

/** Issue 19, item 24: aio errors say where they happened, to the polyglot API and to {@link Aio}'s users. */
class SourceLocationTest {
    private static final String PRICING = """
                    def price(qty):
                        if qty < 0:
                            raise ValueError('negative quantity')
                        return qty * 3

                    total = price(2) + price(-1)
                    """;

    @Test
    void runtimeErrorsHaveASourceLocationAndNamedFrames() {
        try (Context context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            Source source = Source.newBuilder("aio", PRICING, "pricing.py").buildLiteral();
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(source));
            SourceSection at = e.getSourceLocation();
            assertTrue(at != null, "no source location");
            assertEquals("pricing.py", at.getSource().getName());
            assertEquals(3, at.getStartLine());
            List<String> frames = new ArrayList<>();
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
                    frames.add(frame.getRootName() + " " + frame.getSourceLocation().getSource().getName() + ":" + frame.getSourceLocation().getStartLine());
                }
            }
            assertEquals(List.of("price pricing.py:3", "<module> pricing.py:6"), frames);
        }
    }

    @Test
    void syntaxErrorsHaveASourceLocation() {
        try (Context context = Context.newBuilder("aio").option("engine.WarnInterpreterOnly", "false").build()) {
            Source source = Source.newBuilder("aio", "x = 1\ny = (2 +\n", "broken.py").buildLiteral();
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(source));
            assertTrue(e.isSyntaxError());
            SourceSection at = e.getSourceLocation();
            assertTrue(at != null, "no source location");
            assertEquals("broken.py", at.getSource().getName());
            assertEquals(2, at.getStartLine());
        }
    }

    @Test
    void aioEvalNamesItsSourceAndReportsTheTypeOfSyntaxErrors() {
        try (Aio aio = Aio.builder().option("engine.WarnInterpreterOnly", "false").build()) {
            AioScriptException e = assertThrows(AioScriptException.class, () -> aio.eval("def f():\n    return 1 / 0\nf()", "calc.py"));
            assertEquals("ZeroDivisionError", e.aioType());
            assertTrue(e.aioTraceback().contains("File \"calc.py\", line 2, in f"), e.aioTraceback());
            AioScriptException syntax = assertThrows(AioScriptException.class, () -> aio.eval("x = = 1", "bad.py"));
            assertEquals("SyntaxError", syntax.aioType());
            assertEquals("SyntaxError: invalid syntax", syntax.getMessage());
            assertTrue(syntax.aioTraceback().contains("File \"bad.py\", line 1"), syntax.aioTraceback());
        }
    }
}
