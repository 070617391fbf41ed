package dev.aio.grammar;

import java.util.ArrayDeque;
import java.util.Deque;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Turns physical lines into Python's logical lines: NEWLINE ends a statement except inside
 * brackets or on blank and comment-only lines, and changes of indentation become INDENT and
 * DEDENT tokens. At the end of input it closes the last line and every open block.
 */
public abstract class AioLexerBase extends Lexer {
    private static final int TAB_SIZE = 8;
    /** CPython's tokenizer keeps at most 100 indentation levels, the first one included ({@code MAXINDENT}). */
    private static final int MAX_INDENT_LEVELS = 100;
    /** CPython's tokenizer allows at most 200 open brackets ({@code MAXLEVEL}). */
    private static final int MAX_OPEN_BRACKETS = 200;

    private final Deque<Token> pending = new ArrayDeque<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    /** The same indentation measured with tabs one column wide: where the two disagree, tabs and spaces are mixed. */
    private final Deque<Integer> altIndents = new ArrayDeque<>();
    private final Deque<Token> openBrackets = new ArrayDeque<>();
    private Token lastEmitted;
    private boolean atFileStart = true;
    /** Lexing one expression (an f-string field): line breaks never end it, as inside brackets. */
    private boolean expressionMode;

    protected AioLexerBase(CharStream input) {
        super(input);
    }

    public void setExpressionMode() {
        expressionMode = true;
        atFileStart = false;
    }

    @Override
    public Token nextToken() {
        if (!pending.isEmpty()) {
            return remember(pending.poll());
        }
        while (true) {
            Token t = super.nextToken();
            if (t.getType() == Token.EOF) {
                return remember(atEndOfInput(t));
            }
            if (t.getType() == AioLexer.NEWLINE) {
                if (expressionMode || !openBrackets.isEmpty() || isBlankLineAhead() || lastEmitted == null || lastEmitted.getType() == AioLexer.NEWLINE) {
                    continue;
                }
                queueIndentation(t);
                return remember(pending.poll());
            }
            if (atFileStart) {
                atFileStart = false;
                if (indentationOfFirstLine(t) > 0) {
                    throw new LexicalException("IndentationError", "unexpected indent", t.getLine(), t.getCharPositionInLine());
                }
            }
            return remember(t);
        }
    }

    private Token remember(Token t) {
        lastEmitted = t;
        return t;
    }

    /** After a line break: is the next line empty or only a comment? Then it does not count. */
    private boolean isBlankLineAhead() {
        int c = _input.LA(1);
        return c == '\n' || c == '\r' || c == '\f' || c == '#' || c == CharStream.EOF;
    }

    /**
     * The first statement's indentation: the blanks before it on its line, where a form feed
     * starts the count again (as in CPython's tokenizer, which ANTLR's column does not know).
     */
    private int indentationOfFirstLine(Token t) {
        int width = 0;
        for (int i = t.getStartIndex() - 1; i >= 0; i--) {
            int c = _input.getText(Interval.of(i, i)).charAt(0);
            if (c == '\n' || c == '\r' || c == '\f') {
                break;
            }
            width++;
        }
        return width;
    }

    /**
     * CPython's tokenizer rules: the indentation is measured with tabs to the next multiple of 8
     * and, to find tabs and spaces mixed so that the meaning depends on the tab size, with tabs one
     * column wide; the two measures must order the lines the same way, or it is a TabError.
     */
    private void queueIndentation(Token newline) {
        String text = newline.getText();
        int start = Math.max(text.lastIndexOf('\n'), Math.max(text.lastIndexOf('\r'), text.lastIndexOf('\f'))) + 1;
        int width = 0;
        int altWidth = 0;
        for (int i = start; i < text.length(); i++) {
            width = text.charAt(i) == '\t' ? (width / TAB_SIZE + 1) * TAB_SIZE : width + 1;
            altWidth++;
        }
        int line = newline.getLine() + 1;
        int column = text.length() - start;
        pending.add(token(AioLexer.NEWLINE, "\n", newline));
        int current = indents.isEmpty() ? 0 : indents.peek();
        int altCurrent = altIndents.isEmpty() ? 0 : altIndents.peek();
        if (width == current) {
            if (altWidth != altCurrent) {
                throw inconsistentTabs(line);
            }
        } else if (width > current) {
            if (altWidth <= altCurrent) {
                throw inconsistentTabs(line);
            }
            if (indents.size() + 1 >= MAX_INDENT_LEVELS) {
                throw new LexicalException("IndentationError", "too many levels of indentation", line, -1);
            }
            indents.push(width);
            altIndents.push(altWidth);
            pending.add(positioned(AioLexer.INDENT, line, column));
        } else {
            while (width < current) {
                indents.pop();
                altIndents.pop();
                current = indents.isEmpty() ? 0 : indents.peek();
                pending.add(positioned(AioLexer.DEDENT, line, column));
            }
            if (width != current) {
                throw new LexicalException("IndentationError", "unindent does not match any outer indentation level", line, column);
            }
            if (altWidth != (altIndents.isEmpty() ? 0 : altIndents.peek())) {
                throw inconsistentTabs(line);
            }
        }
    }

    private static LexicalException inconsistentTabs(int line) {
        return new LexicalException("TabError", "inconsistent use of tabs and spaces in indentation", line, -1);
    }

    private Token atEndOfInput(Token eof) {
        if (!openBrackets.isEmpty()) {
            Token open = openBrackets.peekLast();
            throw new LexicalException("SyntaxError", "'" + open.getText() + "' was never closed", open.getLine(), open.getCharPositionInLine());
        }
        if (!expressionMode && lastEmitted != null && lastEmitted.getType() != AioLexer.NEWLINE && lastEmitted.getType() != AioLexer.DEDENT) {
            pending.add(token(AioLexer.NEWLINE, "\n", eof));
        }
        while (!indents.isEmpty()) {
            indents.pop();
            altIndents.pop();
            pending.add(token(AioLexer.DEDENT, "", eof));
        }
        pending.add(eof);
        return pending.poll();
    }

    protected void onOpenBracket() {
        if (openBrackets.size() >= MAX_OPEN_BRACKETS) {
            throw new LexicalException("SyntaxError", "too many nested parentheses", _tokenStartLine, _tokenStartCharPositionInLine);
        }
        CommonToken open = new CommonToken(_type, String.valueOf((char) _input.LA(-1)));
        open.setLine(_tokenStartLine);
        open.setCharPositionInLine(_tokenStartCharPositionInLine);
        openBrackets.push(open);
    }

    protected void onCloseBracket() {
        char close = (char) _input.LA(-1);
        if (openBrackets.isEmpty()) {
            throw new LexicalException("SyntaxError", "unmatched '" + close + "'", _tokenStartLine, _tokenStartCharPositionInLine);
        }
        Token open = openBrackets.pop();
        char expected = switch (open.getText().charAt(0)) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
        if (close != expected) {
            String message = "closing parenthesis '" + close + "' does not match opening parenthesis '" + open.getText() + "'";
            if (open.getLine() != _tokenStartLine) {
                message += " on line " + open.getLine();
            }
            throw new LexicalException("SyntaxError", message, _tokenStartLine, _tokenStartCharPositionInLine);
        }
    }

    private Token token(int type, String text, Token at) {
        CommonToken t = new CommonToken(type, text);
        t.setLine(at.getLine());
        t.setCharPositionInLine(at.getCharPositionInLine());
        t.setStartIndex(at.getStartIndex());
        t.setStopIndex(at.getStartIndex() - 1);
        return t;
    }

    private Token positioned(int type, int line, int column) {
        CommonToken t = new CommonToken(type, "");
        t.setLine(line);
        t.setCharPositionInLine(column);
        return t;
    }
}
