package dev.aio.parser;

import java.util.ArrayList;
import java.util.List;

import dev.aio.ast.Expr;
import dev.aio.ast.Parameters;
import dev.aio.ast.Pos;

/** Assembles a parameter list in order, applying Python's rules for '/', '*', defaults and '**'. */
final class ParamCollector {
    private final AstBuilder builder;
    private final List<Parameters.Param> positional = new ArrayList<>();
    private final List<Expr> defaults = new ArrayList<>();
    private final List<Parameters.Param> kwOnly = new ArrayList<>();
    private final List<Expr> kwDefaults = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private int posOnlyCount;
    private boolean sawSlash;
    private boolean sawStar;
    /** Where the {@code *} is: CPython points at it when a bare {@code *} has no named argument after it. */
    private Pos starPos = Pos.NONE;
    private Parameters.Param vararg;
    private Parameters.Param kwarg;

    ParamCollector(AstBuilder builder) {
        this.builder = builder;
    }

    private void checkName(Parameters.Param p) {
        if (names.contains(p.name())) {
            throw builder.error(p.pos(), "duplicate argument '" + p.name() + "' in function definition");
        }
        names.add(p.name());
    }

    void plain(Parameters.Param p, Expr dflt, Pos pos) {
        if (kwarg != null) {
            throw builder.error(pos, "arguments cannot follow var-keyword argument");
        }
        checkName(p);
        if (sawStar) {
            kwOnly.add(p);
            kwDefaults.add(dflt);
            return;
        }
        if (dflt == null && !defaults.isEmpty()) {
            throw builder.error(pos, "non-default argument follows default argument");
        }
        positional.add(p);
        if (dflt != null) {
            defaults.add(dflt);
        }
    }

    void star(Parameters.Param p, Pos pos) {
        if (sawStar) {
            throw builder.error(pos, "* argument may appear only once");
        }
        sawStar = true;
        starPos = pos;
        if (p != null) {
            checkName(p);
            vararg = p;
        }
    }

    void doubleStar(Parameters.Param p, Pos pos) {
        if (kwarg != null) {
            throw builder.error(pos, "arguments cannot follow var-keyword argument");
        }
        checkName(p);
        kwarg = p;
    }

    void slash(Pos pos) {
        if (sawSlash) {
            throw builder.error(pos, "/ may appear only once");
        }
        if (sawStar) {
            throw builder.error(pos, "/ must be ahead of *");
        }
        if (positional.isEmpty()) {
            throw builder.error(pos, "at least one argument must precede /");
        }
        sawSlash = true;
        posOnlyCount = positional.size();
    }

    Parameters build() {
        if (sawStar && vararg == null && kwOnly.isEmpty()) {
            throw builder.error(starPos, "named arguments must follow bare *");
        }
        List<Parameters.Param> posOnly = new ArrayList<>(positional.subList(0, posOnlyCount));
        List<Parameters.Param> args = new ArrayList<>(positional.subList(posOnlyCount, positional.size()));
        return new Parameters(posOnly, args, vararg, kwOnly, kwDefaults, kwarg, defaults);
    }
}
