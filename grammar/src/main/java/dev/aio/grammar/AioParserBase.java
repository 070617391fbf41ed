package dev.aio.grammar;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;

/**
 * Bounds how deep rules nest, as CPython's parser bounds its stack ({@code MAXSTACK}, 6000 in
 * 3.11): deeper input, such as thousands of unary minus signs in a row, is a {@link ParserTooDeep}
 * (CPython's MemoryError) instead of a JVM stack overflow.
 */
public abstract class AioParserBase extends Parser {
    /** CPython 3.11's {@code MAXSTACK}. */
    public static final int MAX_DEPTH = 6000;

    private int depth;

    protected AioParserBase(TokenStream input) {
        super(input);
    }

    /** Whether the next token is the soft keyword {@code word} ('match', 'case'): a NAME spelled so. */
    protected boolean isSoftKeyword(String word) {
        return word.equals(_input.LT(1).getText());
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        if (++depth > MAX_DEPTH) {
            throw new ParserTooDeep();
        }
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        depth--;
        super.exitRule();
    }

    /** The input nests deeper than {@link #MAX_DEPTH} rules. */
    public static final class ParserTooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParserTooDeep() {
            super("parser stack overflow", null, false, false);
        }
    }
}
