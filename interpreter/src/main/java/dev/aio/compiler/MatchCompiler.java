package dev.aio.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.bytecode.BytecodeLabel;
import com.oracle.truffle.api.bytecode.BytecodeLocal;

import dev.aio.ast.Expr;
import dev.aio.ast.Pattern;
import dev.aio.ast.Pos;
import dev.aio.ast.Stmt;
import dev.aio.ast.UnaryOperator;
import dev.aio.nodes.AioRootNodeGen;
import dev.aio.runtime.PyNone;
import dev.aio.runtime.PyOps;

/**
 * How the {@code match} statement compiles, after CPython 3.11's compiler (Python/compile.c,
 * {@code compiler_match} and {@code compiler_pattern_*}): the subject is evaluated once; each
 * case's pattern is a run of checks, each branching to the case's end when it fails; the names
 * a pattern captures are held in temporaries and bound only once the whole pattern matched, then
 * the guard runs. The errors CPython's compiler reports (unreachable cases, names bound twice or
 * differently by alternatives...) point where CPython's do: at the pattern being compiled.
 */
final class MatchCompiler {
    private final CodeGenerator gen;
    private final AioRootNodeGen.Builder b;
    /** CPython's {@code SET_LOC}: the pattern compiled last, where a compile error points. */
    private Pos loc;

    MatchCompiler(CodeGenerator gen, AioRootNodeGen.Builder b) {
        this.gen = gen;
        this.b = b;
    }

    void match(Stmt.Match m) {
        b.beginBlock();
        BytecodeLocal subject = b.createLocal();
        b.beginStoreLocal(subject);
        gen.expr(m.subject());
        b.endStoreLocal();
        BytecodeLabel end = b.createLabel();
        List<Stmt.MatchCase> cases = m.cases();
        for (int i = 0; i < cases.size(); i++) {
            Stmt.MatchCase c = cases.get(i);
            b.beginBlock();
            BytecodeLabel fail = b.createLabel();
            Map<String, BytecodeLocal> captures = new LinkedHashMap<>();
            gen.section(c.pattern().pos(), () -> pattern(c.pattern(), subject, fail, captures, c.guard() != null || c == cases.get(cases.size() - 1)));
            for (Map.Entry<String, BytecodeLocal> capture : captures.entrySet()) {
                gen.store(new Expr.Name(c.pattern().pos(), capture.getKey()), () -> b.emitLoadLocal(capture.getValue()));
            }
            if (c.guard() != null) {
                failUnless(fail, () -> gen.expr(c.guard()));
            }
            gen.block(c.body());
            b.emitBranch(end);
            b.emitLabel(fail);
            b.endBlock();
        }
        b.emitLabel(end);
        b.endBlock();
    }

    /** Branches to {@code fail} unless the value {@code test} emits is true. */
    private void failUnless(BytecodeLabel fail, Runnable test) {
        b.beginIfThen();
        b.beginNot();
        test.run();
        b.endNot();
        b.emitBranch(fail);
        b.endIfThen();
    }

    private void failIfNull(BytecodeLabel fail, BytecodeLocal value) {
        b.beginIfThen();
        b.beginIsNull();
        b.emitLoadLocal(value);
        b.endIsNull();
        b.emitBranch(fail);
        b.endIfThen();
    }

    /**
     * Emits the checks of {@code p} against the value in {@code subject}. {@code allowIrrefutable}:
     * whether a capture or wildcard may stand here (not in a case other than the last unguarded
     * one, nor in an alternative other than the last).
     */
    private void pattern(Pattern p, BytecodeLocal subject, BytecodeLabel fail, Map<String, BytecodeLocal> captures, boolean allowIrrefutable) {
        loc = p.pos();
        switch (p) {
            case Pattern.MatchAs a -> {
                if (a.pattern() == null) {
                    if (!allowIrrefutable) {
                        throw new CompileError(loc, a.name() == null ? "wildcard makes remaining patterns unreachable"
                                        : "name capture '" + a.name() + "' makes remaining patterns unreachable");
                    }
                } else {
                    pattern(a.pattern(), subject, fail, captures, allowIrrefutable);
                }
                if (a.name() != null) {
                    capture(a.name(), subject, captures);
                }
            }
            case Pattern.MatchStar s -> {
                if (s.name() != null) {
                    capture(s.name(), subject, captures);
                }
            }
            case Pattern.MatchValue v -> failUnless(fail, () -> {
                b.beginEq();
                b.emitLoadLocal(subject);
                gen.expr(v.value());
                b.endEq();
            });
            case Pattern.MatchSingleton s -> failUnless(fail, () -> {
                b.beginIs();
                b.emitLoadLocal(subject);
                b.emitLoadConstant(s.value() == Expr.Constant.NONE ? PyNone.NONE : s.value());
                b.endIs();
            });
            case Pattern.MatchSequence s -> sequence(s, subject, fail, captures);
            case Pattern.MatchMapping m -> mapping(m, subject, fail, captures);
            case Pattern.MatchClass c -> classPattern(c, subject, fail, captures);
            case Pattern.MatchOr o -> alternatives(o, subject, fail, captures, allowIrrefutable);
        }
    }

    private void capture(String name, BytecodeLocal value, Map<String, BytecodeLocal> captures) {
        if (captures.containsKey(name)) {
            throw new CompileError(loc, "multiple assignments to name '" + name + "' in pattern");
        }
        BytecodeLocal held = b.createLocal();
        captures.put(name, held);
        b.beginStoreLocal(held);
        b.emitLoadLocal(value);
        b.endStoreLocal();
    }

    /** Matches each sub-pattern against its item of {@code values} (an {@code Object[]} in a local). */
    private void subpatterns(List<Pattern> patterns, BytecodeLocal values, BytecodeLabel fail, Map<String, BytecodeLocal> captures) {
        for (int i = 0; i < patterns.size(); i++) {
            Pattern sub = patterns.get(i);
            if (sub instanceof Pattern.MatchAs a && a.pattern() == null && a.name() == null) {
                loc = sub.pos();
                continue;
            }
            BytecodeLocal item = b.createLocal();
            b.beginStoreLocal(item);
            b.beginArrayElement(i);
            b.emitLoadLocal(values);
            b.endArrayElement();
            b.endStoreLocal();
            pattern(sub, item, fail, captures, true);
        }
    }

    private void sequence(Pattern.MatchSequence s, BytecodeLocal subject, BytecodeLabel fail, Map<String, BytecodeLocal> captures) {
        int star = -1;
        for (int i = 0; i < s.patterns().size(); i++) {
            if (s.patterns().get(i) instanceof Pattern.MatchStar) {
                if (star >= 0) {
                    throw new CompileError(loc, "multiple starred names in sequence pattern");
                }
                star = i;
            }
        }
        BytecodeLocal items = b.createLocal();
        b.beginStoreLocal(items);
        b.beginMatchSequence(star < 0 ? s.patterns().size() : star, star < 0 ? -1 : s.patterns().size() - star - 1);
        b.emitLoadLocal(subject);
        b.endMatchSequence();
        b.endStoreLocal();
        failIfNull(fail, items);
        subpatterns(s.patterns(), items, fail, captures);
    }

    private void mapping(Pattern.MatchMapping m, BytecodeLocal subject, BytecodeLabel fail, Map<String, BytecodeLocal> captures) {
        checkDuplicateKeys(m.keys());
        BytecodeLocal values = b.createLocal();
        b.beginStoreLocal(values);
        b.beginMatchMapping(m.rest() != null);
        b.emitLoadLocal(subject);
        for (Expr key : m.keys()) {
            gen.expr(key);
        }
        b.endMatchMapping();
        b.endStoreLocal();
        failIfNull(fail, values);
        subpatterns(m.patterns(), values, fail, captures);
        if (m.rest() != null) {
            BytecodeLocal rest = b.createLocal();
            b.beginStoreLocal(rest);
            b.beginArrayElement(m.keys().size());
            b.emitLoadLocal(values);
            b.endArrayElement();
            b.endStoreLocal();
            capture(m.rest(), rest, captures);
        }
    }

    /** Literal keys that are equal are CPython's compile-time error. */
    private void checkDuplicateKeys(List<Expr> keys) {
        List<Object> seen = new ArrayList<>();
        for (Expr key : keys) {
            Object value = literal(key);
            if (value == null) {
                continue;
            }
            for (Object other : seen) {
                if (PyOps.eq(other, value)) {
                    throw new CompileError(loc, "mapping pattern checks duplicate key (" + PyOps.repr(value) + ")");
                }
            }
            seen.add(value);
        }
    }

    /** The value of a literal key, {@code null} for a dotted name (and for the complex literals). */
    private static Object literal(Expr key) {
        if (key instanceof Expr.Constant c) {
            return c.value() == Expr.Constant.NONE ? PyNone.NONE : c.value();
        }
        if (key instanceof Expr.UnaryOp u && u.op() == UnaryOperator.USUB && u.operand() instanceof Expr.Constant c) {
            return switch (c.value()) {
                case Long l when l != Long.MIN_VALUE -> -l;
                case Double d -> -d;
                default -> null;
            };
        }
        return null;
    }

    private void classPattern(Pattern.MatchClass c, BytecodeLocal subject, BytecodeLabel fail, Map<String, BytecodeLocal> captures) {
        List<String> names = c.kwdAttrs();
        for (int i = 0; i < names.size(); i++) {
            if (names.subList(0, i).contains(names.get(i))) {
                loc = c.kwdPatterns().get(i).pos();
                throw new CompileError(loc, "attribute name repeated in class pattern: " + names.get(i));
            }
        }
        BytecodeLocal values = b.createLocal();
        b.beginStoreLocal(values);
        b.beginMatchClass(c.patterns().size(), names.toArray(String[]::new));
        b.emitLoadLocal(subject);
        gen.expr(c.cls());
        b.endMatchClass();
        b.endStoreLocal();
        failIfNull(fail, values);
        List<Pattern> all = new ArrayList<>(c.patterns());
        all.addAll(c.kwdPatterns());
        subpatterns(all, values, fail, captures);
    }

    /** {@code p1 | p2}: each alternative in turn; every one must bind the same names. */
    private void alternatives(Pattern.MatchOr o, BytecodeLocal subject, BytecodeLabel fail, Map<String, BytecodeLocal> captures, boolean allowIrrefutable) {
        b.beginBlock();
        BytecodeLabel matched = b.createLabel();
        Map<String, BytecodeLocal> bound = null;
        List<Pattern> alts = o.patterns();
        for (int i = 0; i < alts.size(); i++) {
            b.beginBlock();
            BytecodeLabel next = b.createLabel();
            Map<String, BytecodeLocal> own = new LinkedHashMap<>();
            pattern(alts.get(i), subject, next, own, allowIrrefutable && i == alts.size() - 1);
            if (bound == null) {
                bound = new LinkedHashMap<>();
                for (String name : own.keySet()) {
                    bound.put(name, b.createLocal());
                }
            } else if (!bound.keySet().equals(own.keySet())) {
                throw new CompileError(loc, "alternative patterns bind different names");
            }
            for (Map.Entry<String, BytecodeLocal> e : own.entrySet()) {
                b.beginStoreLocal(bound.get(e.getKey()));
                b.emitLoadLocal(e.getValue());
                b.endStoreLocal();
            }
            b.emitBranch(matched);
            b.emitLabel(next);
            b.endBlock();
        }
        b.emitBranch(fail);
        b.emitLabel(matched);
        b.endBlock();
        for (Map.Entry<String, BytecodeLocal> e : bound.entrySet()) {
            capture(e.getKey(), e.getValue(), captures);
        }
    }
}
