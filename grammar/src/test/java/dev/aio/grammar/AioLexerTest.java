package dev.aio.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The logical-line and indentation tokens made by {@link AioLexerBase}. */
class AioLexerTest {
    private static List<String> tokens(String source) {
        AioLexer lexer = new AioLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(switch (t.getType()) {
                case AioLexer.NEWLINE -> "NL";
                case AioLexer.INDENT -> "INDENT";
                case AioLexer.DEDENT -> "DEDENT";
                default -> t.getText();
            });
        }
        return out;
    }

    @Test
    void blocksBecomeIndentAndDedent() {
        assertEquals(List.of("if", "x", ":", "NL", "INDENT", "y", "NL", "DEDENT", "z", "NL"), tokens("if x:\n    y\nz\n"));
    }

    @Test
    void blankAndCommentLinesDoNotCount() {
        assertEquals(List.of("a", "NL", "INDENT", "b", "NL", "c", "NL", "DEDENT"), tokens("a\n\n    # comment\n    b\n\n  # dedented comment\n    c\n"));
    }

    @Test
    void bracketsJoinLines() {
        assertEquals(List.of("f", "(", "1", ",", "2", ")", "NL"), tokens("f(1,\n      2)\n"));
    }

    @Test
    void backslashJoinsLines() {
        assertEquals(List.of("x", "=", "1", "+", "2", "NL"), tokens("x = 1 + \\\n    2\n"));
    }

    @Test
    void endOfInputClosesLineAndBlocks() {
        assertEquals(List.of("def", "f", "(", ")", ":", "NL", "INDENT", "if", "x", ":", "NL", "INDENT", "y", "NL", "DEDENT", "DEDENT"),
                        tokens("def f():\n  if x:\n    y"));
    }

    @Test
    void stringsOfEveryQuoteFormAreOneToken() {
        assertEquals(List.of("'a'", "\"b\"", "'''c\nd'''", "f'{x}'", "r'\\n'", "NL"), tokens("'a' \"b\" '''c\nd''' f'{x}' r'\\n'\n"));
    }

    @Test
    void inconsistentDedentIsAnIndentationError() {
        LexicalException e = assertThrows(LexicalException.class, () -> tokens("if x:\n    y\n  z\n"));
        assertEquals("IndentationError", e.kind());
        assertEquals(3, e.line());
    }

    @Test
    void unclosedBracketIsReportedAtTheBracket() {
        LexicalException e = assertThrows(LexicalException.class, () -> tokens("x = (1,\n2\n"));
        assertEquals("'(' was never closed", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(4, e.column());
    }
}
