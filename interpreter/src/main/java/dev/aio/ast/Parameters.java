package dev.aio.ast;

import java.util.List;

/**
 * A parameter list, as CPython's {@code ast.arguments}: {@code defaults} belong to the last
 * {@code posOnly + args}; {@code kwDefaults} line up with {@code kwOnly} ({@code null} where none).
 */
public record Parameters(List<Param> posOnly, List<Param> args, Param vararg, List<Param> kwOnly, List<Expr> kwDefaults,
                Param kwarg, List<Expr> defaults) {

    public static final Parameters EMPTY = new Parameters(List.of(), List.of(), null, List.of(), List.of(), null, List.of());

    /** One parameter; annotation may be {@code null}. */
    /** A parameter; its name is interned, as CPython's identifiers are (one str object per name). */
    public record Param(Pos pos, String name, Expr annotation) {
        public Param {
            name = name.intern();
        }
    }
}
