package dev.aio.compiler;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aio.ast.Expr;
import dev.aio.ast.Module;
import dev.aio.ast.Parameters;
import dev.aio.ast.Pattern;
import dev.aio.ast.Stmt;

/**
 * First pass of the compiler: finds every function scope and what each name in it is bound to.
 * Comprehension variables are not part of any scope: the compiler gives them hidden locals (cells
 * when a lambda in the comprehension captures them).
 */
final class ScopeAnalyzer {
    /**
     * How deep statements and expressions may nest: CPython 3.11's symtable allows three times the
     * recursion limit (1000) and raises RecursionError beyond (a chain like {@code 1+1+...+1} of
     * 3000 terms); deeper trees would overflow the stack of this and the later recursive passes.
     */
    static final int MAX_NESTING = 3000;

    private final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private Scope current;
    private int nesting;
    /** The comprehension variables in scope at this point of the current function. */
    private Set<String> comprehensionVars = new LinkedHashSet<>();

    static Map<Object, Scope> analyze(Module module) {
        return analyze(module, Scope.Kind.MODULE);
    }

    /** {@code rootKind}: {@code CLASS} for code run with locals apart from its globals (exec, eval). */
    static Map<Object, Scope> analyze(Module module, Scope.Kind rootKind) {
        ScopeAnalyzer a = new ScopeAnalyzer();
        a.stringAnnotations = futureAnnotations(module.body());
        Scope root = new Scope(rootKind, null);
        a.scopes.put(module, root);
        a.current = root;
        a.stmts(module.body());
        root.resolve();
        return a.scopes;
    }

    /** Annotations are kept as strings, never evaluated (so they read no name). */
    private boolean stringAnnotations;

    /** Whether a module says {@code from __future__ import annotations} (PEP 563). */
    static boolean futureAnnotations(List<Stmt> body) {
        return body.stream().anyMatch(st -> st instanceof Stmt.ImportFrom f && "__future__".equals(f.module())
                        && f.names().stream().anyMatch(a -> a.name().equals("annotations")));
    }

    private void stmts(List<Stmt> body) {
        for (Stmt s : body) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        enterNested();
        stmtBody(s);
        nesting--;
    }

    private void enterNested() {
        if (++nesting > MAX_NESTING) {
            throw new CompileRecursionError();
        }
    }

    private void stmtBody(Stmt s) {
        switch (s) {
            case Stmt.FunctionDef f -> {
                exprs(f.decorators());
                defaults(f.params());
                current.assigned.add(current.mangle(f.name()));
                Scope scope = enter(f);
                params(f.params());
                stmts(f.body());
                leave(scope);
            }
            case Stmt.ClassDef c -> {
                exprs(c.bases());
                c.keywords().forEach(k -> expr(k.value()));
                exprs(c.decorators());
                current.assigned.add(current.mangle(c.name()));
                Scope scope = new Scope(Scope.Kind.CLASS, current);
                scope.className = c.name();
                scopes.put(c, scope);
                current = scope;
                stmts(c.body());
                current = scope.parent;
            }
            case Stmt.Return r -> expr(r.value());
            case Stmt.Delete d -> {
                d.targets().forEach(this::target);
                d.targets().forEach(this::unbinds);
            }
            case Stmt.Assign a -> {
                expr(a.value());
                a.targets().forEach(this::target);
            }
            case Stmt.AugAssign a -> {
                expr(a.value());
                target(a.target());
                if (a.target() instanceof Expr.Name n) {
                    current.used.add(n.id());
                }
            }
            case Stmt.AnnAssign a -> {
                expr(a.value());
                if (a.value() != null) {
                    target(a.target());
                }
                if (current.kind != Scope.Kind.FUNCTION) {
                    if (!stringAnnotations) {
                        expr(a.annotation());
                    }
                    if (a.target() instanceof Expr.Name) {
                        current.assigned.add("__annotations__");
                    }
                }
            }
            case Stmt.For f -> {
                current.awaits |= f.isAsync();
                expr(f.iter());
                target(f.target());
                stmts(f.body());
                stmts(f.orElse());
            }
            case Stmt.While w -> {
                expr(w.test());
                stmts(w.body());
                stmts(w.orElse());
            }
            case Stmt.If i -> {
                expr(i.test());
                stmts(i.body());
                stmts(i.orElse());
            }
            case Stmt.With w -> {
                current.awaits |= w.isAsync();
                for (Stmt.WithItem item : w.items()) {
                    expr(item.contextExpr());
                    if (item.optionalVars() != null) {
                        target(item.optionalVars());
                    }
                }
                stmts(w.body());
            }
            case Stmt.Raise r -> {
                expr(r.exc());
                expr(r.cause());
            }
            case Stmt.Try t -> {
                stmts(t.body());
                for (Stmt.ExceptHandler h : t.handlers()) {
                    expr(h.type());
                    if (h.name() != null) {
                        current.assigned.add(h.name());
                        current.unbound.add(h.name());
                    }
                    stmts(h.body());
                }
                stmts(t.orElse());
                stmts(t.finalBody());
            }
            case Stmt.Assert a -> {
                expr(a.test());
                expr(a.msg());
            }
            case Stmt.Import i -> {
                for (Stmt.Alias alias : i.names()) {
                    String bound = alias.asName() != null ? alias.asName() : alias.name().split("\\.")[0];
                    current.assigned.add(bound);
                }
            }
            case Stmt.ImportFrom i -> {
                for (Stmt.Alias alias : i.names()) {
                    if (alias.name().equals("*")) {
                        current.importsStar = true;
                    } else {
                        current.assigned.add(alias.asName() != null ? alias.asName() : alias.name());
                    }
                }
            }
            case Stmt.Global g -> current.declaredGlobal.addAll(g.names());
            case Stmt.Nonlocal n -> current.declaredNonlocal.addAll(n.names());
            case Stmt.Match m -> {
                expr(m.subject());
                for (Stmt.MatchCase c : m.cases()) {
                    pattern(c.pattern());
                    expr(c.guard());
                    stmts(c.body());
                }
            }
            case Stmt.ExprStmt e -> expr(e.value());
            case Stmt.Pass p -> {
            }
            case Stmt.Break b -> {
            }
            case Stmt.Continue c -> {
            }
        }
    }

    /** A pattern binds its capture names and reads the names of its values, classes and keys. */
    private void pattern(Pattern p) {
        switch (p) {
            case Pattern.MatchValue v -> expr(v.value());
            case Pattern.MatchSingleton s -> {
            }
            case Pattern.MatchSequence s -> s.patterns().forEach(this::pattern);
            case Pattern.MatchMapping m -> {
                exprs(m.keys());
                m.patterns().forEach(this::pattern);
                if (m.rest() != null) {
                    current.assigned.add(m.rest());
                }
            }
            case Pattern.MatchClass c -> {
                expr(c.cls());
                c.patterns().forEach(this::pattern);
                c.kwdPatterns().forEach(this::pattern);
            }
            case Pattern.MatchStar s -> {
                if (s.name() != null) {
                    current.assigned.add(s.name());
                }
            }
            case Pattern.MatchAs a -> {
                if (a.pattern() != null) {
                    pattern(a.pattern());
                }
                if (a.name() != null) {
                    current.assigned.add(a.name());
                }
            }
            case Pattern.MatchOr o -> o.patterns().forEach(this::pattern);
        }
    }

    /** A function scope, defined where the comprehension variables in scope can be captured. */
    private Scope enter(Object node) {
        Scope scope = new Scope(Scope.Kind.FUNCTION, current);
        scope.enclosingComprehensionVars.addAll(comprehensionVars);
        scopes.put(node, scope);
        current = scope;
        comprehensionVars = new LinkedHashSet<>();
        return scope;
    }

    private void leave(Scope scope) {
        current = scope.parent;
        comprehensionVars = new LinkedHashSet<>(scope.enclosingComprehensionVars);
    }

    private void defaults(Parameters p) {
        exprs(p.defaults());
        for (Expr e : p.kwDefaults()) {
            expr(e);
        }
    }

    private void params(Parameters p) {
        p.posOnly().forEach(x -> current.params.add(x.name()));
        p.args().forEach(x -> current.params.add(x.name()));
        if (p.vararg() != null) {
            current.params.add(p.vararg().name());
        }
        p.kwOnly().forEach(x -> current.params.add(x.name()));
        if (p.kwarg() != null) {
            current.params.add(p.kwarg().name());
        }
    }

    private void target(Expr t) {
        switch (t) {
            case Expr.Name n -> current.assigned.add(n.id());
            case Expr.Tuple tu -> tu.elts().forEach(this::target);
            case Expr.ListExpr l -> l.elts().forEach(this::target);
            case Expr.Starred s -> target(s.value());
            default -> expr(t);
        }
    }

    /** The names {@code del t} unbinds. */
    private void unbinds(Expr t) {
        switch (t) {
            case Expr.Name n -> current.unbound.add(n.id());
            case Expr.Tuple tu -> tu.elts().forEach(this::unbinds);
            case Expr.ListExpr l -> l.elts().forEach(this::unbinds);
            default -> {
            }
        }
    }

    private void comprehensionTargets(Expr t) {
        switch (t) {
            case Expr.Name n -> comprehensionVars.add(n.id());
            case Expr.Tuple tu -> tu.elts().forEach(this::comprehensionTargets);
            case Expr.ListExpr l -> l.elts().forEach(this::comprehensionTargets);
            case Expr.Starred st -> comprehensionTargets(st.value());
            default -> expr(t);
        }
    }

    private void exprs(List<Expr> list) {
        for (Expr e : list) {
            expr(e);
        }
    }

    private void comprehensions(List<Expr.Comprehension> generators, Runnable element) {
        Set<String> outer = new LinkedHashSet<>(comprehensionVars);
        for (Expr.Comprehension c : generators) {
            current.awaits |= c.isAsync();
            expr(c.iter());
            comprehensionTargets(c.target());
            exprs(c.ifs());
        }
        element.run();
        comprehensionVars = outer;
    }

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        enterNested();
        exprBody(e);
        nesting--;
    }

    private void exprBody(Expr e) {
        switch (e) {
            case Expr.BoolOp b -> exprs(b.values());
            case Expr.NamedExpr n -> {
                expr(n.value());
                current.assigned.add(n.target().id());
            }
            case Expr.BinOp b -> {
                expr(b.left());
                expr(b.right());
            }
            case Expr.UnaryOp u -> expr(u.operand());
            case Expr.Lambda l -> {
                defaults(l.params());
                Scope scope = enter(l);
                params(l.params());
                expr(l.body());
                leave(scope);
            }
            case Expr.IfExp i -> {
                expr(i.test());
                expr(i.body());
                expr(i.orElse());
            }
            case Expr.Dict d -> {
                for (Expr k : d.keys()) {
                    expr(k);
                }
                exprs(d.values());
            }
            case Expr.Set s -> exprs(s.elts());
            case Expr.ListComp c -> comprehensions(c.generators(), () -> expr(c.elt()));
            case Expr.SetComp c -> comprehensions(c.generators(), () -> expr(c.elt()));
            case Expr.GeneratorExp c -> {
                // The first iterable is evaluated where the expression stands; the rest runs in its own function.
                expr(c.generators().get(0).iter());
                Scope scope = enter(c);
                scope.params.add(".0");
                scope.isGenerator = true;
                for (int i = 0; i < c.generators().size(); i++) {
                    if (i > 0) {
                        expr(c.generators().get(i).iter());
                    }
                    comprehensionTargets(c.generators().get(i).target());
                    exprs(c.generators().get(i).ifs());
                }
                expr(c.elt());
                leave(scope);
            }
            case Expr.DictComp c -> comprehensions(c.generators(), () -> {
                expr(c.key());
                expr(c.value());
            });
            case Expr.Await a -> {
                current.awaits = true;
                expr(a.value());
            }
            case Expr.Yield y -> {
                current.isGenerator = true;
                expr(y.value());
            }
            case Expr.YieldFrom y -> {
                current.isGenerator = true;
                expr(y.value());
            }
            case Expr.Compare c -> {
                expr(c.left());
                exprs(c.comparators());
            }
            case Expr.Call c -> {
                expr(c.func());
                exprs(c.args());
                c.keywords().forEach(k -> expr(k.value()));
            }
            case Expr.FormattedValue f -> {
                expr(f.value());
                expr(f.formatSpec());
            }
            case Expr.JoinedStr j -> exprs(j.values());
            case Expr.Constant c -> {
            }
            case Expr.Attribute a -> expr(a.value());
            case Expr.Subscript s -> {
                expr(s.value());
                expr(s.slice());
            }
            case Expr.Starred s -> expr(s.value());
            case Expr.Name n -> {
                current.used.add(n.id());
                if (!comprehensionVars.contains(n.id())) {
                    current.loads.add(n);
                }
            }
            case Expr.ListExpr l -> exprs(l.elts());
            case Expr.Tuple t -> exprs(t.elts());
            case Expr.Slice s -> {
                expr(s.lower());
                expr(s.upper());
                expr(s.step());
            }
        }
    }
}
