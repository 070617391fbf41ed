package dev.aio.ast;

import java.util.List;

/** Statements of aio's Python subset, shaped after CPython's {@code ast} module. */
public sealed interface Stmt extends Node {

    /** {@code def} or {@code async def}; returns (the annotation) may be {@code null}. */
    record FunctionDef(Pos pos, String name, Parameters params, List<Stmt> body, List<Expr> decorators, Expr returns,
                    boolean isAsync) implements Stmt {}

    record ClassDef(Pos pos, String name, List<Expr> bases, List<Expr.Keyword> keywords, List<Stmt> body,
                    List<Expr> decorators) implements Stmt {}

    /** value may be {@code null}. */
    record Return(Pos pos, Expr value) implements Stmt {}

    record Delete(Pos pos, List<Expr> targets) implements Stmt {}

    /** {@code a = b = value}: targets in source order. */
    record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {}

    record AugAssign(Pos pos, Expr target, BinaryOperator op, Expr value) implements Stmt {}

    /** {@code target: annotation [= value]}; value may be {@code null}. */
    record AnnAssign(Pos pos, Expr target, Expr annotation, Expr value) implements Stmt {}

    record For(Pos pos, Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, boolean isAsync) implements Stmt {}

    record While(Pos pos, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {}

    /** {@code elif} chains arrive as a nested If as the only statement of orElse. */
    record If(Pos pos, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {}

    record With(Pos pos, List<WithItem> items, List<Stmt> body, boolean isAsync) implements Stmt {}

    /** {@code raise [exc [from cause]]}; both may be {@code null}. */
    record Raise(Pos pos, Expr exc, Expr cause) implements Stmt {}

    record Try(Pos pos, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orElse, List<Stmt> finalBody,
                    boolean isStar) implements Stmt {}

    /** msg may be {@code null}. */
    record Assert(Pos pos, Expr test, Expr msg) implements Stmt {}

    record Import(Pos pos, List<Alias> names) implements Stmt {}

    /** {@code from .module import a as b}; module may be {@code null} (pure relative); names {@code *} is one Alias "*". */
    record ImportFrom(Pos pos, String module, List<Alias> names, int level) implements Stmt {}

    record Global(Pos pos, List<String> names) implements Stmt {}

    record Nonlocal(Pos pos, List<String> names) implements Stmt {}

    /** {@code match subject:} with its cases in source order. */
    record Match(Pos pos, Expr subject, List<MatchCase> cases) implements Stmt {}

    record ExprStmt(Pos pos, Expr value) implements Stmt {}

    record Pass(Pos pos) implements Stmt {}

    record Break(Pos pos) implements Stmt {}

    record Continue(Pos pos) implements Stmt {}

    /** {@code except [type [as name]]: body}; type and name may be {@code null}. */
    record ExceptHandler(Pos pos, Expr type, String name, List<Stmt> body) {}

    /** {@code case pattern [if guard]: body}; guard may be {@code null}. */
    record MatchCase(Pos pos, Pattern pattern, Expr guard, List<Stmt> body) {}

    /** {@code contextExpr [as optionalVars]}. */
    record WithItem(Expr contextExpr, Expr optionalVars) {}

    /** {@code name [as asName]}; a dotted module name keeps its dots. */
    record Alias(Pos pos, String name, String asName) {}
}
