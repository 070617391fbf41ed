package dev.aio.ast;

import java.util.List;

/** Expressions of aio's Python subset, shaped after CPython's {@code ast} module. */
public sealed interface Expr extends Node {

    /** {@code a and b and c} / {@code a or b}. */
    record BoolOp(Pos pos, boolean isAnd, List<Expr> values) implements Expr {}

    /** {@code (x := value)}. */
    record NamedExpr(Pos pos, Name target, Expr value) implements Expr {}

    record BinOp(Pos pos, Expr left, BinaryOperator op, Expr right) implements Expr {}

    record UnaryOp(Pos pos, UnaryOperator op, Expr operand) implements Expr {}

    record Lambda(Pos pos, Parameters params, Expr body) implements Expr {}

    /** {@code body if test else orElse}. */
    record IfExp(Pos pos, Expr test, Expr body, Expr orElse) implements Expr {}

    /** A dict display; a {@code null} key marks a {@code **mapping} entry whose value is the mapping. */
    record Dict(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {}

    record Set(Pos pos, List<Expr> elts) implements Expr {}

    record ListComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    record SetComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    record DictComp(Pos pos, Expr key, Expr value, List<Comprehension> generators) implements Expr {}

    record GeneratorExp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    record Await(Pos pos, Expr value) implements Expr {}

    /** {@code yield} or {@code yield value}; value may be {@code null}. */
    record Yield(Pos pos, Expr value) implements Expr {}

    record YieldFrom(Pos pos, Expr value) implements Expr {}

    /** A chained comparison {@code left ops[0] comparators[0] ops[1] comparators[1] ...}. */
    record Compare(Pos pos, Expr left, List<CompareOperator> ops, List<Expr> comparators) implements Expr {}

    /** A call; {@code args} may contain {@link Starred}; a keyword with a {@code null} name is {@code **mapping}. */
    record Call(Pos pos, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {}

    /**
     * One replacement field of an f-string: {@code {value!conversion:formatSpec}}. conversion is
     * -1 (none), 's', 'r' or 'a'; formatSpec is {@code null} or a {@link JoinedStr} (it may itself
     * contain replacement fields).
     */
    record FormattedValue(Pos pos, Expr value, int conversion, Expr formatSpec) implements Expr {}

    /** An f-string: the concatenation of its {@link Constant} string parts and {@link FormattedValue}s. */
    record JoinedStr(Pos pos, List<Expr> values) implements Expr {}

    /**
     * A literal. value is a {@code Long} (when the int fits) or {@code java.math.BigInteger}, a
     * {@code Double}, a {@code PyComplex} (an imaginary literal), a {@code String} (escapes already decoded, adjacent literals concatenated), a
     * {@code Boolean}, {@link Constant#NONE} or {@link Constant#ELLIPSIS}.
     */
    record Constant(Pos pos, Object value) implements Expr {
        public static final Object NONE = new Object() {
            @Override
            public String toString() {
                return "None";
            }
        };
        public static final Object ELLIPSIS = new Object() {
            @Override
            public String toString() {
                return "Ellipsis";
            }
        };

        public Constant {
            // CPython interns string constants made of name characters, so equal ones are one object
            // (identity shows in pickle's memo: a dict key and an attribute name pickle once).
            if (value instanceof String s && isNameLike(s)) {
                value = s.intern();
            }
        }

        private static boolean isNameLike(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code value.attr}; names are interned, as CPython's identifiers are. */
    record Attribute(Pos pos, Expr value, String attr) implements Expr {
        public Attribute {
            attr = attr.intern();
        }
    }

    /** {@code value[slice]}; a tuple index {@code a[1, 2]} arrives as a {@link Tuple}. */
    record Subscript(Pos pos, Expr value, Expr slice) implements Expr {}

    /** {@code *value} in a call, a display or an assignment target. */
    record Starred(Pos pos, Expr value) implements Expr {}

    record Name(Pos pos, String id) implements Expr {
        public Name {
            id = id.intern();
        }
    }

    record ListExpr(Pos pos, List<Expr> elts) implements Expr {}

    record Tuple(Pos pos, List<Expr> elts) implements Expr {}

    /** {@code lower:upper:step} inside a subscript; each part may be {@code null}. */
    record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {}

    /** One {@code for target in iter if cond...} clause of a comprehension. */
    record Comprehension(Expr target, Expr iter, List<Expr> ifs, boolean isAsync) {}

    /** {@code name=value} in a call; name {@code null} means {@code **value}. */
    record Keyword(Pos pos, String name, Expr value) {
        public Keyword {
            name = name == null ? null : name.intern();
        }
    }
}
