package dev.aio.parser;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

import dev.aio.grammar.AioLexer;
import dev.aio.grammar.LexicalException;

/**
 * Turns the parser's first complaint into the SyntaxError CPython 3.11 would report for the same
 * input: the common mistakes get CPython's message and position, anything else is "invalid syntax"
 * at the offending token.
 */
final class SyntaxErrors {
    private SyntaxErrors() {
    }

    static AioSyntaxError lexical(String fileName, SourceLines lines, LexicalException e) {
        String text = lines.line(e.line());
        int column = e.column() + 1;
        if (e.getMessage().startsWith("unindent")) {
            column = text == null ? 1 : text.length() + 1;
        }
        if (e.getMessage().equals("unexpected indent") || e.column() < 0) {
            return new AioSyntaxError(fileName, e.kind(), e.getMessage(), e.line(), 0, 0, text);
        }
        return new AioSyntaxError(fileName, e.kind(), e.getMessage(), e.line(), column, column + 1, text);
    }

    static AioSyntaxError at(String fileName, SourceLines lines, String kind, String message, int line, int col0, int length) {
        return new AioSyntaxError(fileName, kind, message, line, col0 + 1, col0 + 1 + Math.max(1, length), lines.line(line));
    }

    /** Throws at the first error: aio never recovers from a syntax error and runs a guess. */
    static final class Listener extends BaseErrorListener {
        private final String fileName;
        private final SourceLines lines;

        Listener(String fileName, SourceLines lines) {
            this.fileName = fileName;
            this.lines = lines;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col, String msg, RecognitionException e) {
            if (!(recognizer instanceof Parser parser) || !(offendingSymbol instanceof Token t)) {
                throw at(fileName, lines, "SyntaxError", "invalid syntax", line, col, 1);
            }
            throw explain(parser, t);
        }

        private AioSyntaxError explain(Parser parser, Token t) {
            TokenStream tokens = parser.getInputStream();
            Token prev = t.getTokenIndex() > 0 ? tokens.get(t.getTokenIndex() - 1) : null;
            Token prevPrev = t.getTokenIndex() > 1 ? tokens.get(t.getTokenIndex() - 2) : null;
            int type = t.getType();
            if (type == AioLexer.UNKNOWN_CHAR) {
                return unknownCharacter(t, prev);
            }
            if (type == AioLexer.INDENT) {
                return new AioSyntaxError(fileName, "IndentationError", "unexpected indent", t.getLine(), 0, 0, lines.line(t.getLine()));
            }
            if (prev != null && prev.getType() == AioLexer.NEWLINE && prevPrev != null && prevPrev.getType() == AioLexer.COLON) {
                String header = headerDescription(tokens, prevPrev);
                if (header != null) {
                    Token first = t.getType() == AioLexer.DEDENT || t.getType() == Token.EOF ? nextReal(tokens, t) : t;
                    int line = first == null ? prevPrev.getLine() + 1 : first.getLine();
                    int col = first == null ? 0 : first.getCharPositionInLine();
                    return at(fileName, lines, "IndentationError", "expected an indented block after " + header + " on line " + headerLine(tokens, prevPrev), line, col, 1);
                }
            }
            if (type == AioLexer.NAME && prev != null && prev.getType() == AioLexer.NUMBER && prev.getStopIndex() + 1 == t.getStartIndex()) {
                return at(fileName, lines, "SyntaxError", "invalid decimal literal", prev.getLine(), prev.getCharPositionInLine(), 1);
            }
            if ((type == AioLexer.NEWLINE || type == Token.EOF || type == AioLexer.INDENT) && parser.getExpectedTokens().contains(AioLexer.COLON) && prev != null
                            && headerDescription(tokens, prev) != null) {
                int end = prev.getCharPositionInLine() + prev.getText().codePointCount(0, prev.getText().length());
                return at(fileName, lines, "SyntaxError", "expected ':'", prev.getLine(), end, 1);
            }
            if (type == AioLexer.NEWLINE || type == Token.EOF || type == AioLexer.DEDENT) {
                int line = prev != null ? prev.getLine() : t.getLine();
                int end = prev != null ? prev.getCharPositionInLine() + prev.getText().codePointCount(0, prev.getText().length()) : 0;
                return at(fileName, lines, "SyntaxError", "invalid syntax", line, end, 1);
            }
            AioSyntaxError unclosed = unclosedBracket(tokens);
            if (unclosed != null) {
                return unclosed;
            }
            String text = t.getText();
            int length = text.indexOf('\n') >= 0 ? 1 : text.codePointCount(0, text.length());
            return at(fileName, lines, "SyntaxError", "invalid syntax", t.getLine(), t.getCharPositionInLine(), length);
        }

        /**
         * Like CPython, a generic error inside brackets that are never closed is reported as the
         * unclosed bracket: reading on to the end of input tells.
         */
        private AioSyntaxError unclosedBracket(TokenStream tokens) {
            try {
                if (tokens instanceof BufferedTokenStream buffered) {
                    buffered.fill();
                }
                return null;
            } catch (LexicalException e) {
                return e.getMessage().endsWith("was never closed") ? lexical(fileName, lines, e) : null;
            }
        }

        private AioSyntaxError unknownCharacter(Token t, Token prev) {
            String text = t.getText();
            if (text.equals("'") || text.equals("\"")) {
                boolean triple = prev != null && prev.getType() == AioLexer.STRING && prev.getText().equals(text + text) && prev.getStopIndex() + 1 == t.getStartIndex();
                if (triple) {
                    return at(fileName, lines, "SyntaxError", "unterminated triple-quoted string literal (detected at line " + lines.count() + ")", prev.getLine(),
                                    prev.getCharPositionInLine(), 1);
                }
                int col = t.getCharPositionInLine();
                if (prev != null && prev.getType() == AioLexer.NAME && prev.getStopIndex() + 1 == t.getStartIndex() && prev.getText().matches("(?i)[rubf]{1,2}")) {
                    col = prev.getCharPositionInLine();
                }
                return at(fileName, lines, "SyntaxError", "unterminated string literal (detected at line " + t.getLine() + ")", t.getLine(), col, 1);
            }
            int cp = text.codePointAt(0);
            if (cp > 127) {
                return at(fileName, lines, "SyntaxError", String.format("invalid character '%s' (U+%04X)", text, cp), t.getLine(), t.getCharPositionInLine(), 1);
            }
            return at(fileName, lines, "SyntaxError", "invalid syntax", t.getLine(), t.getCharPositionInLine(), 1);
        }

        private static Token nextReal(TokenStream tokens, Token t) {
            for (int i = t.getTokenIndex(); i < tokens.size(); i++) {
                Token x = tokens.get(i);
                if (x.getType() != AioLexer.DEDENT && x.getType() != AioLexer.NEWLINE) {
                    return x.getType() == Token.EOF ? null : x;
                }
            }
            return null;
        }

        /** The first token of the logical line that ends with {@code last}. */
        private static Token lineStart(TokenStream tokens, Token last) {
            int i = last.getTokenIndex();
            while (i > 0) {
                int type = tokens.get(i - 1).getType();
                if (type == AioLexer.NEWLINE || type == AioLexer.INDENT || type == AioLexer.DEDENT) {
                    break;
                }
                i--;
            }
            Token first = tokens.get(i);
            if (first.getType() == AioLexer.ASYNC && i + 1 < tokens.size()) {
                first = tokens.get(i + 1);
            }
            return first;
        }

        private static int headerLine(TokenStream tokens, Token last) {
            return lineStart(tokens, last).getLine();
        }

        /** How CPython names a compound statement whose header ends at {@code last}, or {@code null}. */
        private static String headerDescription(TokenStream tokens, Token last) {
            Token first = lineStart(tokens, last);
            return switch (first.getType()) {
                case AioLexer.IF -> "'if' statement";
                case AioLexer.ELIF -> "'elif' statement";
                case AioLexer.ELSE -> "'else' statement";
                case AioLexer.WHILE -> "'while' statement";
                case AioLexer.FOR -> "'for' statement";
                case AioLexer.TRY -> "'try' statement";
                case AioLexer.EXCEPT -> "'except' statement";
                case AioLexer.FINALLY -> "'finally' statement";
                case AioLexer.WITH -> "'with' statement";
                case AioLexer.DEF -> "function definition";
                case AioLexer.CLASS -> "class definition";
                default -> null;
            };
        }
    }
}
