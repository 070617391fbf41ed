package dev.aio.parser;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.aio.ast.BinaryOperator;
import dev.aio.ast.Expr;
import dev.aio.ast.Pattern;
import dev.aio.ast.Pos;
import dev.aio.ast.Stmt;
import dev.aio.ast.UnaryOperator;
import dev.aio.grammar.AioLexer;
import dev.aio.grammar.AioParser.*;

/**
 * Builds a {@code match} statement's syntax tree, with the errors CPython's parser gives for
 * patterns it rejects (those its compiler gives, such as unreachable cases, come from the compiler).
 */
final class PatternBuilder {
    private final AstBuilder builder;

    PatternBuilder(AstBuilder builder) {
        this.builder = builder;
    }

    Stmt match(Match_stmtContext ctx, List<Stmt.MatchCase> cases, Pos pos) {
        Match_subjectContext s = ctx.match_subject();
        List<Expr> elts = new ArrayList<>();
        for (var child : s.children) {
            if (child instanceof Namedexpr_testContext n) {
                elts.add(builder.namedExpr(n));
            } else if (child instanceof Star_exprContext st) {
                elts.add(builder.starExpr(st));
            }
        }
        Expr subject = elts.size() == 1 && s.COMMA().isEmpty() ? elts.get(0) : new Expr.Tuple(builder.pos(s), elts);
        return new Stmt.Match(pos, subject, cases);
    }

    Pattern top(PatternsContext ctx) {
        List<Star_or_patternContext> items = ctx.star_or_pattern();
        if (items.size() == 1 && ctx.COMMA().isEmpty()) {
            if (items.get(0).STAR() != null) {
                throw invalidAfter(items.get(0));
            }
            return pattern(items.get(0).pattern());
        }
        return sequence(ctx, builder.pos(ctx));
    }

    /** CPython's "invalid syntax" at the colon after a lone {@code case *name}. */
    private AioSyntaxError invalidAfter(Star_or_patternContext ctx) {
        Token colon = ((Case_blockContext) ctx.getParent().getParent()).COLON().getSymbol();
        return builder.error(builder.pos(colon, colon), "invalid syntax");
    }

    private Pattern sequence(PatternsContext ctx, Pos pos) {
        List<Pattern> patterns = new ArrayList<>();
        for (Star_or_patternContext item : ctx.star_or_pattern()) {
            if (item.STAR() != null) {
                String name = item.NAME().getText();
                patterns.add(new Pattern.MatchStar(builder.pos(item), name.equals("_") ? null : builder.mangled(name)));
            } else {
                patterns.add(pattern(item.pattern()));
            }
        }
        return new Pattern.MatchSequence(pos, patterns);
    }

    Pattern pattern(PatternContext ctx) {
        List<Closed_patternContext> alternatives = ctx.closed_pattern();
        Pattern result;
        if (alternatives.size() == 1) {
            result = closed(alternatives.get(0));
        } else {
            List<Pattern> patterns = new ArrayList<>();
            for (Closed_patternContext c : alternatives) {
                patterns.add(closed(c));
            }
            result = new Pattern.MatchOr(builder.pos(alternatives.get(0).getStart(), alternatives.get(alternatives.size() - 1).getStop()), patterns);
        }
        if (ctx.AS() != null) {
            Token name = ctx.NAME().getSymbol();
            if (name.getText().equals("_")) {
                throw builder.error(builder.pos(name, name), "cannot use '_' as a target");
            }
            return new Pattern.MatchAs(builder.pos(ctx), result, builder.mangled(name.getText()));
        }
        return result;
    }

    private Pattern closed(Closed_patternContext ctx) {
        Pos p = builder.pos(ctx);
        return switch (ctx) {
            case NumberPatternContext n -> new Pattern.MatchValue(p, number(n.number_pattern()));
            case StringPatternContext s -> new Pattern.MatchValue(p, string(s.STRING(), p));
            case NonePatternContext n -> new Pattern.MatchSingleton(p, Expr.Constant.NONE);
            case TruePatternContext t -> new Pattern.MatchSingleton(p, Boolean.TRUE);
            case FalsePatternContext f -> new Pattern.MatchSingleton(p, Boolean.FALSE);
            case NamePatternContext n -> {
                List<TerminalNode> names = n.dotted_name().NAME();
                if (names.size() > 1) {
                    yield new Pattern.MatchValue(p, dotted(n.dotted_name()));
                }
                String name = names.get(0).getText();
                yield new Pattern.MatchAs(p, null, name.equals("_") ? null : builder.mangled(name));
            }
            case ClassPatternContext c -> classPattern(c, p);
            case GroupPatternContext g -> {
                if (g.patterns() == null) {
                    yield new Pattern.MatchSequence(p, List.of());
                }
                PatternsContext inner = g.patterns();
                if (inner.star_or_pattern().size() == 1 && inner.COMMA().isEmpty()) {
                    if (inner.star_or_pattern(0).STAR() != null) {
                        Token close = g.CLOSE_PAREN().getSymbol();
                        throw builder.error(builder.pos(close, close), "invalid syntax");
                    }
                    yield pattern(inner.star_or_pattern(0).pattern());
                }
                yield sequence(inner, p);
            }
            case ListPatternContext l -> l.patterns() == null ? new Pattern.MatchSequence(p, List.of()) : sequence(l.patterns(), p);
            case MappingPatternContext m -> mapping(m, p);
            default -> throw new IllegalStateException(ctx.getClass().getName());
        };
    }

    private Expr dotted(Dotted_nameContext ctx) {
        List<TerminalNode> names = ctx.NAME();
        Token first = names.get(0).getSymbol();
        Expr e = new Expr.Name(builder.pos(first, first), builder.mangled(first.getText()));
        for (int i = 1; i < names.size(); i++) {
            e = new Expr.Attribute(builder.pos(first, names.get(i).getSymbol()), e, builder.mangled(names.get(i).getText()));
        }
        return e;
    }

    private Expr string(List<TerminalNode> tokens, Pos p) {
        Expr s = builder.strings(tokens, p);
        if (s instanceof Expr.JoinedStr) {
            throw builder.error(p, "patterns may only match literals and attribute lookups");
        }
        return s;
    }

    /** A signed number, or a complex literal {@code real ± imaginary} (CPython's {@code complex_number}). */
    private Expr number(Number_patternContext ctx) {
        List<TerminalNode> numbers = ctx.NUMBER();
        Token first = numbers.get(0).getSymbol();
        if (numbers.size() > 1) {
            Token second = numbers.get(1).getSymbol();
            if (isImaginary(first)) {
                throw builder.error(builder.pos(first, first), "real number required in complex literal");
            }
            if (!isImaginary(second)) {
                throw builder.error(builder.pos(second, second), "imaginary number required in complex literal");
            }
        }
        Expr left = builder.number(first);
        if (ctx.getStart().getType() == AioLexer.MINUS) {
            left = new Expr.UnaryOp(builder.pos(ctx.getStart(), first), UnaryOperator.USUB, left);
        }
        if (numbers.size() == 1) {
            return left;
        }
        Token second = numbers.get(1).getSymbol();
        Token op = (Token) ctx.getChild(ctx.getStart().getType() == AioLexer.MINUS ? 2 : 1).getPayload();
        BinaryOperator operator = op.getType() == AioLexer.ADD ? BinaryOperator.ADD : BinaryOperator.SUB;
        return new Expr.BinOp(builder.pos(ctx), left, operator, builder.number(second));
    }

    private static boolean isImaginary(Token t) {
        String text = t.getText();
        char last = text.charAt(text.length() - 1);
        return last == 'j' || last == 'J';
    }

    private Pattern classPattern(ClassPatternContext ctx, Pos p) {
        Expr cls = dotted(ctx.dotted_name());
        List<Pattern> positional = new ArrayList<>();
        List<String> kwdAttrs = new ArrayList<>();
        List<Pattern> kwdPatterns = new ArrayList<>();
        if (ctx.pattern_arguments() != null) {
            for (Pattern_argumentContext arg : ctx.pattern_arguments().pattern_argument()) {
                if (arg.ASSIGN() != null) {
                    kwdAttrs.add(builder.mangled(arg.NAME().getText()));
                    kwdPatterns.add(pattern(arg.pattern()));
                } else {
                    if (!kwdAttrs.isEmpty()) {
                        throw builder.error(builder.pos(arg), "positional patterns follow keyword patterns");
                    }
                    positional.add(pattern(arg.pattern()));
                }
            }
        }
        return new Pattern.MatchClass(p, cls, positional, kwdAttrs, kwdPatterns);
    }

    private Pattern mapping(MappingPatternContext ctx, Pos p) {
        List<Expr> keys = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        String rest = null;
        if (ctx.mapping_items() != null) {
            for (Mapping_itemContext item : ctx.mapping_items().mapping_item()) {
                if (rest != null) {
                    // CPython's grammar allows '**rest' last only.
                    throw builder.error(builder.pos(item.getStart(), item.getStart()), "invalid syntax");
                }
                if (item.POWER() != null) {
                    Token name = item.NAME().getSymbol();
                    if (name.getText().equals("_")) {
                        throw builder.error(builder.pos(name, name), "invalid syntax");
                    }
                    rest = builder.mangled(name.getText());
                    continue;
                }
                keys.add(mappingKey(item));
                patterns.add(pattern(item.pattern()));
            }
        }
        return new Pattern.MatchMapping(p, keys, patterns, rest);
    }

    /** A mapping key: a literal or a dotted name (CPython's {@code key_value_pattern}). */
    private Expr mappingKey(Mapping_itemContext item) {
        Pattern key = closed(item.closed_pattern());
        return switch (key) {
            case Pattern.MatchValue v -> v.value();
            case Pattern.MatchSingleton s -> new Expr.Constant(s.pos(), s.value());
            default -> throw builder.error(builder.pos(item.COLON().getSymbol(), item.COLON().getSymbol()), "invalid syntax");
        };
    }
}
