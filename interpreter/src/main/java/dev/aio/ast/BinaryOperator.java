package dev.aio.ast;

/** Python's binary (and augmented-assignment) operators, with their source spelling. */
public enum BinaryOperator {
    ADD("+"), SUB("-"), MULT("*"), MATMULT("@"), DIV("/"), MOD("%"), POW("**"),
    LSHIFT("<<"), RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&"), FLOORDIV("//");

    public final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }
}
