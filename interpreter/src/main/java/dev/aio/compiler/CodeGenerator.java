package dev.aio.compiler;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.oracle.truffle.api.bytecode.BytecodeConfig;
import com.oracle.truffle.api.bytecode.BytecodeLabel;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import com.oracle.truffle.api.instrumentation.StandardTags;

import dev.aio.AioLanguage;
import dev.aio.ast.BinaryOperator;
import dev.aio.ast.CompareOperator;
import dev.aio.ast.Expr;
import dev.aio.ast.Node;
import dev.aio.ast.Parameters;
import dev.aio.ast.Pos;
import dev.aio.ast.Stmt;
import dev.aio.asyncio.AwaitSignal;
import dev.aio.nodes.AioRootNode;
import dev.aio.nodes.AioRootNodeGen;
import dev.aio.nodes.ops.CallSite;
import dev.aio.runtime.Numbers;
import dev.aio.runtime.PyCode;
import dev.aio.runtime.PyEllipsis;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;
import dev.aio.runtime.Signature;

/**
 * Emits the bytecode of one function (or the module) through the Bytecode DSL builder; nested
 * functions get their own generator and their own root node.
 */
final class CodeGenerator {
    /** A loop's exit labels, and how many {@code except} handlers enclosed it (see {@link #setHandled}). */
    private record Loop(BytecodeLabel breakLabel, BytecodeLabel continueLabel, int handlerDepth) {
    }

    /**
     * A region whose exit runs cleanup code (a {@code finally} block, a {@code with} statement's
     * exit call). Early exits from inside it record what they were doing in {@code action} (and the
     * return value in {@code value}), jump to {@code exit}, and are carried out again once the
     * cleanup has run.
     */
    private record CleanupRegion(BytecodeLabel exit, BytecodeLocal action, BytecodeLocal value, int loopDepth) {
    }

    private static final long NO_ACTION = 0;
    private static final long RETURN_ACTION = 1;
    private static final long BREAK_ACTION = 2;
    private static final long CONTINUE_ACTION = 3;

    private final AioLanguage language;
    private final AioRootNodeGen.Builder b;
    private final Map<Object, Scope> scopes;
    /** The code of every function, class body and generator expression compiled so far in this module, by syntax node. */
    private final Map<Node, PyCode> compiled;
    private final Scope scope;
    private final SourceMap sourceMap;
    private final String fileName;
    private final String qualPrefix;
    private final boolean isCoroutine;
    /** Compiles this code's awaits. */
    private final AwaitCompiler awaits;
    private final boolean isGenerator;
    /** An interactive chunk's module code: expression statements echo their value (CPython's 'single' mode). */
    private final boolean interactive;
    /**
     * A module's last statement when it is an expression statement: its value is what the module
     * code returns, so that an embedder's {@code context.eval} answers it (as GraalPy's and GraalJS's do).
     */
    private Stmt.ExprStmt resultStatement;
    private BytecodeLocal resultLocal;
    private final Map<String, BytecodeLocal> locals = new HashMap<>();
    private final Deque<Loop> loops = new ArrayDeque<>();
    private final Deque<CleanupRegion> cleanups = new ArrayDeque<>();
    /** The caught exception of each enclosing {@code except} block, innermost first (for bare {@code raise}). */
    private final Deque<BytecodeLocal> handledExceptions = new ArrayDeque<>();
    /** For each enclosing {@code except*} handler, how many loops enclosed it. */
    private final Deque<Integer> exceptStarLoopDepths = new ArrayDeque<>();
    /** Comprehension variables shadow everything else while their comprehension is compiled. */
    private final Deque<Map<String, BytecodeLocal>> comprehensionVars = new ArrayDeque<>();
    /** {@code from __future__ import annotations} (PEP 563): annotations are kept as their source text. */
    private boolean stringAnnotations;

    CodeGenerator(AioLanguage language, AioRootNodeGen.Builder b, Map<Object, Scope> scopes, Map<Node, PyCode> compiled, Scope scope, SourceMap sourceMap, String fileName,
                    String qualPrefix, boolean isCoroutine) {
        this(language, b, scopes, compiled, scope, sourceMap, fileName, qualPrefix, isCoroutine, false);
    }

    CodeGenerator(AioLanguage language, AioRootNodeGen.Builder b, Map<Object, Scope> scopes, Map<Node, PyCode> compiled, Scope scope, SourceMap sourceMap, String fileName,
                    String qualPrefix, boolean isCoroutine, boolean interactive) {
        this.language = language;
        this.b = b;
        this.scopes = scopes;
        this.compiled = compiled;
        this.scope = scope;
        this.sourceMap = sourceMap;
        this.fileName = fileName;
        this.qualPrefix = qualPrefix;
        this.isCoroutine = isCoroutine;
        this.awaits = new AwaitCompiler(b, scope, isCoroutine);
        this.isGenerator = scope.isGenerator && !isCoroutine;
        this.interactive = interactive;
    }

    // ----- roots ----------------------------------------------------------------------------------

    AioRootNode compileModule(List<Stmt> body, Pos pos) {
        stringAnnotations = ScopeAnalyzer.futureAnnotations(body);
        b.beginSourceSection(0, sourceMap.index(Integer.MAX_VALUE, 0));
        b.beginRoot();
        if (isCoroutine) {
            // An interactive chunk with top-level await: its module code is a coroutine's body.
            suspendAtStart();
        }
        initAnnotations(body);
        if (!interactive && !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.ExprStmt last) {
            resultStatement = last;
            resultLocal = b.createLocal();
        }
        statements(body);
        b.beginReturn();
        if (resultLocal != null) {
            b.emitLoadLocal(resultLocal);
        } else {
            b.emitLoadConstant(PyNone.NONE);
        }
        b.endReturn();
        AioRootNode root = b.endRoot();
        b.endSourceSection();
        if (root.getCode() == null) {
            // Not again when the DSL re-parses to add tags: the module keeps its code.
            root.setCode(new PyCode(root, "<module>", "<module>", Signature.ofPositional(), isCoroutine, fileName, 1));
        }
        return root;
    }

    /**
     * Compiles {@code node}'s body into a root node of its own, in a parse of its own: aio closures
     * share variables through cells, so no function needs its enclosing frame. {@code body} emits
     * everything after the root's start (prologue included) with the new root's generator;
     * {@code code} describes the new root.
     * <p>
     * Each node is compiled once per module: when a tool attaches, the Bytecode DSL re-runs the
     * enclosing root's parse to add tag instructions, and that parse must find the code it made the
     * first time (new roots would escape the instrumentation already applied, and cost a compile).
     */
    private PyCode compileRoot(Node node, String qualName, boolean async, Consumer<CodeGenerator> body,
                    Function<AioRootNode, PyCode> code) {
        PyCode done = compiled.get(node);
        if (done != null) {
            return done;
        }
        AioRootNode[] result = new AioRootNode[1];
        AioRootNodeGen.create(language, BytecodeConfig.WITH_SOURCE, nb -> {
            CodeGenerator g = new CodeGenerator(language, nb, scopes, compiled, scopes.get(node), sourceMap, fileName, qualName, async);
            g.stringAnnotations = stringAnnotations;
            int[] range = sourceMap.range(node.pos());
            nb.beginSource(sourceMap.source());
            nb.beginSourceSection(range[0], range[1]);
            nb.beginRoot();
            body.accept(g);
            result[0] = nb.endRoot();
            nb.endSourceSection();
            nb.endSource();
        });
        PyCode made = code.apply(result[0]);
        result[0].setCode(made);
        // A call target now makes the body's statements known to tools with the module: a breakpoint
        // on a line of a function not yet called resolves to that line, not to its enclosing def.
        result[0].getCallTarget();
        PyCode raced = compiled.putIfAbsent(node, made);
        return raced != null ? raced : made;
    }

    private void returnNone() {
        b.beginReturn();
        b.emitLoadConstant(PyNone.NONE);
        b.endReturn();
    }

    /** Compiles a def, async def or lambda body into its own root node. */
    private PyCode compileFunction(Node node, String name, Parameters params, List<Stmt> body, Expr lambdaBody, boolean async) {
        Scope inner = scopes.get(node);
        String qualName = qualPrefix.isEmpty() ? name : qualPrefix + name;
        return compileRoot(node, qualName + ".<locals>.", async, g -> {
            g.prologue(params);
            if (lambdaBody != null) {
                g.b.beginReturn();
                g.expr(lambdaBody);
                g.b.endReturn();
            } else {
                g.statements(body);
                g.returnNone();
            }
        }, root -> {
            PyCode code = new PyCode(root, name, qualName, signature(params), async, inner.isGenerator, fileName, node.pos().line());
            code.setLocalNames(inner.localNames());
            if (lambdaBody == null) {
                code.setDoc(docstring(body));
            }
            return code;
        });
    }

    /** An annotation as PEP 563 keeps it: its source (a string literal as its repr, as ast.unparse gives it). */
    private String annotationText(Expr annotation) {
        if (annotation instanceof Expr.Constant c && c.value() instanceof String s) {
            return PyOps.repr(s);
        }
        int[] range = sourceMap.range(annotation.pos());
        return sourceMap.source().getCharacters().subSequence(range[0], range[0] + range[1]).toString();
    }

    /** The docstring of a function or class body: its first statement, when that is a string literal. */
    private static String docstring(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Constant c && c.value() instanceof String s) {
            return s;
        }
        return null;
    }

    private static Signature signature(Parameters p) {
        List<String> positional = new ArrayList<>();
        p.posOnly().forEach(x -> positional.add(x.name()));
        p.args().forEach(x -> positional.add(x.name()));
        String[] kwOnly = p.kwOnly().stream().map(Parameters.Param::name).toArray(String[]::new);
        return new Signature(positional.toArray(new String[0]), p.posOnly().size(), p.vararg() == null ? null : p.vararg().name(), kwOnly,
                        p.kwarg() == null ? null : p.kwarg().name());
    }

    /** Binds parameters to locals (or cells), loads closure cells, and for a coroutine suspends before the body. */
    private void prologue(Parameters p) {
        b.emitSafepointPoll();
        List<String> slots = new ArrayList<>();
        p.posOnly().forEach(x -> slots.add(x.name()));
        p.args().forEach(x -> slots.add(x.name()));
        if (p.vararg() != null) {
            slots.add(p.vararg().name());
        }
        p.kwOnly().forEach(x -> slots.add(x.name()));
        if (p.kwarg() != null) {
            slots.add(p.kwarg().name());
        }
        for (int i = 0; i < slots.size(); i++) {
            String name = slots.get(i);
            b.beginStoreLocal(local(name));
            if (scope.isCell(name)) {
                b.beginNewCell();
                b.emitLoadArgument(i + 1);
                b.endNewCell();
            } else {
                b.emitLoadArgument(i + 1);
            }
            b.endStoreLocal();
        }
        for (String name : scope.cells) {
            if (!slots.contains(name)) {
                b.beginStoreLocal(local(name));
                b.beginNewCell();
                b.emitLoadNull();
                b.endNewCell();
                b.endStoreLocal();
            }
        }
        int index = 0;
        for (String name : scope.free) {
            b.beginStoreLocal(local(name));
            b.emitLoadClosureCell(index++);
            b.endStoreLocal();
        }
        if (isCoroutine || isGenerator) {
            suspendAtStart();
        }
    }

    /** Calling a coroutine or generator only binds its arguments: the body waits for the first step. */
    private void suspendAtStart() {
        b.beginCheckResume();
        b.beginYield();
        b.emitLoadConstant(AwaitSignal.START);
        b.endYield();
        b.endCheckResume();
    }

    /** {@code __annotations__ = {}} when a class body or module annotates a name directly in it. */
    private void initAnnotations(List<Stmt> body) {
        if (body.stream().anyMatch(st -> st instanceof Stmt.AnnAssign a && a.target() instanceof Expr.Name)) {
            store(new Expr.Name(Pos.NONE, "__annotations__"), () -> {
                b.beginBuildDict();
                b.endBuildDict();
            });
        }
    }

    private BytecodeLocal local(String name) {
        return locals.computeIfAbsent(name, n -> b.createLocal(n, null));
    }

    // ----- statements -----------------------------------------------------------------------------

    private void statements(List<Stmt> body) {
        boolean afterJump = false;
        for (Stmt s : body) {
            statement(s, afterJump);
            afterJump = s instanceof Stmt.Return || s instanceof Stmt.Break || s instanceof Stmt.Continue || s instanceof Stmt.If || s instanceof Stmt.Try;
        }
    }

    /**
     * {@code afterJump}: the statement may follow a return, break or continue. Such code is
     * compiled all the same (for its syntax errors), and a label makes it reachable to the DSL:
     * Truffle 25.0.1 mis-assembles a with or finally nested in code it considers unreachable.
     */
    private void statement(Stmt s, boolean afterJump) {
        int[] range = sourceMap.range(s.pos());
        b.beginSourceSection(range[0], range[1]);
        b.beginTag(StandardTags.StatementTag.class);
        b.beginBlock();
        if (afterJump) {
            b.emitLabel(b.createLabel());
        }
        statementBody(s);
        b.endBlock();
        b.endTag(StandardTags.StatementTag.class);
        b.endSourceSection();
    }

    private void statementBody(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> {
                if (interactive) {
                    b.beginDisplayValue();
                    expr(e.value());
                    b.endDisplayValue();
                } else if (e == resultStatement) {
                    b.beginStoreLocal(resultLocal);
                    expr(e.value());
                    b.endStoreLocal();
                } else {
                    b.beginDropValue();
                    expr(e.value());
                    b.endDropValue();
                }
            }
            case Stmt.Assign a -> assign(a);
            case Stmt.AugAssign a -> augAssign(a);
            case Stmt.AnnAssign a -> {
                if (a.value() != null) {
                    store(a.target(), () -> expr(a.value()));
                }
                if (scope.kind != Scope.Kind.FUNCTION && a.target() instanceof Expr.Name n) {
                    // Class bodies and modules evaluate annotations into __annotations__ (dataclasses read them).
                    b.beginSetItem();
                    load("__annotations__", a.pos());
                    b.emitLoadConstant(n.id());
                    if (stringAnnotations) {
                        b.emitLoadConstant(annotationText(a.annotation()));
                    } else {
                        expr(a.annotation());
                    }
                    b.endSetItem();
                }
            }
            case Stmt.Return r -> {
                if (scope.kind == Scope.Kind.MODULE) {
                    throw new CompileError(r.pos(), "'return' outside function");
                }
                checkNotLeavingExceptStar(r.pos(), -1);
                emitReturn(() -> exprOrNone(r.value()));
            }
            case Stmt.If i -> ifStatement(i);
            case Stmt.While w -> whileStatement(w);
            case Stmt.For f -> forStatement(f);
            case Stmt.Break br -> {
                if (loops.isEmpty()) {
                    throw new CompileError(br.pos(), "'break' outside loop");
                }
                checkNotLeavingExceptStar(br.pos(), loops.size());
                emitLoopExit(BREAK_ACTION);
            }
            case Stmt.Continue c -> {
                if (loops.isEmpty()) {
                    throw new CompileError(c.pos(), "'continue' not properly in loop");
                }
                checkNotLeavingExceptStar(c.pos(), loops.size());
                emitLoopExit(CONTINUE_ACTION);
            }
            case Stmt.Pass p -> {
            }
            case Stmt.FunctionDef f -> functionDef(f);
            case Stmt.Try t -> tryStatement(t);
            case Stmt.Raise r -> raise(r);
            case Stmt.Assert a -> {
                b.beginIfThen();
                b.beginNot();
                expr(a.test());
                b.endNot();
                b.beginAssertionFailed();
                if (a.msg() == null) {
                    b.emitLoadNull();
                } else {
                    expr(a.msg());
                }
                b.endAssertionFailed();
                b.endIfThen();
            }
            case Stmt.Import i -> importStatement(i);
            case Stmt.ImportFrom i -> importFrom(i);
            case Stmt.Global g -> {
            }
            case Stmt.Nonlocal n -> {
                if (scope.kind == Scope.Kind.MODULE) {
                    throw new CompileError(n.pos(), "nonlocal declaration not allowed at module level");
                }
            }
            case Stmt.Delete d -> d.targets().forEach(this::delete);
            case Stmt.ClassDef c -> classDef(c);
            case Stmt.With w -> withStatement(w, 0);
            case Stmt.Match m -> new MatchCompiler(this, b).match(m);
        }
    }

    private void assign(Stmt.Assign a) {
        if (a.targets().size() == 1) {
            store(a.targets().get(0), () -> expr(a.value()));
            return;
        }
        BytecodeLocal tmp = b.createLocal();
        b.beginStoreLocal(tmp);
        expr(a.value());
        b.endStoreLocal();
        for (Expr target : a.targets()) {
            store(target, () -> b.emitLoadLocal(tmp));
        }
    }

    private void augAssign(Stmt.AugAssign a) {
        switch (a.target()) {
            case Expr.Name n -> store(n, () -> inplace(a.op(), () -> load(n.id(), n.pos()), () -> expr(a.value())));
            case Expr.Attribute at -> {
                BytecodeLocal obj = b.createLocal();
                b.beginStoreLocal(obj);
                expr(at.value());
                b.endStoreLocal();
                b.beginSetAttr(at.attr());
                b.emitLoadLocal(obj);
                inplace(a.op(), () -> targetSection(at, () -> {
                    b.beginGetAttr(at.attr());
                    b.emitLoadLocal(obj);
                    b.endGetAttr();
                }), () -> expr(a.value()));
                b.endSetAttr();
            }
            case Expr.Subscript sub -> {
                BytecodeLocal obj = b.createLocal();
                BytecodeLocal index = b.createLocal();
                b.beginStoreLocal(obj);
                expr(sub.value());
                b.endStoreLocal();
                b.beginStoreLocal(index);
                subscriptIndex(sub.slice());
                b.endStoreLocal();
                b.beginSetItem();
                b.emitLoadLocal(obj);
                b.emitLoadLocal(index);
                inplace(a.op(), () -> targetSection(sub, () -> {
                    b.beginGetItem();
                    b.emitLoadLocal(obj);
                    b.emitLoadLocal(index);
                    b.endGetItem();
                }), () -> expr(a.value()));
                b.endSetItem();
            }
            default -> throw new CompileError(a.pos(), "'" + a.target().getClass().getSimpleName() + "' is an illegal expression for augmented assignment");
        }
    }

    /** Emits {@code body} with the source section of {@code target}: a failing load or store points at it, as in CPython. */
    private void targetSection(Expr target, Runnable body) {
        int[] range = sourceMap.range(target.pos());
        if (range == null) {
            body.run();
            return;
        }
        b.beginSourceSection(range[0], range[1]);
        body.run();
        b.endSourceSection();
    }

    private void inplace(BinaryOperator op, Runnable left, Runnable right) {
        if (op == BinaryOperator.ADD) {
            b.beginInplaceAdd();
            left.run();
            right.run();
            b.endInplaceAdd();
        } else {
            binary(op, left, right);
        }
    }

    private void ifStatement(Stmt.If i) {
        if (i.orElse().isEmpty()) {
            b.beginIfThen();
            condition(i.test());
            block(i.body());
            b.endIfThen();
        } else {
            b.beginIfThenElse();
            condition(i.test());
            block(i.body());
            block(i.orElse());
            b.endIfThenElse();
        }
    }

    void block(List<Stmt> body) {
        b.beginBlock();
        statements(body);
        b.endBlock();
    }

    private void condition(Expr test) {
        b.beginToBool();
        expr(test);
        b.endToBool();
    }

    private void whileStatement(Stmt.While w) {
        b.beginBlock();
        BytecodeLabel breakLabel = b.createLabel();
        b.beginWhile();
        condition(w.test());
        b.beginBlock();
        b.emitSafepointPoll();
        BytecodeLabel continueLabel = b.createLabel();
        loops.push(new Loop(breakLabel, continueLabel, handledExceptions.size()));
        statements(w.body());
        loops.pop();
        b.emitLabel(continueLabel);
        b.endBlock();
        b.endWhile();
        statements(w.orElse());
        b.emitLabel(breakLabel);
        b.endBlock();
    }

    private void forStatement(Stmt.For f) {
        if (f.isAsync()) {
            awaits.checkAllowed(f.pos(), "'async for'");
        }
        b.beginBlock();
        BytecodeLabel breakLabel = b.createLabel();
        BytecodeLabel exhausted = b.createLabel();
        iterate(() -> expr(f.iter()), f.isAsync(), f.target(), exhausted, continueLabel -> {
            loops.push(new Loop(breakLabel, continueLabel, handledExceptions.size()));
            statements(f.body());
            loops.pop();
        });
        b.emitLabel(exhausted);
        statements(f.orElse());
        b.emitLabel(breakLabel);
        b.endBlock();
    }

    /**
     * The loop of {@code for target in iterable}: binds each item to the target and runs the body,
     * which gets the label that moves on to the next item; branches to {@code exhausted} at the end.
     * The caller emits {@code exhausted} after it, in the enclosing block.
     */
    private void iterate(Runnable iterable, boolean async, Expr target, BytecodeLabel exhausted, Consumer<BytecodeLabel> body) {
        BytecodeLocal iterator = b.createLocal();
        b.beginStoreLocal(iterator);
        if (async) {
            b.beginGetAIter();
            iterable.run();
            b.endGetAIter();
        } else {
            b.beginGetIter();
            iterable.run();
            b.endGetIter();
        }
        b.endStoreLocal();
        b.beginWhile();
        b.emitLoadConstant(true);
        b.beginBlock();
        b.emitSafepointPoll();
        BytecodeLabel nextItem = b.createLabel();
        BytecodeLocal item = b.createLocal();
        b.beginStoreLocal(item);
        if (async) {
            awaits.awaitValue(() -> {
                b.beginANextOrStop();
                b.emitLoadLocal(iterator);
                b.endANextOrStop();
            });
        } else {
            b.beginIterNext();
            b.emitLoadLocal(iterator);
            b.endIterNext();
        }
        b.endStoreLocal();
        b.beginIfThen();
        b.beginIsNull();
        b.emitLoadLocal(item);
        b.endIsNull();
        b.emitBranch(exhausted);
        b.endIfThen();
        store(target, () -> b.emitLoadLocal(item));
        body.accept(nextItem);
        b.emitLabel(nextItem);
        b.endBlock();
        b.endWhile();
    }

    private void functionDef(Stmt.FunctionDef f) {
        PyCode code = compileFunction(f, f.name(), f.params(), f.body(), null, f.isAsync());
        store(new Expr.Name(f.pos(), scope.mangle(f.name())), () -> decorated(f.decorators(), 0, () -> makeFunction(code, f, f.params())));
    }

    /**
     * {@code class C(bases): body}: the body is compiled like a function that fills the class
     * namespace; BuildClass runs it and makes the class, then the decorators apply.
     */
    private void classDef(Stmt.ClassDef c) {
        for (Expr.Keyword k : c.keywords()) {
            if (k.name() == null) {
                throw new CompileError(k.pos(), "'**' in a class statement is not supported by aio yet");
            }
        }
        String qualName = qualPrefix.isEmpty() ? c.name() : qualPrefix + c.name();
        PyCode body = compileRoot(c, qualName + ".", false, g -> {
            g.prologue(Parameters.EMPTY);
            g.initAnnotations(c.body());
            g.statements(c.body());
            g.returnNone();
        }, root -> {
            PyCode code = new PyCode(root, c.name(), qualName, Signature.ofPositional(), false, fileName, c.pos().line());
            code.setDoc(docstring(c.body()));
            return code;
        });
        store(new Expr.Name(c.pos(), scope.mangle(c.name())), () -> decorated(c.decorators(), 0, () -> {
            b.beginBuildClass(c.name(), c.keywords().stream().map(Expr.Keyword::name).toArray(String[]::new));
            makeFunction(body, c, Parameters.EMPTY);
            c.bases().forEach(this::expr);
            c.keywords().forEach(k -> expr(k.value()));
            b.endBuildClass();
        }));
    }

    private void decorated(List<Expr> decorators, int index, Runnable function) {
        if (index == decorators.size()) {
            function.run();
            return;
        }
        b.beginCallFunction();
        expr(decorators.get(index));
        decorated(decorators, index + 1, function);
        b.endCallFunction();
    }

    private void makeFunction(PyCode code, Node node, Parameters params) {
        Scope inner = scopes.get(node);
        b.beginMakeFunction(code);
        if (params.defaults().isEmpty()) {
            b.emitLoadNull();
        } else {
            b.beginBuildTuple();
            params.defaults().forEach(this::expr);
            b.endBuildTuple();
        }
        boolean anyKwDefault = params.kwDefaults().stream().anyMatch(e -> e != null);
        if (!anyKwDefault) {
            if (params.kwOnly().isEmpty()) {
                b.emitLoadNull();
            } else {
                b.beginBuildDict();
                b.endBuildDict();
            }
        } else {
            b.beginBuildDict();
            for (int i = 0; i < params.kwOnly().size(); i++) {
                Expr d = params.kwDefaults().get(i);
                if (d != null) {
                    b.emitLoadConstant(params.kwOnly().get(i).name());
                    expr(d);
                }
            }
            b.endBuildDict();
        }
        for (String name : inner.free) {
            b.emitLoadLocal(cellLocal(name));
        }
        b.endMakeFunction();
    }

    /** The local holding the cell of a variable this scope shares (its own cell or a free variable's). */
    private BytecodeLocal cellLocal(String name) {
        BytecodeLocal comp = comprehensionVar(name);
        if (comp != null && scope.isComprehensionCell(name)) {
            return comp;
        }
        if (!scope.isCell(name) && !scope.isFree(name)) {
            throw new IllegalStateException("no cell for " + name);
        }
        return local(name);
    }

    private void tryStatement(Stmt.Try t) {
        Runnable tryExcept = t.isStar() ? () -> tryExceptStar(t) : () -> tryExcept(t);
        if (t.finalBody().isEmpty()) {
            tryExcept.run();
            return;
        }
        withCleanup(tryExcept, caught -> {
            finallyOnException(t.finalBody(), caught);
            b.beginReraise();
            b.emitLoadLocal(caught);
            b.endReraise();
        }, () -> block(t.finalBody()));
    }

    /**
     * A {@code finally} block run because its {@code try} raised: as in CPython, that exception is
     * the one being handled meanwhile ({@code sys.exc_info()}, a bare {@code raise}), and anything
     * the block raises gets it as its {@code __context__}.
     */
    private void finallyOnException(List<Stmt> body, BytecodeLocal caught) {
        handling(caught, () -> block(body));
    }

    /**
     * Runs {@code body} while {@code caught} is the exception being handled (an except block, a
     * finally block run by an exception): {@code sys.exc_info()} and a bare {@code raise} see it,
     * and whatever the body raises gets it as its context.
     */
    private void handling(BytecodeLocal caught, Runnable body) {
        BytecodeLocal outer = handledExceptions.peek();
        b.beginTryCatch();
        b.beginBlock();
        setHandled(caught);
        handledExceptions.push(caught);
        body.run();
        handledExceptions.pop();
        setHandled(outer);
        b.endBlock();
        b.beginBlock();
        setHandled(outer);
        b.beginChainAndReraise();
        b.emitLoadException();
        b.emitLoadLocal(caught);
        b.endChainAndReraise();
        b.endBlock();
        b.endTryCatch();
    }

    /**
     * Runs {@code body}; when it raises, {@code onException} runs with the caught exception (and
     * must re-raise it or not); otherwise {@code onExit} runs, also on return, break and continue,
     * which are then carried out. (The DSL's TryFinally would inline the cleanup at each early
     * exit, which Truffle 25.0.1 mis-assembles when the cleanup contains a loop.)
     */
    private void withCleanup(Runnable body, Consumer<BytecodeLocal> onException, Runnable onExit) {
        b.beginBlock();
        CleanupRegion region = new CleanupRegion(b.createLabel(), b.createLocal(), b.createLocal(), loops.size());
        b.beginStoreLocal(region.action());
        b.emitLoadConstant(NO_ACTION);
        b.endStoreLocal();
        b.beginTryCatch();
        b.beginBlock();
        cleanups.push(region);
        body.run();
        cleanups.pop();
        b.endBlock();
        b.beginBlock();
        BytecodeLocal caught = spill(b::emitLoadException);
        onException.accept(caught);
        b.endBlock();
        b.endTryCatch();
        b.emitLabel(region.exit());
        onExit.run();
        if (scope.kind == Scope.Kind.FUNCTION) {
            resumeAction(region, RETURN_ACTION, () -> emitReturn(() -> b.emitLoadLocal(region.value())));
        }
        if (region.loopDepth() > 0) {
            resumeAction(region, BREAK_ACTION, () -> emitLoopExit(BREAK_ACTION));
            resumeAction(region, CONTINUE_ACTION, () -> emitLoopExit(CONTINUE_ACTION));
        }
        b.endBlock();
    }

    private void resumeAction(CleanupRegion region, long action, Runnable carryOut) {
        b.beginIfThen();
        b.beginEq();
        b.emitLoadLocal(region.action());
        b.emitLoadConstant(action);
        b.endEq();
        b.beginBlock();
        carryOut.run();
        b.endBlock();
        b.endIfThen();
    }

    /** {@code return value}: through the cleanup of every region it leaves. */
    private void emitReturn(Runnable value) {
        CleanupRegion region = cleanups.peek();
        if (region == null) {
            b.beginReturn();
            value.run();
            b.endReturn();
            return;
        }
        b.beginStoreLocal(region.value());
        value.run();
        b.endStoreLocal();
        leaveRegion(region, RETURN_ACTION);
    }

    /** {@code break}/{@code continue}: direct when the loop is inside the innermost cleanup region. */
    private void emitLoopExit(long action) {
        Loop innermost = loops.peek();
        if (innermost.handlerDepth() < handledExceptions.size()) {
            // Leaving except blocks: the exception they handled is no longer being handled.
            List<BytecodeLocal> handlers = new ArrayList<>(handledExceptions);
            setHandled(innermost.handlerDepth() == 0 ? null : handlers.get(handlers.size() - innermost.handlerDepth()));
        }
        CleanupRegion region = cleanups.peek();
        if (region == null || loops.size() > region.loopDepth()) {
            Loop loop = loops.peek();
            b.emitBranch(action == BREAK_ACTION ? loop.breakLabel() : loop.continueLabel());
            return;
        }
        leaveRegion(region, action);
    }

    private void leaveRegion(CleanupRegion region, long action) {
        b.beginStoreLocal(region.action());
        b.emitLoadConstant(action);
        b.endStoreLocal();
        b.emitBranch(region.exit());
    }

    private void tryExcept(Stmt.Try t) {
        if (t.handlers().isEmpty()) {
            block(t.body());
            statements(t.orElse());
            return;
        }
        BytecodeLocal completed = null;
        if (!t.orElse().isEmpty()) {
            completed = b.createLocal();
            b.beginStoreLocal(completed);
            b.emitLoadConstant(false);
            b.endStoreLocal();
        }
        b.beginTryCatch();
        b.beginBlock();
        statements(t.body());
        if (completed != null) {
            b.beginStoreLocal(completed);
            b.emitLoadConstant(true);
            b.endStoreLocal();
        }
        b.endBlock();
        b.beginBlock();
        BytecodeLocal caught = b.createLocal();
        b.beginStoreLocal(caught);
        b.emitLoadException();
        b.endStoreLocal();
        handlers(t.handlers(), 0, caught);
        b.endBlock();
        b.endTryCatch();
        if (completed != null) {
            b.beginIfThen();
            b.emitLoadLocal(completed);
            block(t.orElse());
            b.endIfThen();
        }
    }

    /**
     * {@code try ... except* T ...}: each handler runs once on the part of the exception (group)
     * its types match; what is left, and what the handlers raise, is raised at the end.
     */
    private void tryExceptStar(Stmt.Try t) {
        BytecodeLocal completed = null;
        if (!t.orElse().isEmpty()) {
            completed = b.createLocal();
            b.beginStoreLocal(completed);
            b.emitLoadConstant(false);
            b.endStoreLocal();
        }
        b.beginTryCatch();
        b.beginBlock();
        statements(t.body());
        if (completed != null) {
            b.beginStoreLocal(completed);
            b.emitLoadConstant(true);
            b.endStoreLocal();
        }
        b.endBlock();
        b.beginBlock();
        BytecodeLocal state = b.createLocal();
        b.beginStoreLocal(state);
        b.beginExceptStarBegin();
        b.emitLoadException();
        b.endExceptStarBegin();
        b.endStoreLocal();
        for (Stmt.ExceptHandler h : t.handlers()) {
            starHandler(h, state);
        }
        b.beginExceptStarEnd();
        b.emitLoadLocal(state);
        b.endExceptStarEnd();
        b.endBlock();
        b.endTryCatch();
        if (completed != null) {
            b.beginIfThen();
            b.emitLoadLocal(completed);
            block(t.orElse());
            b.endIfThen();
        }
    }

    /** PEP 654: an except* handler always runs to its end (return: {@code loopDepth} -1). */
    private void checkNotLeavingExceptStar(Pos pos, int loopDepth) {
        Integer handlerLoops = exceptStarLoopDepths.peek();
        if (handlerLoops != null && (loopDepth < 0 || loopDepth <= handlerLoops)) {
            throw new CompileError(pos, "'break', 'continue' and 'return' cannot appear in an except* block");
        }
    }

    private void starHandler(Stmt.ExceptHandler h, BytecodeLocal state) {
        int[] range = sourceMap.range(h.pos());
        b.beginSourceSection(range[0], range[1]);
        b.beginIfThen();
        b.beginExceptStarMatch();
        b.emitLoadLocal(state);
        expr(h.type());
        b.endExceptStarMatch();
        b.beginBlock();
        BytecodeLocal match = b.createLocal();
        b.beginStoreLocal(match);
        b.beginExceptStarCurrentMatch();
        b.emitLoadLocal(state);
        b.endExceptStarCurrentMatch();
        b.endStoreLocal();
        if (h.name() != null) {
            store(new Expr.Name(h.pos(), h.name()), () -> b.emitLoadLocal(match));
        }
        b.beginTryCatch();
        b.beginBlock();
        handledExceptions.push(match);
        exceptStarLoopDepths.push(loops.size());
        statements(h.body());
        exceptStarLoopDepths.pop();
        handledExceptions.pop();
        b.endBlock();
        b.beginExceptStarHandlerRaised();
        b.emitLoadLocal(state);
        b.emitLoadException();
        b.endExceptStarHandlerRaised();
        b.endTryCatch();
        if (h.name() != null) {
            unbind(h.name());
        }
        b.endBlock();
        b.endIfThen();
        b.endSourceSection();
    }

    private void handlers(List<Stmt.ExceptHandler> handlers, int index, BytecodeLocal caught) {
        if (index == handlers.size()) {
            b.beginReraise();
            b.emitLoadLocal(caught);
            b.endReraise();
            return;
        }
        Stmt.ExceptHandler h = handlers.get(index);
        if (h.type() == null) {
            handlerBody(h, caught);
            return;
        }
        b.beginIfThenElse();
        b.beginExceptionMatches();
        b.emitLoadLocal(caught);
        expr(h.type());
        b.endExceptionMatches();
        handlerBody(h, caught);
        b.beginBlock();
        handlers(handlers, index + 1, caught);
        b.endBlock();
        b.endIfThenElse();
    }

    /** The handler's body; anything it raises gets the caught exception as its context. */
    private void handlerBody(Stmt.ExceptHandler h, BytecodeLocal caught) {
        int[] range = sourceMap.range(h.pos());
        b.beginSourceSection(range[0], range[1]);
        b.beginBlock();
        if (h.name() != null) {
            store(new Expr.Name(h.pos(), h.name()), () -> {
                b.beginExceptionValue();
                b.emitLoadLocal(caught);
                b.endExceptionValue();
            });
        }
        handling(caught, () -> statements(h.body()));
        if (h.name() != null) {
            unbind(h.name());
        }
        b.endBlock();
        b.endSourceSection();
    }

    /**
     * Records in the frame which exception its innermost running {@code except} block handles
     * ({@code null}: none), for {@code sys.exc_info()}, which reads it from the frames on the stack.
     */
    private void setHandled(BytecodeLocal caught) {
        b.beginStoreLocal(local(CallSite.HANDLED_EXCEPTION_LOCAL));
        if (caught == null) {
            b.emitLoadNull();
        } else {
            b.emitLoadLocal(caught);
        }
        b.endStoreLocal();
    }

    /** {@code except E as e} unbinds {@code e} after the handler, as Python does. */
    private void unbind(String name) {
        if (scope.kind == Scope.Kind.FUNCTION && scope.isLocal(name) && !scope.isCell(name)) {
            b.beginStoreLocal(local(name));
            b.emitLoadNull();
            b.endStoreLocal();
        }
    }

    private void raise(Stmt.Raise r) {
        if (r.exc() == null) {
            b.beginReraise();
            if (handledExceptions.isEmpty()) {
                b.emitLoadNull();
            } else {
                b.emitLoadLocal(handledExceptions.peek());
            }
            b.endReraise();
            return;
        }
        b.beginRaiseException();
        expr(r.exc());
        if (r.cause() == null) {
            b.emitLoadNull();
        } else {
            expr(r.cause());
        }
        b.endRaiseException();
    }

    private void importStatement(Stmt.Import i) {
        for (Stmt.Alias alias : i.names()) {
            String[] parts = alias.name().split("\\.");
            if (alias.asName() == null) {
                store(new Expr.Name(alias.pos(), parts[0]), () -> b.emitImportModule(alias.name()));
            } else {
                // The module itself, from sys.modules: its package may not have the attribute yet (circular imports).
                store(new Expr.Name(alias.pos(), alias.asName()), () -> b.emitImportSubmodule(alias.name()));
            }
        }
    }

    private void importFrom(Stmt.ImportFrom i) {
        BytecodeLocal module = b.createLocal();
        b.beginStoreLocal(module);
        if (i.level() > 0) {
            b.emitImportRelative(i.module() == null ? "" : i.module(), i.level());
        } else {
            b.emitImportSubmodule(i.module());
        }
        b.endStoreLocal();
        for (Stmt.Alias alias : i.names()) {
            if (alias.name().equals("*")) {
                if (scope.kind != Scope.Kind.MODULE) {
                    throw new CompileError(alias.pos(), "import * only allowed at module level");
                }
                b.beginImportStar();
                b.emitLoadLocal(module);
                b.endImportStar();
                continue;
            }
            store(new Expr.Name(alias.pos(), alias.asName() != null ? alias.asName() : alias.name()), () -> {
                b.beginImportFrom(alias.name());
                b.emitLoadLocal(module);
                b.endImportFrom();
            });
        }
    }

    private void delete(Expr target) {
        switch (target) {
            case Expr.Name n -> {
                BytecodeLocal comp = comprehensionVar(n.id());
                if (comp == null && scope.kind == Scope.Kind.CLASS && scope.isLocal(n.id())) {
                    b.emitDeleteClassName(n.id());
                } else if (comp == null && scope.kind == Scope.Kind.FUNCTION && scope.isLocal(n.id()) && !scope.isCell(n.id())) {
                    b.beginBlock();
                    load(n.id(), n.pos());
                    b.beginStoreLocal(local(n.id()));
                    b.emitLoadNull();
                    b.endStoreLocal();
                    b.endBlock();
                } else if (comp == null && !scope.isShared(n.id())) {
                    b.emitDeleteGlobal(n.id());
                } else {
                    throw new CompileError(n.pos(), "deleting a variable shared with a closure is not supported by aio yet");
                }
            }
            case Expr.Subscript s -> {
                b.beginDelItem();
                expr(s.value());
                subscriptIndex(s.slice());
                b.endDelItem();
            }
            case Expr.Attribute a -> {
                b.beginDelAttr(a.attr());
                expr(a.value());
                b.endDelAttr();
            }
            case Expr.Tuple t -> t.elts().forEach(this::delete);
            case Expr.ListExpr l -> l.elts().forEach(this::delete);
            default -> throw new CompileError(target.pos(), "cannot delete this expression in aio yet");
        }
    }

    // ----- names and stores ---------------------------------------------------------------------------

    private BytecodeLocal comprehensionVar(String name) {
        for (Map<String, BytecodeLocal> vars : comprehensionVars) {
            BytecodeLocal l = vars.get(name);
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    private void load(String name, Pos pos) {
        BytecodeLocal comp = comprehensionVar(name);
        if (comp != null && scope.isComprehensionCell(name)) {
            b.beginCellGet(name, false);
            b.emitLoadLocal(comp);
            b.endCellGet();
        } else if (comp != null) {
            b.emitLoadLocal(comp);
        } else if (scope.isShared(name)) {
            b.beginCellGet(name, scope.isFree(name));
            b.emitLoadLocal(local(name));
            b.endCellGet();
        } else if (scope.kind == Scope.Kind.CLASS && !scope.declaredGlobal.contains(name)) {
            b.emitLoadClassName(name);
        } else if (scope.isAlwaysBound(name)) {
            b.emitLoadLocal(local(name));
        } else if (scope.isLocal(name)) {
            b.beginCheckBound(name);
            b.emitLoadLocal(local(name));
            b.endCheckBound();
        } else {
            b.emitLoadGlobal(name);
        }
    }

    /** Stores the value {@code value} emits into {@code target}. */
    void store(Expr target, Runnable value) {
        switch (target) {
            case Expr.Name n -> {
                String name = n.id();
                BytecodeLocal comp = comprehensionVar(name);
                if (comp != null && scope.isComprehensionCell(name)) {
                    b.beginCellSet();
                    b.emitLoadLocal(comp);
                    value.run();
                    b.endCellSet();
                } else if (comp != null) {
                    b.beginStoreLocal(comp);
                    value.run();
                    b.endStoreLocal();
                } else if (scope.isShared(name)) {
                    b.beginCellSet();
                    b.emitLoadLocal(local(name));
                    value.run();
                    b.endCellSet();
                } else if (scope.kind == Scope.Kind.CLASS && scope.isLocal(name)) {
                    b.beginStoreClassName(name);
                    value.run();
                    b.endStoreClassName();
                } else if (scope.isLocal(name)) {
                    b.beginStoreLocal(local(name));
                    value.run();
                    b.endStoreLocal();
                } else {
                    b.beginStoreGlobal(name);
                    value.run();
                    b.endStoreGlobal();
                }
            }
            case Expr.Attribute a -> {
                BytecodeLocal tmp = spill(value);
                inSection(a, () -> {
                    b.beginSetAttr(a.attr());
                    expr(a.value());
                    b.emitLoadLocal(tmp);
                    b.endSetAttr();
                });
            }
            case Expr.Subscript s -> {
                BytecodeLocal tmp = spill(value);
                inSection(s, () -> {
                    b.beginSetItem();
                    expr(s.value());
                    subscriptIndex(s.slice());
                    b.emitLoadLocal(tmp);
                    b.endSetItem();
                });
            }
            case Expr.Tuple t -> unpackInto(t.elts(), value, t.pos());
            case Expr.ListExpr l -> unpackInto(l.elts(), value, l.pos());
            default -> throw new CompileError(target.pos(), "cannot assign to this expression");
        }
    }

    private BytecodeLocal spill(Runnable value) {
        BytecodeLocal tmp = b.createLocal();
        b.beginStoreLocal(tmp);
        value.run();
        b.endStoreLocal();
        return tmp;
    }

    private void unpackInto(List<Expr> targets, Runnable value, Pos pos) {
        int star = -1;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) instanceof Expr.Starred) {
                if (star >= 0) {
                    throw new CompileError(pos, "multiple starred expressions in assignment");
                }
                star = i;
            }
        }
        BytecodeLocal items = b.createLocal();
        b.beginStoreLocal(items);
        if (star < 0) {
            b.beginUnpack(targets.size());
            value.run();
            b.endUnpack();
        } else {
            b.beginUnpackStarred(star, targets.size() - star - 1);
            value.run();
            b.endUnpackStarred();
        }
        b.endStoreLocal();
        for (int i = 0; i < targets.size(); i++) {
            Expr t = targets.get(i);
            Expr dest = t instanceof Expr.Starred s ? s.value() : t;
            int index = i;
            store(dest, () -> {
                b.beginArrayElement(index);
                b.emitLoadLocal(items);
                b.endArrayElement();
            });
        }
    }

    // ----- expressions ----------------------------------------------------------------------------------

    private void exprOrNone(Expr e) {
        if (e == null) {
            b.emitLoadConstant(PyNone.NONE);
        } else {
            expr(e);
        }
    }

    void expr(Expr e) {
        if (e instanceof Expr.Constant c) {
            constant(c.value());
            return;
        }
        inSection(e, () -> exprBody(e));
    }

    /** Code that tracebacks attribute to {@code e} (marked with ^^^ under it). */
    private void inSection(Expr e, Runnable code) {
        section(e.pos(), code);
    }

    /** Code that tracebacks attribute to the source at {@code pos}. */
    void section(Pos pos, Runnable code) {
        int[] range = sourceMap.range(pos);
        if (range == null) {
            code.run();
            return;
        }
        b.beginSourceSection(range[0], range[1]);
        code.run();
        b.endSourceSection();
    }

    private void constant(Object value) {
        if (value == Expr.Constant.NONE) {
            b.emitLoadConstant(PyNone.NONE);
        } else if (value == Expr.Constant.ELLIPSIS) {
            b.emitLoadConstant(PyEllipsis.ELLIPSIS);
        } else if (value instanceof BigInteger big) {
            b.emitLoadConstant(Numbers.normalize(big));
        } else {
            b.emitLoadConstant(value);
        }
    }

    private void exprBody(Expr e) {
        switch (e) {
            case Expr.Constant c -> constant(c.value());
            case Expr.Name n -> load(n.id(), n.pos());
            case Expr.BinOp bin -> binary(bin.op(), () -> expr(bin.left()), () -> expr(bin.right()));
            case Expr.UnaryOp u -> unary(u);
            case Expr.BoolOp bo -> {
                if (bo.isAnd()) {
                    b.beginBoolAnd();
                } else {
                    b.beginBoolOr();
                }
                bo.values().forEach(this::expr);
                if (bo.isAnd()) {
                    b.endBoolAnd();
                } else {
                    b.endBoolOr();
                }
            }
            case Expr.Compare c -> compare(c);
            case Expr.IfExp i -> {
                b.beginConditional();
                condition(i.test());
                expr(i.body());
                expr(i.orElse());
                b.endConditional();
            }
            case Expr.Call c -> call(c);
            case Expr.Attribute a -> {
                b.beginGetAttr(a.attr());
                expr(a.value());
                b.endGetAttr();
            }
            case Expr.Subscript s -> {
                b.beginGetItem();
                expr(s.value());
                subscriptIndex(s.slice());
                b.endGetItem();
            }
            case Expr.ListExpr l -> sequence(l.elts(), false);
            case Expr.Tuple t -> sequence(t.elts(), true);
            case Expr.Set s -> setDisplay(s.elts());
            case Expr.Dict d -> dictDisplay(d);
            case Expr.ListComp c -> comprehension(c.generators(), ComprehensionKind.LIST, c.elt(), null);
            case Expr.SetComp c -> comprehension(c.generators(), ComprehensionKind.SET, c.elt(), null);
            case Expr.DictComp c -> comprehension(c.generators(), ComprehensionKind.DICT, c.key(), c.value());
            case Expr.GeneratorExp g -> generatorExpression(g);
            case Expr.JoinedStr j -> joinedString(j);
            case Expr.FormattedValue f -> formattedValue(f);
            case Expr.Await a -> awaits.await(a.pos(), () -> expr(a.value()));
            case Expr.Lambda l -> {
                PyCode code = compileFunction(l, "<lambda>", l.params(), null, l.body(), false);
                makeFunction(code, l, l.params());
            }
            case Expr.NamedExpr n -> {
                BytecodeLocal tmp = spill(() -> expr(n.value()));
                b.beginBlock();
                store(n.target(), () -> b.emitLoadLocal(tmp));
                b.emitLoadLocal(tmp);
                b.endBlock();
            }
            case Expr.Starred s -> throw new CompileError(s.pos(), "can't use starred expression here");
            case Expr.Slice s -> throw new CompileError(s.pos(), "invalid syntax");
            case Expr.Yield y -> {
                checkYieldAllowed(y.pos());
                b.beginResumed();
                b.beginYield();
                if (isCoroutine) {
                    // In an async generator a yield hands a value to the consumer; awaits pass futures up.
                    b.beginProduce();
                    exprOrNone(y.value());
                    b.endProduce();
                } else {
                    exprOrNone(y.value());
                }
                b.endYield();
                b.endResumed();
            }
            case Expr.YieldFrom y -> {
                checkYieldAllowed(y.pos());
                if (isCoroutine) {
                    throw new CompileError(y.pos(), "'yield from' inside async function");
                }
                awaits.delegate(() -> {
                    b.beginGetYieldFromIter();
                    expr(y.value());
                    b.endGetYieldFromIter();
                });
            }
        }
    }

    private void subscriptIndex(Expr slice) {
        if (slice instanceof Expr.Slice s) {
            b.beginBuildSlice();
            exprOrNone(s.lower());
            exprOrNone(s.upper());
            exprOrNone(s.step());
            b.endBuildSlice();
        } else {
            expr(slice);
        }
    }

    private void binary(BinaryOperator op, Runnable left, Runnable right) {
        switch (op) {
            case ADD -> {
                b.beginAdd();
                left.run();
                right.run();
                b.endAdd();
            }
            case SUB -> {
                b.beginSub();
                left.run();
                right.run();
                b.endSub();
            }
            case MULT -> {
                b.beginMul();
                left.run();
                right.run();
                b.endMul();
            }
            default -> {
                b.beginBinaryOp(op);
                left.run();
                right.run();
                b.endBinaryOp();
            }
        }
    }

    private void unary(Expr.UnaryOp u) {
        switch (u.op()) {
            case NOT -> {
                b.beginNot();
                expr(u.operand());
                b.endNot();
            }
            case USUB -> {
                b.beginNeg();
                expr(u.operand());
                b.endNeg();
            }
            case UADD -> {
                b.beginPos();
                expr(u.operand());
                b.endPos();
            }
            case INVERT -> {
                b.beginInvert();
                expr(u.operand());
                b.endInvert();
            }
        }
    }

    private void compare(Expr.Compare c) {
        if (c.ops().size() == 1) {
            compareOp(c.ops().get(0), () -> expr(c.left()), () -> expr(c.comparators().get(0)));
            return;
        }
        // a < b < c: each middle operand is evaluated once and kept for the next comparison.
        b.beginBoolAnd();
        BytecodeLocal previous = b.createLocal();
        for (int i = 0; i < c.ops().size(); i++) {
            int k = i;
            Runnable left = i == 0 ? () -> expr(c.left()) : () -> b.emitLoadLocal(previous);
            boolean last = i == c.ops().size() - 1;
            Runnable right = last ? () -> expr(c.comparators().get(k)) : () -> {
                b.beginBlock();
                b.beginStoreLocal(previous);
                expr(c.comparators().get(k));
                b.endStoreLocal();
                b.emitLoadLocal(previous);
                b.endBlock();
            };
            compareOp(c.ops().get(i), left, right);
        }
        b.endBoolAnd();
    }

    private void compareOp(CompareOperator op, Runnable left, Runnable right) {
        switch (op) {
            case EQ -> b.beginEq();
            case NOT_EQ -> b.beginNotEq();
            case LT -> b.beginLt();
            case LT_E -> b.beginLtE();
            case GT -> b.beginGt();
            case GT_E -> b.beginGtE();
            case IS -> b.beginIs();
            case IS_NOT -> b.beginIsNot();
            case IN -> b.beginIn();
            case NOT_IN -> b.beginNotIn();
        }
        left.run();
        right.run();
        switch (op) {
            case EQ -> b.endEq();
            case NOT_EQ -> b.endNotEq();
            case LT -> b.endLt();
            case LT_E -> b.endLtE();
            case GT -> b.endGt();
            case GT_E -> b.endGtE();
            case IS -> b.endIs();
            case IS_NOT -> b.endIsNot();
            case IN -> b.endIn();
            case NOT_IN -> b.endNotIn();
        }
    }

    private void call(Expr.Call c) {
        if (c.func() instanceof Expr.Name n && n.id().equals("super") && c.args().isEmpty() && c.keywords().isEmpty() && scope.kind == Scope.Kind.FUNCTION
                        && !scope.isLocal("super") && comprehensionVar("super") == null) {
            // super() with no arguments: the class the method was defined in, and its first argument.
            b.emitZeroArgSuper();
            return;
        }
        boolean starred = c.args().stream().anyMatch(a -> a instanceof Expr.Starred) || c.keywords().stream().anyMatch(k -> k.name() == null);
        if (starred) {
            b.beginCallVarargs();
            expr(c.func());
            sequenceAsList(c.args());
            if (c.keywords().isEmpty()) {
                b.emitLoadNull();
            } else {
                keywordsAsDict(c.keywords());
            }
            b.endCallVarargs();
        } else if (!c.keywords().isEmpty()) {
            String[] names = c.keywords().stream().map(Expr.Keyword::name).toArray(String[]::new);
            b.beginCallWithKeywords(names);
            expr(c.func());
            c.args().forEach(this::expr);
            c.keywords().forEach(k -> expr(k.value()));
            b.endCallWithKeywords();
        } else if (c.func() instanceof Expr.Attribute a) {
            b.beginCallMethod(a.attr());
            expr(a.value());
            c.args().forEach(this::expr);
            b.endCallMethod();
        } else {
            b.beginCallFunction();
            expr(c.func());
            c.args().forEach(this::expr);
            b.endCallFunction();
        }
    }

    private void keywordsAsDict(List<Expr.Keyword> keywords) {
        BytecodeLocal dict = b.createLocal();
        b.beginBlock();
        b.beginStoreLocal(dict);
        b.beginBuildDict();
        b.endBuildDict();
        b.endStoreLocal();
        for (Expr.Keyword k : keywords) {
            if (k.name() == null) {
                b.beginDictUpdate();
                b.emitLoadLocal(dict);
                expr(k.value());
                b.endDictUpdate();
            } else {
                b.beginDictSet();
                b.emitLoadLocal(dict);
                b.emitLoadConstant(k.name());
                expr(k.value());
                b.endDictSet();
            }
        }
        b.emitLoadLocal(dict);
        b.endBlock();
    }

    private void sequence(List<Expr> elts, boolean tuple) {
        if (elts.stream().anyMatch(x -> x instanceof Expr.Starred)) {
            if (tuple) {
                b.beginListToTuple();
                sequenceAsList(elts);
                b.endListToTuple();
            } else {
                sequenceAsList(elts);
            }
            return;
        }
        if (tuple) {
            b.beginBuildTuple();
            elts.forEach(this::expr);
            b.endBuildTuple();
        } else {
            b.beginBuildList();
            elts.forEach(this::expr);
            b.endBuildList();
        }
    }

    /** A new list from items, where {@code *x} items are spliced in. */
    private void sequenceAsList(List<Expr> elts) {
        BytecodeLocal list = b.createLocal();
        b.beginBlock();
        b.beginStoreLocal(list);
        b.beginBuildList();
        b.endBuildList();
        b.endStoreLocal();
        for (Expr x : elts) {
            if (x instanceof Expr.Starred s) {
                b.beginListExtend();
                b.emitLoadLocal(list);
                expr(s.value());
                b.endListExtend();
            } else {
                b.beginListAppend();
                b.emitLoadLocal(list);
                expr(x);
                b.endListAppend();
            }
        }
        b.emitLoadLocal(list);
        b.endBlock();
    }

    private void setDisplay(List<Expr> elts) {
        BytecodeLocal set = b.createLocal();
        b.beginBlock();
        b.beginStoreLocal(set);
        b.beginBuildSet();
        b.endBuildSet();
        b.endStoreLocal();
        for (Expr x : elts) {
            if (x instanceof Expr.Starred s) {
                b.beginSetUpdate();
                b.emitLoadLocal(set);
                expr(s.value());
                b.endSetUpdate();
            } else {
                b.beginSetAdd();
                b.emitLoadLocal(set);
                expr(x);
                b.endSetAdd();
            }
        }
        b.emitLoadLocal(set);
        b.endBlock();
    }

    private void dictDisplay(Expr.Dict d) {
        BytecodeLocal dict = b.createLocal();
        b.beginBlock();
        b.beginStoreLocal(dict);
        b.beginBuildDict();
        b.endBuildDict();
        b.endStoreLocal();
        for (int i = 0; i < d.keys().size(); i++) {
            Expr k = d.keys().get(i);
            if (k == null) {
                b.beginDictUpdate();
                b.emitLoadLocal(dict);
                expr(d.values().get(i));
                b.endDictUpdate();
            } else {
                b.beginDictSet();
                b.emitLoadLocal(dict);
                expr(k);
                expr(d.values().get(i));
                b.endDictSet();
            }
        }
        b.emitLoadLocal(dict);
        b.endBlock();
    }

    private enum ComprehensionKind {
        LIST, SET, DICT
    }

    /** Comprehensions run inline with hidden locals for their variables (generator expressions are evaluated eagerly). */
    private void comprehension(List<Expr.Comprehension> generators, ComprehensionKind kind, Expr elt, Expr value) {
        BytecodeLocal result = b.createLocal();
        b.beginBlock();
        b.beginStoreLocal(result);
        switch (kind) {
            case LIST -> {
                b.beginBuildList();
                b.endBuildList();
            }
            case SET -> {
                b.beginBuildSet();
                b.endBuildSet();
            }
            case DICT -> {
                b.beginBuildDict();
                b.endBuildDict();
            }
        }
        b.endStoreLocal();
        comprehensionVars.push(new HashMap<>());
        comprehensionLoop(generators, 0, () -> {
            switch (kind) {
                case LIST -> {
                    b.beginListAppend();
                    b.emitLoadLocal(result);
                    expr(elt);
                    b.endListAppend();
                }
                case SET -> {
                    b.beginSetAdd();
                    b.emitLoadLocal(result);
                    expr(elt);
                    b.endSetAdd();
                }
                case DICT -> {
                    b.beginDictSet();
                    b.emitLoadLocal(result);
                    expr(elt);
                    expr(value);
                    b.endDictSet();
                }
            }
        });
        comprehensionVars.pop();
        b.emitLoadLocal(result);
        b.endBlock();
    }

    private void comprehensionLoop(List<Expr.Comprehension> generators, int index, Runnable body) {
        comprehensionLoop(generators, index, null, body);
    }

    /** {@code firstIterable}, when given, emits the outermost iterable instead of its expression (generator expressions). */
    private void comprehensionLoop(List<Expr.Comprehension> generators, int index, Runnable firstIterable, Runnable body) {
        if (index == generators.size()) {
            body.run();
            return;
        }
        Expr.Comprehension gen = generators.get(index);
        if (gen.isAsync()) {
            awaits.checkAllowed(gen.iter().pos(), "asynchronous comprehension");
        }
        b.beginBlock();
        BytecodeLabel exhausted = b.createLabel();
        declareTargets(gen.target());
        Runnable iterable = index == 0 && firstIterable != null ? firstIterable : () -> expr(gen.iter());
        iterate(iterable, gen.isAsync(), gen.target(), exhausted, nextItem -> {
            for (Expr cond : gen.ifs()) {
                b.beginIfThen();
                b.beginNot();
                expr(cond);
                b.endNot();
                b.emitBranch(nextItem);
                b.endIfThen();
            }
            comprehensionLoop(generators, index + 1, body);
        });
        b.emitLabel(exhausted);
        b.endBlock();
    }

    private void declareTargets(Expr target) {
        switch (target) {
            case Expr.Name n -> {
                BytecodeLocal local = b.createLocal(n.id(), null);
                comprehensionVars.peek().put(n.id(), local);
                if (scope.isComprehensionCell(n.id())) {
                    // A lambda in the comprehension captures the variable: one cell for the whole run.
                    b.beginStoreLocal(local);
                    b.beginNewCell();
                    b.emitLoadNull();
                    b.endNewCell();
                    b.endStoreLocal();
                }
            }
            case Expr.Tuple t -> t.elts().forEach(this::declareTargets);
            case Expr.ListExpr l -> l.elts().forEach(this::declareTargets);
            case Expr.Starred s -> declareTargets(s.value());
            default -> {
            }
        }
    }

    private void joinedString(Expr.JoinedStr j) {
        b.beginBuildString();
        for (Expr part : j.values()) {
            if (part instanceof Expr.Constant c) {
                b.emitLoadConstant(c.value());
            } else {
                expr(part);
            }
        }
        b.endBuildString();
    }

    private void formattedValue(Expr.FormattedValue f) {
        b.beginFormatValue(f.conversion());
        expr(f.value());
        if (f.formatSpec() == null) {
            b.emitLoadNull();
        } else {
            expr(f.formatSpec());
        }
        b.endFormatValue();
    }

    private void checkYieldAllowed(Pos pos) {
        if (scope.kind != Scope.Kind.FUNCTION) {
            throw new CompileError(pos, "'yield' outside function");
        }
    }

    /**
     * A generator expression: a small generator function over the first iterable (evaluated here,
     * as Python does), called at once.
     */
    private void generatorExpression(Expr.GeneratorExp g) {
        String qualName = qualPrefix + "<genexpr>";
        Parameters params = new Parameters(List.of(), List.of(new Parameters.Param(g.pos(), ".0", null)), null, List.of(), List.of(), null, List.of());
        PyCode code = compileRoot(g, qualName + ".<locals>.", false, gen -> {
            gen.prologue(params);
            gen.comprehensionVars.push(new HashMap<>());
            gen.comprehensionLoop(g.generators(), 0, () -> gen.b.emitLoadLocal(gen.local(".0")), () -> {
                gen.b.beginResumed();
                gen.b.beginYield();
                gen.expr(g.elt());
                gen.b.endYield();
                gen.b.endResumed();
            });
            gen.comprehensionVars.pop();
            gen.returnNone();
        }, root -> new PyCode(root, "<genexpr>", qualName, Signature.ofPositional(".0"), false, true, fileName, g.pos().line()));
        b.beginCallFunction();
        makeFunction(code, g, Parameters.EMPTY);
        b.beginGetIter();
        expr(g.generators().get(0).iter());
        b.endGetIter();
        b.endCallFunction();
    }

    /**
     * {@code with m as t: body} and {@code async with}, per PEP 343: the exit method is looked up
     * first, then the enter method called; the body's normal and early exits (return, break,
     * continue) call {@code exit(None, None, None)}, an exception calls {@code exit(type, value,
     * None)} and is re-raised unless that returns true. Several items nest.
     */
    private void withStatement(Stmt.With w, int index) {
        if (index == w.items().size()) {
            statements(w.body());
            return;
        }
        if (w.isAsync()) {
            awaits.checkAllowed(w.pos(), "'async with'");
        }
        Stmt.WithItem item = w.items().get(index);
        boolean async = w.isAsync();
        b.beginBlock();
        BytecodeLocal manager = spill(() -> expr(item.contextExpr()));
        BytecodeLocal exit = spill(() -> {
            b.beginContextExit(async);
            b.emitLoadLocal(manager);
            b.endContextExit();
        });
        BytecodeLocal entered = spill(() -> awaits.awaitIf(async, () -> {
            b.beginContextEnter(async);
            b.emitLoadLocal(manager);
            b.endContextEnter();
        }));
        BytecodeLocal suppressed = b.createLocal();
        b.beginStoreLocal(suppressed);
        b.emitLoadConstant(false);
        b.endStoreLocal();
        withCleanup(() -> {
            if (item.optionalVars() != null) {
                store(item.optionalVars(), () -> b.emitLoadLocal(entered));
            }
            withStatement(w, index + 1);
        }, caught -> {
            // exit() runs while the exception is being handled: what it raises gets it as context.
            b.beginTryCatch();
            b.beginIfThenElse();
            b.beginToBool();
            awaits.awaitIf(async, () -> {
                b.beginCallFunction();
                b.emitLoadLocal(exit);
                b.beginExceptionType();
                b.emitLoadLocal(caught);
                b.endExceptionType();
                b.beginExceptionValue();
                b.emitLoadLocal(caught);
                b.endExceptionValue();
                b.beginExceptionTraceback();
                b.emitLoadLocal(caught);
                b.endExceptionTraceback();
                b.endCallFunction();
            });
            b.endToBool();
            b.beginStoreLocal(suppressed);
            b.emitLoadConstant(true);
            b.endStoreLocal();
            b.beginReraise();
            b.emitLoadLocal(caught);
            b.endReraise();
            b.endIfThenElse();
            b.beginChainAndReraise();
            b.emitLoadException();
            b.emitLoadLocal(caught);
            b.endChainAndReraise();
            b.endTryCatch();
        }, () -> {
            // A suppressed exception already called exit; every other way out calls exit(None, None, None).
            b.beginIfThen();
            b.beginNot();
            b.emitLoadLocal(suppressed);
            b.endNot();
            awaits.awaitIf(async, () -> {
                b.beginCallFunction();
                b.emitLoadLocal(exit);
                b.emitLoadConstant(PyNone.NONE);
                b.emitLoadConstant(PyNone.NONE);
                b.emitLoadConstant(PyNone.NONE);
                b.endCallFunction();
            });
            b.endIfThen();
        });
        b.endBlock();
    }


}
