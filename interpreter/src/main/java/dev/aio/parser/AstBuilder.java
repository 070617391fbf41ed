package dev.aio.parser;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.aio.ast.BinaryOperator;
import dev.aio.ast.CompareOperator;
import dev.aio.ast.Expr;
import dev.aio.ast.Module;
import dev.aio.ast.Parameters;
import dev.aio.ast.Pattern;
import dev.aio.ast.Pos;
import dev.aio.ast.PrivateNames;
import dev.aio.ast.Stmt;
import dev.aio.ast.UnaryOperator;
import dev.aio.grammar.AioLexer;
import dev.aio.grammar.AioParser.*;
import dev.aio.runtime.IntDigitLimit;
import dev.aio.runtime.PyComplex;

/** Builds the syntax tree ({@code dev.aio.ast}) from ANTLR's parse tree, with CPython's node positions. */
final class AstBuilder {
    private final String fileName;
    private final SourceLines lines;
    /** The innermost class whose body is being built: its identifiers are mangled ({@link PrivateNames}). */
    private String className;

    AstBuilder(String fileName, SourceLines lines) {
        this.fileName = fileName;
        this.lines = lines;
    }

    Module module(File_inputContext ctx) {
        List<Stmt> body = new ArrayList<>();
        for (StmtContext s : ctx.stmt()) {
            stmt(s, body);
        }
        return new Module(body);
    }

    // ----- positions -----------------------------------------------------------------------------

    Pos pos(ParserRuleContext ctx) {
        return pos(ctx.getStart(), ctx.getStop());
    }

    Pos pos(Token start, Token stop) {
        String text = stop.getText();
        int endLine = stop.getLine();
        int endCol;
        int nl = text.lastIndexOf('\n');
        if (nl >= 0) {
            endLine += (int) text.chars().filter(c -> c == '\n').count();
            endCol = text.codePointCount(nl + 1, text.length());
        } else {
            endCol = stop.getCharPositionInLine() + text.codePointCount(0, text.length());
        }
        return new Pos(start.getLine(), start.getCharPositionInLine(), endLine, endCol);
    }

    private static Pos span(Pos a, Pos b) {
        return new Pos(a.line(), a.col(), b.endLine(), b.endCol());
    }

    private static Pos lastPos(Pos header, List<Stmt> body) {
        return body.isEmpty() ? header : span(header, body.get(body.size() - 1).pos());
    }

    AioSyntaxError error(Pos pos, String message) {
        int length = pos.endLine() == pos.line() ? pos.endCol() - pos.col() : 1;
        return SyntaxErrors.at(fileName, lines, "SyntaxError", message, pos.line(), pos.col(), length);
    }

    // ----- statements ----------------------------------------------------------------------------

    private void stmt(StmtContext ctx, List<Stmt> out) {
        if (ctx.simple_stmts() != null) {
            simpleStmts(ctx.simple_stmts(), out);
        } else {
            out.add(compound(ctx.compound_stmt()));
        }
    }

    private void simpleStmts(Simple_stmtsContext ctx, List<Stmt> out) {
        for (Simple_stmtContext s : ctx.simple_stmt()) {
            out.add(simple(s));
        }
    }

    private List<Stmt> block(BlockContext ctx) {
        List<Stmt> body = new ArrayList<>();
        if (ctx.simple_stmts() != null) {
            simpleStmts(ctx.simple_stmts(), body);
        } else {
            for (StmtContext s : ctx.stmt()) {
                stmt(s, body);
            }
        }
        return body;
    }

    private Stmt simple(Simple_stmtContext ctx) {
        Pos p = pos(ctx);
        if (ctx.expr_stmt() != null) {
            return exprStmt(ctx.expr_stmt());
        }
        if (ctx.PASS() != null) {
            return new Stmt.Pass(p);
        }
        if (ctx.BREAK() != null) {
            return new Stmt.Break(p);
        }
        if (ctx.CONTINUE() != null) {
            return new Stmt.Continue(p);
        }
        if (ctx.del_stmt() != null) {
            List<Expr> targets = exprList(ctx.del_stmt().exprlist());
            for (Expr t : targets) {
                checkTarget(t, true);
            }
            return new Stmt.Delete(p, targets);
        }
        if (ctx.return_stmt() != null) {
            Star_expressionsContext v = ctx.return_stmt().star_expressions();
            return new Stmt.Return(p, v == null ? null : starExpressions(v));
        }
        if (ctx.raise_stmt() != null) {
            List<TestContext> tests = ctx.raise_stmt().test();
            return new Stmt.Raise(p, tests.isEmpty() ? null : test(tests.get(0)), tests.size() > 1 ? test(tests.get(1)) : null);
        }
        if (ctx.import_name() != null) {
            List<Stmt.Alias> names = new ArrayList<>();
            for (Dotted_as_nameContext d : ctx.import_name().dotted_as_name()) {
                names.add(new Stmt.Alias(pos(d), d.dotted_name().getText(), d.NAME() == null ? null : d.NAME().getText()));
            }
            return new Stmt.Import(p, names);
        }
        if (ctx.import_from() != null) {
            return importFrom(ctx.import_from(), p);
        }
        if (ctx.global_stmt() != null) {
            return new Stmt.Global(p, ctx.global_stmt().NAME().stream().map(n -> mangled(n.getText())).toList());
        }
        if (ctx.nonlocal_stmt() != null) {
            return new Stmt.Nonlocal(p, ctx.nonlocal_stmt().NAME().stream().map(n -> mangled(n.getText())).toList());
        }
        Assert_stmtContext a = ctx.assert_stmt();
        return new Stmt.Assert(p, test(a.test(0)), a.test().size() > 1 ? test(a.test(1)) : null);
    }

    private Stmt importFrom(Import_fromContext ctx, Pos p) {
        int level = 0;
        for (DotsContext d : ctx.dots()) {
            level += d.ELLIPSIS() != null ? 3 : 1;
        }
        String module = ctx.dotted_name() == null ? null : ctx.dotted_name().getText();
        List<Stmt.Alias> names = new ArrayList<>();
        if (ctx.STAR() != null) {
            names.add(new Stmt.Alias(pos(ctx.STAR().getSymbol(), ctx.STAR().getSymbol()), "*", null));
        } else {
            for (Import_as_nameContext n : ctx.import_as_names().import_as_name()) {
                names.add(new Stmt.Alias(pos(n), n.NAME(0).getText(), n.NAME().size() > 1 ? n.NAME(1).getText() : null));
            }
        }
        return new Stmt.ImportFrom(p, module, names, level);
    }

    private Stmt exprStmt(Expr_stmtContext ctx) {
        Pos p = pos(ctx);
        if (ctx instanceof AnnotatedAssignContext a) {
            Expr target = starExpressions(a.star_expressions());
            checkTarget(target, false);
            AnnassignContext an = a.annassign();
            Expr value = an.yield_expr() != null ? yieldExpr(an.yield_expr()) : an.star_expressions() != null ? starExpressions(an.star_expressions()) : null;
            return new Stmt.AnnAssign(p, target, test(an.test()), value);
        }
        if (ctx instanceof AugmentedAssignContext a) {
            Expr target = starExpressions(a.star_expressions(0));
            if (!(target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript)) {
                throw error(target.pos(), "'" + describe(target) + "' is an illegal expression for augmented assignment");
            }
            Expr value = a.yield_expr() != null ? yieldExpr(a.yield_expr()) : starExpressions(a.star_expressions(1));
            return new Stmt.AugAssign(p, target, augOperator(a.augassign().getStart().getType()), value);
        }
        if (ctx instanceof YieldStmtContext y) {
            return new Stmt.ExprStmt(p, yieldExpr(y.yield_expr()));
        }
        AssignOrExprContext a = (AssignOrExprContext) ctx;
        List<Expr> parts = new ArrayList<>();
        for (ParseTree child : a.children) {
            if (child instanceof Star_expressionsContext s) {
                parts.add(starExpressions(s));
            } else if (child instanceof Yield_exprContext y) {
                parts.add(yieldExpr(y));
            }
        }
        if (parts.size() == 1) {
            return new Stmt.ExprStmt(p, parts.get(0));
        }
        List<Expr> targets = new ArrayList<>(parts.subList(0, parts.size() - 1));
        for (Expr t : targets) {
            checkTarget(t, false);
        }
        return new Stmt.Assign(p, targets, parts.get(parts.size() - 1));
    }

    private void checkTarget(Expr t, boolean delete) {
        switch (t) {
            case Expr.Name n -> {
            }
            case Expr.Attribute a -> {
            }
            case Expr.Subscript s -> {
            }
            case Expr.Tuple tu -> tu.elts().forEach(e -> checkTarget(e, delete));
            case Expr.ListExpr l -> l.elts().forEach(e -> checkTarget(e, delete));
            case Expr.Starred s -> {
                if (delete) {
                    throw error(t.pos(), "cannot delete starred");
                }
                checkTarget(s.value(), false);
            }
            default -> {
                if (delete) {
                    throw error(t.pos(), "cannot delete " + describe(t));
                }
                throw error(t.pos(), "cannot assign to " + describe(t) + " here. Maybe you meant '==' instead of '='?");
            }
        }
    }

    /** CPython's name for an expression kind in error messages. */
    private static String describe(Expr e) {
        return switch (e) {
            case Expr.Call c -> "function call";
            case Expr.Constant c -> "literal";
            case Expr.JoinedStr j -> "f-string expression";
            case Expr.Compare c -> "comparison";
            case Expr.Lambda l -> "lambda";
            case Expr.IfExp i -> "conditional expression";
            case Expr.Await a -> "await expression";
            case Expr.Dict d -> "dict literal";
            case Expr.Set s -> "set display";
            case Expr.ListComp c -> "list comprehension";
            case Expr.GeneratorExp g -> "generator expression";
            case Expr.Yield y -> "yield expression";
            default -> "expression";
        };
    }

    private static BinaryOperator augOperator(int type) {
        return switch (type) {
            case AioLexer.ADD_ASSIGN -> BinaryOperator.ADD;
            case AioLexer.SUB_ASSIGN -> BinaryOperator.SUB;
            case AioLexer.MULT_ASSIGN -> BinaryOperator.MULT;
            case AioLexer.AT_ASSIGN -> BinaryOperator.MATMULT;
            case AioLexer.DIV_ASSIGN -> BinaryOperator.DIV;
            case AioLexer.MOD_ASSIGN -> BinaryOperator.MOD;
            case AioLexer.AND_ASSIGN -> BinaryOperator.BITAND;
            case AioLexer.OR_ASSIGN -> BinaryOperator.BITOR;
            case AioLexer.XOR_ASSIGN -> BinaryOperator.BITXOR;
            case AioLexer.LEFT_SHIFT_ASSIGN -> BinaryOperator.LSHIFT;
            case AioLexer.RIGHT_SHIFT_ASSIGN -> BinaryOperator.RSHIFT;
            case AioLexer.POWER_ASSIGN -> BinaryOperator.POW;
            default -> BinaryOperator.FLOORDIV;
        };
    }

    private Stmt compound(Compound_stmtContext ctx) {
        if (ctx.if_stmt() != null) {
            return ifStmt(ctx.if_stmt());
        }
        if (ctx.while_stmt() != null) {
            While_stmtContext w = ctx.while_stmt();
            List<Stmt> body = block(w.block());
            List<Stmt> orElse = w.else_clause() == null ? List.of() : block(w.else_clause().block());
            return new Stmt.While(lastPos(pos(w.getStart(), w.COLON().getSymbol()), orElse.isEmpty() ? body : orElse), namedExpr(w.namedexpr_test()), body, orElse);
        }
        if (ctx.for_stmt() != null) {
            return forStmt(ctx.for_stmt(), false, ctx.for_stmt().getStart());
        }
        if (ctx.try_stmt() != null) {
            return tryStmt(ctx.try_stmt());
        }
        if (ctx.with_stmt() != null) {
            return withStmt(ctx.with_stmt(), false, ctx.with_stmt().getStart());
        }
        if (ctx.funcdef() != null) {
            return funcdef(ctx.funcdef(), List.of(), false, ctx.funcdef().getStart());
        }
        if (ctx.classdef() != null) {
            return classdef(ctx.classdef(), List.of(), ctx.classdef().getStart());
        }
        if (ctx.decorated() != null) {
            DecoratedContext d = ctx.decorated();
            List<Expr> decorators = new ArrayList<>();
            for (DecoratorContext dec : d.decorator()) {
                decorators.add(namedExpr(dec.namedexpr_test()));
            }
            if (d.classdef() != null) {
                return classdef(d.classdef(), decorators, d.classdef().getStart());
            }
            if (d.funcdef() != null) {
                return funcdef(d.funcdef(), decorators, false, d.funcdef().getStart());
            }
            return funcdef(d.async_funcdef().funcdef(), decorators, true, d.async_funcdef().getStart());
        }
        if (ctx.match_stmt() != null) {
            return matchStmt(ctx.match_stmt());
        }
        Async_stmtContext a = ctx.async_stmt();
        if (a.funcdef() != null) {
            return funcdef(a.funcdef(), List.of(), true, a.getStart());
        }
        if (a.with_stmt() != null) {
            return withStmt(a.with_stmt(), true, a.getStart());
        }
        return forStmt(a.for_stmt(), true, a.getStart());
    }

    private Stmt ifStmt(If_stmtContext ctx) {
        List<Stmt> orElse = ctx.else_clause() == null ? List.of() : block(ctx.else_clause().block());
        List<Elif_clauseContext> elifs = ctx.elif_clause();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            Elif_clauseContext e = elifs.get(i);
            List<Stmt> body = block(e.block());
            Pos p = lastPos(pos(e.getStart(), e.COLON().getSymbol()), orElse.isEmpty() ? body : orElse);
            orElse = List.of(new Stmt.If(p, namedExpr(e.namedexpr_test()), body, orElse));
        }
        List<Stmt> body = block(ctx.block());
        Pos p = lastPos(pos(ctx.getStart(), ctx.COLON().getSymbol()), orElse.isEmpty() ? body : orElse);
        return new Stmt.If(p, namedExpr(ctx.namedexpr_test()), body, orElse);
    }

    private Stmt matchStmt(Match_stmtContext ctx) {
        PatternBuilder patterns = new PatternBuilder(this);
        List<Stmt.MatchCase> cases = new ArrayList<>();
        for (Case_blockContext c : ctx.case_block()) {
            Pattern pattern = patterns.top(c.patterns());
            Expr guard = c.namedexpr_test() == null ? null : namedExpr(c.namedexpr_test());
            List<Stmt> body = block(c.block());
            cases.add(new Stmt.MatchCase(lastPos(pos(c.getStart(), c.COLON().getSymbol()), body), pattern, guard, body));
        }
        Pos p = span(pos(ctx.getStart(), ctx.COLON().getSymbol()), cases.get(cases.size() - 1).pos());
        return patterns.match(ctx, cases, p);
    }

    private Stmt forStmt(For_stmtContext ctx, boolean async, Token start) {
        Expr target = targetList(ctx.exprlist());
        checkTarget(target, false);
        List<Stmt> body = block(ctx.block());
        List<Stmt> orElse = ctx.else_clause() == null ? List.of() : block(ctx.else_clause().block());
        Pos p = lastPos(pos(start, ctx.COLON().getSymbol()), orElse.isEmpty() ? body : orElse);
        return new Stmt.For(p, target, starExpressions(ctx.star_expressions()), body, orElse, async);
    }

    private Stmt tryStmt(Try_stmtContext ctx) {
        List<Stmt> body = block(ctx.block());
        List<Stmt.ExceptHandler> handlers = new ArrayList<>();
        boolean star = !ctx.except_clause().isEmpty() && ctx.except_clause(0).STAR() != null;
        for (Except_clauseContext e : ctx.except_clause()) {
            if ((e.STAR() != null) != star) {
                throw error(pos(e.EXCEPT().getSymbol(), e.EXCEPT().getSymbol()), "cannot have both 'except' and 'except*' on the same 'try'");
            }
            if (e.STAR() != null && e.test() == null) {
                throw error(pos(e.COLON().getSymbol(), e.COLON().getSymbol()), "expected one or more exception types");
            }
            List<Stmt> hbody = block(e.block());
            Pos hp = lastPos(pos(e.getStart(), e.COLON().getSymbol()), hbody);
            handlers.add(new Stmt.ExceptHandler(hp, e.test() == null ? null : test(e.test()), e.NAME() == null ? null : mangled(e.NAME().getText()), hbody));
        }
        List<Stmt> orElse = ctx.else_clause() == null ? List.of() : block(ctx.else_clause().block());
        List<Stmt> finalBody = ctx.finally_clause() == null ? List.of() : block(ctx.finally_clause().block());
        List<Stmt> last = !finalBody.isEmpty() ? finalBody : !orElse.isEmpty() ? orElse : !handlers.isEmpty() ? handlers.get(handlers.size() - 1).body() : body;
        return new Stmt.Try(lastPos(pos(ctx.getStart(), ctx.COLON().getSymbol()), last), body, handlers, orElse, finalBody, star);
    }

    private Stmt withStmt(With_stmtContext ctx, boolean async, Token start) {
        List<Stmt.WithItem> items = new ArrayList<>();
        for (With_itemContext item : ctx.with_item()) {
            Expr vars = item.expr() == null ? null : expr(item.expr());
            if (vars != null) {
                checkTarget(vars, false);
            }
            items.add(new Stmt.WithItem(test(item.test()), vars));
        }
        List<Stmt> body = block(ctx.block());
        return new Stmt.With(lastPos(pos(start, ctx.COLON().getSymbol()), body), items, body, async);
    }

    /**
     * An identifier as the compiler sees it in the class being built. The names of {@code def} and
     * {@code class} statements stay unmangled in the tree (they are the {@code __name__}); the
     * compiler mangles them where it binds them.
     */
    String mangled(String name) {
        return PrivateNames.mangle(className, name);
    }

    private Stmt funcdef(FuncdefContext ctx, List<Expr> decorators, boolean async, Token start) {
        Parameters params = ctx.parameters() == null ? Parameters.EMPTY : parameters(ctx.parameters());
        List<Stmt> body = block(ctx.block());
        Pos p = lastPos(pos(start, ctx.COLON().getSymbol()), body);
        return new Stmt.FunctionDef(p, ctx.NAME().getText(), params, body, decorators, ctx.test() == null ? null : test(ctx.test()), async);
    }

    private Stmt classdef(ClassdefContext ctx, List<Expr> decorators, Token start) {
        List<Expr> bases = new ArrayList<>();
        List<Expr.Keyword> keywords = new ArrayList<>();
        if (ctx.arglist() != null) {
            arguments(ctx.arglist(), bases, keywords);
        }
        String enclosingClass = className;
        className = ctx.NAME().getText();
        List<Stmt> body;
        try {
            body = block(ctx.block());
        } finally {
            className = enclosingClass;
        }
        return new Stmt.ClassDef(lastPos(pos(start, ctx.COLON().getSymbol()), body), ctx.NAME().getText(), bases, keywords, body, decorators);
    }

    private Parameters parameters(ParametersContext ctx) {
        ParamCollector c = new ParamCollector(this);
        for (Param_itemContext item : ctx.param_item()) {
            if (item instanceof ParamPlainContext plain) {
                TfpdefContext d = plain.tfpdef();
                c.plain(new Parameters.Param(pos(d), mangled(d.NAME().getText()), d.test() == null ? null : test(d.test())), plain.test() == null ? null : test(plain.test()), pos(item));
            } else if (item instanceof ParamStarContext star) {
                TfpdefContext d = star.tfpdef();
                c.star(d == null ? null : new Parameters.Param(pos(d), mangled(d.NAME().getText()), d.test() == null ? null : test(d.test())), pos(item));
            } else if (item instanceof ParamDoubleStarContext ds) {
                TfpdefContext d = ds.tfpdef();
                c.doubleStar(new Parameters.Param(pos(d), mangled(d.NAME().getText()), d.test() == null ? null : test(d.test())), pos(item));
            } else {
                c.slash(pos(item));
            }
        }
        return c.build();
    }

    private Parameters lambdaParameters(Lambda_parametersContext ctx) {
        ParamCollector c = new ParamCollector(this);
        for (Lambda_paramContext item : ctx.lambda_param()) {
            if (item instanceof LambdaPlainContext plain) {
                c.plain(new Parameters.Param(pos(plain.NAME().getSymbol(), plain.NAME().getSymbol()), mangled(plain.NAME().getText()), null), plain.test() == null ? null : test(plain.test()),
                                pos(item));
            } else if (item instanceof LambdaStarContext star) {
                c.star(star.NAME() == null ? null : new Parameters.Param(pos(star.NAME().getSymbol(), star.NAME().getSymbol()), mangled(star.NAME().getText()), null), pos(item));
            } else if (item instanceof LambdaDoubleStarContext ds) {
                c.doubleStar(new Parameters.Param(pos(ds.NAME().getSymbol(), ds.NAME().getSymbol()), mangled(ds.NAME().getText()), null), pos(item));
            } else {
                c.slash(pos(item));
            }
        }
        return c.build();
    }

    // ----- expressions ---------------------------------------------------------------------------

    Expr starExpressions(Star_expressionsContext ctx) {
        List<Expr> elts = new ArrayList<>();
        for (ParseTree child : ctx.children) {
            if (child instanceof TestContext t) {
                elts.add(test(t));
            } else if (child instanceof Star_exprContext s) {
                elts.add(starExpr(s));
            }
        }
        if (elts.size() == 1 && ctx.COMMA().isEmpty()) {
            return elts.get(0);
        }
        return new Expr.Tuple(pos(ctx), elts);
    }

    Expr starExpr(Star_exprContext ctx) {
        return new Expr.Starred(pos(ctx), expr(ctx.expr()));
    }

    Expr yieldExpr(Yield_exprContext ctx) {
        Pos p = pos(ctx);
        if (ctx.FROM() != null) {
            return new Expr.YieldFrom(p, test(ctx.test()));
        }
        return new Expr.Yield(p, ctx.star_expressions() == null ? null : starExpressions(ctx.star_expressions()));
    }

    Expr namedExpr(Namedexpr_testContext ctx) {
        if (ctx.WALRUS() == null) {
            return test(ctx.test(0));
        }
        Expr target = test(ctx.test(0));
        if (!(target instanceof Expr.Name n)) {
            throw error(target.pos(), "cannot use assignment expressions with " + describe(target));
        }
        return new Expr.NamedExpr(pos(ctx), n, test(ctx.test(1)));
    }

    Expr test(TestContext ctx) {
        if (ctx.lambdef() != null) {
            LambdefContext l = ctx.lambdef();
            return new Expr.Lambda(pos(ctx), l.lambda_parameters() == null ? Parameters.EMPTY : lambdaParameters(l.lambda_parameters()), test(l.test()));
        }
        Expr body = orTest(ctx.or_test(0));
        if (ctx.IF() == null) {
            return body;
        }
        return new Expr.IfExp(pos(ctx), orTest(ctx.or_test(1)), body, test(ctx.test()));
    }

    private Expr testNocond(Test_nocondContext ctx) {
        if (ctx.or_test() != null) {
            return orTest(ctx.or_test());
        }
        Lambdef_nocondContext l = ctx.lambdef_nocond();
        return new Expr.Lambda(pos(ctx), l.lambda_parameters() == null ? Parameters.EMPTY : lambdaParameters(l.lambda_parameters()), testNocond(l.test_nocond()));
    }

    private Expr orTest(Or_testContext ctx) {
        if (ctx.and_test().size() == 1) {
            return andTest(ctx.and_test(0));
        }
        return new Expr.BoolOp(pos(ctx), false, ctx.and_test().stream().map(this::andTest).toList());
    }

    private Expr andTest(And_testContext ctx) {
        if (ctx.not_test().size() == 1) {
            return notTest(ctx.not_test(0));
        }
        return new Expr.BoolOp(pos(ctx), true, ctx.not_test().stream().map(this::notTest).toList());
    }

    private Expr notTest(Not_testContext ctx) {
        if (ctx.NOT() != null) {
            return new Expr.UnaryOp(pos(ctx), UnaryOperator.NOT, notTest(ctx.not_test()));
        }
        return comparison(ctx.comparison());
    }

    /** Linear in the operands: ANTLR's {@code comp_op(i)} and {@code expr(i)} each scan the children. */
    private Expr comparison(ComparisonContext ctx) {
        List<ExprContext> operands = ctx.expr();
        List<Comp_opContext> operators = ctx.comp_op();
        Expr left = expr(operands.get(0));
        if (operators.isEmpty()) {
            return left;
        }
        List<CompareOperator> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        for (int i = 0; i < operators.size(); i++) {
            ops.add(compareOperator(operators.get(i)));
            rest.add(expr(operands.get(i + 1)));
        }
        return new Expr.Compare(pos(ctx), left, ops, rest);
    }

    private static CompareOperator compareOperator(Comp_opContext ctx) {
        int first = ctx.getStart().getType();
        boolean two = ctx.getChildCount() == 2;
        return switch (first) {
            case AioLexer.LESS_THAN -> CompareOperator.LT;
            case AioLexer.GREATER_THAN -> CompareOperator.GT;
            case AioLexer.EQUALS -> CompareOperator.EQ;
            case AioLexer.GT_EQ -> CompareOperator.GT_E;
            case AioLexer.LT_EQ -> CompareOperator.LT_E;
            case AioLexer.NOT_EQ_2 -> CompareOperator.NOT_EQ;
            case AioLexer.IN -> CompareOperator.IN;
            case AioLexer.NOT -> CompareOperator.NOT_IN;
            default -> two ? CompareOperator.IS_NOT : CompareOperator.IS;
        };
    }

    /** The left-associative binary operator levels: expr, xor, and, shift, arith, term. */
    private Expr binaryChain(ParserRuleContext ctx, java.util.function.Function<ParseTree, Expr> operand) {
        Expr left = null;
        BinaryOperator op = null;
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode t) {
                op = binaryOperator(t.getSymbol().getType());
            } else {
                Expr right = operand.apply(child);
                left = left == null ? right : new Expr.BinOp(span(left.pos(), right.pos()), left, op, right);
            }
        }
        return left;
    }

    private static BinaryOperator binaryOperator(int type) {
        return switch (type) {
            case AioLexer.OR_OP -> BinaryOperator.BITOR;
            case AioLexer.XOR -> BinaryOperator.BITXOR;
            case AioLexer.AND_OP -> BinaryOperator.BITAND;
            case AioLexer.LEFT_SHIFT -> BinaryOperator.LSHIFT;
            case AioLexer.RIGHT_SHIFT -> BinaryOperator.RSHIFT;
            case AioLexer.ADD -> BinaryOperator.ADD;
            case AioLexer.MINUS -> BinaryOperator.SUB;
            case AioLexer.STAR -> BinaryOperator.MULT;
            case AioLexer.AT -> BinaryOperator.MATMULT;
            case AioLexer.DIV -> BinaryOperator.DIV;
            case AioLexer.MOD -> BinaryOperator.MOD;
            default -> BinaryOperator.FLOORDIV;
        };
    }

    Expr expr(ExprContext ctx) {
        return binaryChain(ctx, c -> binaryChain((Xor_exprContext) c, x -> binaryChain((And_exprContext) x,
                        a -> binaryChain((Shift_exprContext) a, s -> binaryChain((Arith_exprContext) s, t -> binaryChain((TermContext) t, f -> factor((FactorContext) f)))))));
    }

    private Expr factor(FactorContext ctx) {
        if (ctx.power() != null) {
            return power(ctx.power());
        }
        Expr operand = factor(ctx.factor());
        UnaryOperator op = switch (ctx.getStart().getType()) {
            case AioLexer.ADD -> UnaryOperator.UADD;
            case AioLexer.MINUS -> UnaryOperator.USUB;
            default -> UnaryOperator.INVERT;
        };
        return new Expr.UnaryOp(pos(ctx), op, operand);
    }

    private Expr power(PowerContext ctx) {
        Expr base = awaitPrimary(ctx.await_primary());
        if (ctx.factor() == null) {
            return base;
        }
        return new Expr.BinOp(pos(ctx), base, BinaryOperator.POW, factor(ctx.factor()));
    }

    private Expr awaitPrimary(Await_primaryContext ctx) {
        Expr p = primary(ctx.primary());
        return ctx.AWAIT() == null ? p : new Expr.Await(pos(ctx), p);
    }

    private Expr primary(PrimaryContext ctx) {
        Expr e = atom(ctx.atom());
        Token start = ctx.getStart();
        for (TrailerContext t : ctx.trailer()) {
            Pos p = pos(start, t.getStop());
            if (t instanceof CallTrailerContext call) {
                List<Expr> args = new ArrayList<>();
                List<Expr.Keyword> keywords = new ArrayList<>();
                if (call.arglist() != null) {
                    arguments(call.arglist(), args, keywords);
                }
                e = new Expr.Call(p, e, args, keywords);
            } else if (t instanceof SubscriptTrailerContext sub) {
                e = new Expr.Subscript(p, e, subscripts(sub.subscriptlist()));
            } else {
                e = new Expr.Attribute(p, e, mangled(((AttributeTrailerContext) t).NAME().getText()));
            }
        }
        return e;
    }

    private void arguments(ArglistContext ctx, List<Expr> args, List<Expr.Keyword> keywords) {
        boolean sawKeyword = false;
        boolean sawDoubleStar = false;
        for (ArgumentContext a : ctx.argument()) {
            Pos p = pos(a);
            if (a instanceof PositionalArgumentContext pa) {
                Expr value = namedExpr(pa.namedexpr_test());
                if (pa.comp_for() != null) {
                    if (ctx.argument().size() > 1) {
                        throw error(p, "Generator expression must be parenthesized");
                    }
                    value = new Expr.GeneratorExp(p, value, comprehension(pa.comp_for()));
                }
                if (sawDoubleStar) {
                    throw error(p, "positional argument follows keyword argument unpacking");
                }
                if (sawKeyword) {
                    throw error(p, "positional argument follows keyword argument");
                }
                args.add(value);
            } else if (a instanceof KeywordArgumentContext ka) {
                sawKeyword = true;
                keywords.add(new Expr.Keyword(p, ka.NAME().getText(), test(ka.test())));
            } else if (a instanceof DoubleStarArgumentContext ds) {
                sawDoubleStar = true;
                keywords.add(new Expr.Keyword(p, null, test(ds.test())));
            } else {
                if (sawDoubleStar) {
                    throw error(p, "iterable argument unpacking follows keyword argument unpacking");
                }
                args.add(new Expr.Starred(p, test(((StarArgumentContext) a).test())));
            }
        }
    }

    private Expr subscripts(SubscriptlistContext ctx) {
        List<Expr> items = new ArrayList<>();
        for (SubscriptContext s : ctx.subscript()) {
            items.add(subscript(s));
        }
        if (items.size() == 1 && ctx.COMMA().isEmpty()) {
            return items.get(0);
        }
        return new Expr.Tuple(pos(ctx), items);
    }

    private Expr subscript(SubscriptContext ctx) {
        if (ctx instanceof IndexSubscriptContext i) {
            return namedExpr(i.namedexpr_test());
        }
        if (ctx instanceof StarSubscriptContext s) {
            return starExpr(s.star_expr());
        }
        SliceSubscriptContext s = (SliceSubscriptContext) ctx;
        Expr lower = null;
        Expr upper = null;
        Expr step = null;
        int colons = 0;
        for (ParseTree child : s.children) {
            if (child instanceof TerminalNode) {
                colons++;
            } else if (colons == 0) {
                lower = test((TestContext) child);
            } else if (colons == 1) {
                upper = test((TestContext) child);
            } else {
                step = test((TestContext) child);
            }
        }
        return new Expr.Slice(pos(ctx), lower, upper, step);
    }

    private List<Expr> exprList(ExprlistContext ctx) {
        List<Expr> elts = new ArrayList<>();
        for (ParseTree child : ctx.children) {
            if (child instanceof ExprContext e) {
                elts.add(expr(e));
            } else if (child instanceof Star_exprContext s) {
                elts.add(starExpr(s));
            }
        }
        return elts;
    }

    /** A for/comprehension target: one expression, or a tuple when there is a comma. */
    private Expr targetList(ExprlistContext ctx) {
        List<Expr> elts = exprList(ctx);
        if (elts.size() == 1 && ctx.COMMA().isEmpty()) {
            return elts.get(0);
        }
        return new Expr.Tuple(pos(ctx), elts);
    }

    private List<Expr.Comprehension> comprehension(Comp_forContext ctx) {
        List<Expr.Comprehension> out = new ArrayList<>();
        Comp_forContext current = ctx;
        while (current != null) {
            Expr target = targetList(current.exprlist());
            checkTarget(target, false);
            List<Expr> ifs = new ArrayList<>();
            Comp_iterContext iter = current.comp_iter();
            Comp_forContext next = null;
            while (iter != null) {
                if (iter.comp_for() != null) {
                    next = iter.comp_for();
                    break;
                }
                ifs.add(testNocond(iter.comp_if().test_nocond()));
                iter = iter.comp_if().comp_iter();
            }
            out.add(new Expr.Comprehension(target, orTest(current.or_test()), ifs, current.ASYNC() != null));
            current = next;
        }
        return out;
    }

    private Expr atom(AtomContext ctx) {
        Pos p = pos(ctx);
        if (ctx instanceof NameAtomContext n) {
            return new Expr.Name(p, mangled(n.NAME().getText()));
        }
        if (ctx instanceof NumberAtomContext n) {
            return new Expr.Constant(p, number(n.NUMBER().getSymbol(), p));
        }
        if (ctx instanceof StringAtomContext s) {
            return strings(s.STRING(), p);
        }
        if (ctx instanceof NoneAtomContext) {
            return new Expr.Constant(p, Expr.Constant.NONE);
        }
        if (ctx instanceof TrueAtomContext) {
            return new Expr.Constant(p, Boolean.TRUE);
        }
        if (ctx instanceof FalseAtomContext) {
            return new Expr.Constant(p, Boolean.FALSE);
        }
        if (ctx instanceof EllipsisAtomContext) {
            return new Expr.Constant(p, Expr.Constant.ELLIPSIS);
        }
        if (ctx instanceof ParenAtomContext paren) {
            if (paren.yield_expr() != null) {
                return yieldExpr(paren.yield_expr());
            }
            if (paren.testlist_comp() == null) {
                return new Expr.Tuple(p, List.of());
            }
            Testlist_compContext tc = paren.testlist_comp();
            if (tc.comp_for() != null) {
                return new Expr.GeneratorExp(p, element(tc.getChild(0)), comprehension(tc.comp_for()));
            }
            List<Expr> elts = elements(tc);
            if (elts.size() == 1 && tc.COMMA().isEmpty()) {
                return elts.get(0);
            }
            return new Expr.Tuple(p, elts);
        }
        if (ctx instanceof ListAtomContext list) {
            if (list.testlist_comp() == null) {
                return new Expr.ListExpr(p, List.of());
            }
            Testlist_compContext tc = list.testlist_comp();
            if (tc.comp_for() != null) {
                return new Expr.ListComp(p, element(tc.getChild(0)), comprehension(tc.comp_for()));
            }
            return new Expr.ListExpr(p, elements(tc));
        }
        DictOrSetAtomContext d = (DictOrSetAtomContext) ctx;
        if (d.dictorsetmaker() == null) {
            return new Expr.Dict(p, List.of(), List.of());
        }
        if (d.dictorsetmaker() instanceof SetMakerContext set) {
            if (set.comp_for() != null) {
                return new Expr.SetComp(p, element(set.getChild(0)), comprehension(set.comp_for()));
            }
            List<Expr> elts = new ArrayList<>();
            for (ParseTree child : set.children) {
                if (!(child instanceof TerminalNode) && !(child instanceof Comp_forContext)) {
                    elts.add(element(child));
                }
            }
            return new Expr.Set(p, elts);
        }
        DictMakerContext dict = (DictMakerContext) d.dictorsetmaker();
        if (dict.comp_for() != null) {
            Dict_itemContext item = dict.dict_item(0);
            if (item.POWER() != null) {
                throw error(pos(item), "dict unpacking cannot be used in dict comprehension");
            }
            return new Expr.DictComp(p, test(item.test(0)), test(item.test(1)), comprehension(dict.comp_for()));
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (Dict_itemContext item : dict.dict_item()) {
            if (item.POWER() != null) {
                keys.add(null);
                values.add(expr(item.expr()));
            } else {
                keys.add(test(item.test(0)));
                values.add(test(item.test(1)));
            }
        }
        return new Expr.Dict(p, keys, values);
    }


    /** Adjacent string literals as one constant, or an f-string. */
    Expr strings(List<TerminalNode> tokens, Pos p) {
        return new StringAtoms(this, fileName, lines).strings(tokens, p);
    }

    /** A number literal token as a constant. */
    Expr number(Token t) {
        Pos p = pos(t, t);
        return new Expr.Constant(p, number(t, p));
    }

    private Expr element(ParseTree child) {
        if (child instanceof Star_exprContext s) {
            return starExpr(s);
        }
        return namedExpr((Namedexpr_testContext) child);
    }

    private List<Expr> elements(Testlist_compContext tc) {
        List<Expr> elts = new ArrayList<>();
        for (ParseTree child : tc.children) {
            if (!(child instanceof TerminalNode)) {
                elts.add(element(child));
            }
        }
        return elts;
    }

    private Object number(Token t, Pos p) {
        String text = t.getText().replace("_", "");
        String lower = text.toLowerCase();
        if (lower.endsWith("j")) {
            return new PyComplex(0.0, Double.parseDouble(text.substring(0, text.length() - 1)));
        }
        if (lower.startsWith("0x")) {
            return normalize(new BigInteger(text.substring(2), 16));
        }
        if (lower.startsWith("0o")) {
            return normalize(new BigInteger(text.substring(2), 8));
        }
        if (lower.startsWith("0b")) {
            return normalize(new BigInteger(text.substring(2), 2));
        }
        if (lower.contains(".") || lower.contains("e")) {
            return Double.parseDouble(text);
        }
        String tooLong = IntDigitLimit.tooManyDigits(text.length());
        if (tooLong != null) {
            throw error(p, tooLong + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.");
        }
        return normalize(new BigInteger(text));
    }

    private static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
}
