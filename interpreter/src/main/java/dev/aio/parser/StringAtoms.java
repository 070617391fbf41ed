package dev.aio.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.aio.ast.Expr;
import dev.aio.ast.Pos;
import dev.aio.grammar.AioLexer;
import dev.aio.grammar.LexicalException;
import dev.aio.runtime.PyBytes;

/**
 * Adjacent string literals, plain or formatted, become one constant or one f-string; adjacent
 * bytes literals one bytes constant. The
 * expressions inside f-string replacement fields are parsed where they stand, so their positions
 * are positions in the file.
 */
final class StringAtoms {
    private final AstBuilder builder;
    private final String fileName;
    private final SourceLines lines;

    StringAtoms(AstBuilder builder, String fileName, SourceLines lines) {
        this.builder = builder;
        this.fileName = fileName;
        this.lines = lines;
    }

    Expr strings(List<TerminalNode> tokens, Pos pos) {
        List<Expr> parts = new ArrayList<>();
        boolean formatted = false;
        ByteArrayOutputStream bytes = null;
        for (int k = 0; k < tokens.size(); k++) {
            TerminalNode node = tokens.get(k);
            Token t = node.getSymbol();
            String text = t.getText();
            int q = 0;
            while (text.charAt(q) != '\'' && text.charAt(q) != '"') {
                q++;
            }
            String prefix = text.substring(0, q).toLowerCase();
            int quoteLength = text.startsWith("'''", q) || text.startsWith("\"\"\"", q) ? 3 : 1;
            String body = text.substring(q + quoteLength, text.length() - quoteLength);
            boolean raw = prefix.contains("r");
            Pos tokenPos = builder.pos(t, t);
            if (k > 0 && prefix.contains("b") != (bytes != null)) {
                throw builder.error(afterStrings(tokens), "cannot mix bytes and nonbytes literals");
            }
            if (prefix.contains("b")) {
                if (bytes == null) {
                    bytes = new ByteArrayOutputStream();
                }
                if (!body.chars().allMatch(c -> c < 0x80)) {
                    // CPython's caret spans the literal's UTF-8 bytes here, not its characters.
                    int width = text.getBytes(StandardCharsets.UTF_8).length;
                    throw builder.error(new Pos(tokenPos.line(), tokenPos.col(), tokenPos.line(), tokenPos.col() + width), "bytes can only contain ASCII literal characters");
                }
                try {
                    bytes.writeBytes(StringLiterals.decodeBytes(body, raw));
                } catch (StringLiterals.BadEscape e) {
                    throw builder.error(afterStrings(tokens), e.getMessage());
                }
                continue;
            }
            Cursor bodyStart = new Cursor(t.getLine(), t.getCharPositionInLine() + q + quoteLength);
            if (prefix.contains("f")) {
                formatted = true;
                parts.addAll(new FString(raw, tokenPos).parse(body, bodyStart, 0));
            } else {
                try {
                    parts.add(new Expr.Constant(tokenPos, StringLiterals.decode(body, raw)));
                } catch (StringLiterals.BadEscape e) {
                    throw builder.error(afterStrings(tokens), e.getMessage());
                }
            }
        }
        if (bytes != null) {
            return new Expr.Constant(pos, new PyBytes(bytes.toByteArray()));
        }
        List<Expr> merged = merge(parts, pos);
        if (!formatted) {
            return merged.isEmpty() ? new Expr.Constant(pos, "") : merged.get(0);
        }
        return new Expr.JoinedStr(pos, merged);
    }

    /**
     * Where CPython 3.11 points the errors it finds once its parser has read all the adjacent
     * literals (mixing, bad escapes): at the token after the last one, which is the first
     * non-blank character after it on its line, or the line's end.
     */
    private Pos afterStrings(List<TerminalNode> tokens) {
        Token last = tokens.get(tokens.size() - 1).getSymbol();
        Pos end = builder.pos(last, last);
        String line = lines.line(end.endLine());
        int col = end.endCol();
        int offset = line.offsetByCodePoints(0, Math.min(col, line.codePointCount(0, line.length())));
        while (offset < line.length() && (line.charAt(offset) == ' ' || line.charAt(offset) == '\t')) {
            offset++;
            col++;
        }
        return new Pos(end.endLine(), col, end.endLine(), col + 1);
    }

    private String decode(String body, boolean raw, Pos pos) {
        try {
            return StringLiterals.decode(body, raw);
        } catch (StringLiterals.BadEscape e) {
            throw builder.error(pos, e.getMessage());
        }
    }

    /** Joins neighbouring constant parts and drops empty ones. */
    private static List<Expr> merge(List<Expr> parts, Pos pos) {
        List<Expr> out = new ArrayList<>();
        StringBuilder pending = null;
        for (Expr e : parts) {
            if (e instanceof Expr.Constant c) {
                if (pending == null) {
                    pending = new StringBuilder();
                }
                pending.append((String) c.value());
            } else {
                if (pending != null && pending.length() > 0) {
                    out.add(new Expr.Constant(pos, pending.toString()));
                }
                pending = null;
                out.add(e);
            }
        }
        if (pending != null && (pending.length() > 0 || out.isEmpty())) {
            out.add(new Expr.Constant(pos, pending.toString()));
        }
        return out;
    }

    /** A position in the file while scanning a string body. */
    private static final class Cursor {
        int line;
        int col;

        Cursor(int line, int col) {
            this.line = line;
            this.col = col;
        }

        Cursor copy() {
            return new Cursor(line, col);
        }

        void advance(char c) {
            if (c == '\n') {
                line++;
                col = 0;
            } else if (!Character.isLowSurrogate(c)) {
                col++;
            }
        }
    }

    /** One f-string literal: literal text and {@code {expr!conv:spec}} fields. */
    private final class FString {
        private final boolean raw;
        private final Pos tokenPos;

        FString(boolean raw, Pos tokenPos) {
            this.raw = raw;
            this.tokenPos = tokenPos;
        }

        private AioSyntaxError error(String message) {
            return builder.error(tokenPos, "f-string: " + message);
        }

        List<Expr> parse(String body, Cursor at, int depth) {
            List<Expr> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            Cursor cur = at.copy();
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == '{') {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '{' && depth == 0) {
                        literal.append('{');
                        cur.advance(c);
                        cur.advance(c);
                        i += 2;
                        continue;
                    }
                    flush(parts, literal);
                    i = field(body, i + 1, cur, parts, depth);
                    continue;
                }
                if (c == '}') {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '}' && depth == 0) {
                        literal.append('}');
                        cur.advance(c);
                        cur.advance(c);
                        i += 2;
                        continue;
                    }
                    throw error("single '}' is not allowed");
                }
                literal.append(c);
                cur.advance(c);
                i++;
            }
            flush(parts, literal);
            return parts;
        }

        private void flush(List<Expr> parts, StringBuilder literal) {
            if (literal.length() > 0) {
                parts.add(new Expr.Constant(tokenPos, decode(literal.toString(), raw, tokenPos)));
                literal.setLength(0);
            }
        }

        /** Parses the field starting after '{' at {@code start}; returns the index after its '}'. */
        private int field(String body, int start, Cursor cur, List<Expr> parts, int depth) {
            if (depth >= 2) {
                throw error("expressions nested too deeply");
            }
            cur.advance('{');
            Cursor exprStart = cur.copy();
            int i = start;
            int nesting = 0;
            char quote = 0;
            int exprEnd = -1;
            boolean selfDocumenting = false;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(' || c == '[' || c == '{') {
                    nesting++;
                } else if ((c == ')' || c == ']' || c == '}') && nesting > 0) {
                    nesting--;
                } else if (nesting == 0) {
                    if (c == '}' || c == ':') {
                        exprEnd = i;
                        break;
                    }
                    if (c == '!' && i + 1 < body.length() && body.charAt(i + 1) != '=') {
                        exprEnd = i;
                        break;
                    }
                    if (c == '=') {
                        boolean partOfOperator = (i + 1 < body.length() && body.charAt(i + 1) == '=') || (i > start && "=!<>".indexOf(body.charAt(i - 1)) >= 0);
                        if (i + 1 < body.length() && body.charAt(i + 1) == '=') {
                            cur.advance(c);
                            i++;
                        } else if (!partOfOperator) {
                            selfDocumenting = true;
                            exprEnd = i;
                            break;
                        }
                    }
                } else if (c == '\\') {
                    throw error("expression part cannot include a backslash");
                }
                cur.advance(c);
                i++;
            }
            if (exprEnd < 0) {
                throw error("expecting '}'");
            }
            String exprText = body.substring(start, exprEnd);
            if (exprText.isBlank()) {
                throw error("empty expression not allowed");
            }
            Expr value = parseExpression(exprText, exprStart);
            int conversion = -1;
            if (selfDocumenting) {
                // The text shown is the expression, the '=' and any spaces after it, as written.
                int afterEquals = i + 1;
                while (afterEquals < body.length() && body.charAt(afterEquals) == ' ') {
                    afterEquals++;
                }
                parts.add(new Expr.Constant(tokenPos, body.substring(start, afterEquals)));
                for (int k = i; k < afterEquals; k++) {
                    cur.advance(body.charAt(k));
                }
                i = afterEquals;
            }
            if (i < body.length() && body.charAt(i) == '!') {
                if (i + 1 >= body.length()) {
                    throw error("expecting '}'");
                }
                conversion = body.charAt(i + 1);
                if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                    throw error("invalid conversion character: expected 's', 'r', or 'a'");
                }
                cur.advance('!');
                cur.advance((char) conversion);
                i += 2;
            }
            Expr spec = null;
            if (i < body.length() && body.charAt(i) == ':') {
                cur.advance(':');
                int specStart = i + 1;
                int j = specStart;
                int braces = 0;
                while (j < body.length() && (body.charAt(j) != '}' || braces > 0)) {
                    if (body.charAt(j) == '{') {
                        braces++;
                    } else if (body.charAt(j) == '}') {
                        braces--;
                    }
                    j++;
                }
                if (j >= body.length()) {
                    throw error("expecting '}'");
                }
                List<Expr> specParts = parse(body.substring(specStart, j), cur, depth + 1);
                for (int k = specStart; k < j; k++) {
                    cur.advance(body.charAt(k));
                }
                spec = new Expr.JoinedStr(tokenPos, merge(specParts, tokenPos));
                i = j;
            }
            if (i >= body.length() || body.charAt(i) != '}') {
                throw error("expecting '}'");
            }
            cur.advance('}');
            if (selfDocumenting && conversion == -1 && spec == null) {
                conversion = 'r';
            }
            parts.add(new Expr.FormattedValue(tokenPos, value, conversion, spec));
            return i + 1;
        }

        private Expr parseExpression(String text, Cursor at) {
            AioLexer lexer = new AioLexer(CharStreams.fromString(text, fileName));
            lexer.setExpressionMode();
            lexer.setLine(at.line);
            lexer.setCharPositionInLine(at.col);
            lexer.removeErrorListeners();
            dev.aio.grammar.AioParser parser = new dev.aio.grammar.AioParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
                    throw error("invalid syntax");
                }
            });
            try {
                dev.aio.grammar.AioParser.Fstring_exprContext ctx = parser.fstring_expr();
                if (ctx.yield_expr() != null) {
                    return builder.yieldExpr(ctx.yield_expr());
                }
                return builder.starExpressions(ctx.star_expressions());
            } catch (LexicalException e) {
                throw error(e.getMessage());
            }
        }
    }


}
