package dev.aio.ast;

public enum CompareOperator {
    EQ("=="), NOT_EQ("!="), LT("<"), LT_E("<="), GT(">"), GT_E(">="), IS("is"), IS_NOT("is not"), IN("in"), NOT_IN("not in");

    public final String symbol;

    CompareOperator(String symbol) {
        this.symbol = symbol;
    }
}
