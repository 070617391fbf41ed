package dev.aio.ast;

import java.util.List;

/** The patterns of a {@code match} statement's cases (PEP 634), shaped after CPython's {@code ast} module. */
public sealed interface Pattern extends Node {

    /** A literal or a dotted name: matches what compares equal ({@code ==}). */
    record MatchValue(Pos pos, Expr value) implements Pattern {}

    /** {@code None}, {@code True} or {@code False}: matches by identity; value is {@link Expr.Constant#NONE} or a {@code Boolean}. */
    record MatchSingleton(Pos pos, Object value) implements Pattern {}

    /** {@code [a, *rest, b]} or {@code (a, b)}; at most one {@link MatchStar}. */
    record MatchSequence(Pos pos, List<Pattern> patterns) implements Pattern {}

    /** {@code {key: pattern, **rest}}; rest may be {@code null}. */
    record MatchMapping(Pos pos, List<Expr> keys, List<Pattern> patterns, String rest) implements Pattern {}

    /** {@code Cls(p1, p2, attr=p3)}: positional sub-patterns by {@code __match_args__}, keyword ones by attribute. */
    record MatchClass(Pos pos, Expr cls, List<Pattern> patterns, List<String> kwdAttrs, List<Pattern> kwdPatterns)
                    implements Pattern {}

    /** {@code *name} in a sequence pattern; name is {@code null} for {@code *_}. */
    record MatchStar(Pos pos, String name) implements Pattern {}

    /** {@code pattern as name}, a capture ({@code name}, pattern {@code null}) or the wildcard (both {@code null}). */
    record MatchAs(Pos pos, Pattern pattern, String name) implements Pattern {}

    /** {@code p1 | p2 | ...}. */
    record MatchOr(Pos pos, List<Pattern> patterns) implements Pattern {}
}
