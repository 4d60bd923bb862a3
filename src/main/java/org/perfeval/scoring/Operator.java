package org.perfeval.scoring;

/** 运算符号 of a quantitative indicator. A bare number ("100%") counts as ≥. */
public enum Operator {
    GE(">=", "≥"), GT(">", "＞"), LE("<=", "≤"), LT("<", "＜"), EQ("=", "＝");

    private final String code;
    private final String symbol;

    Operator(String code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    public String code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    /** More is better. */
    public boolean positive() {
        return this == GE || this == GT;
    }

    /** Less is better. */
    public boolean negative() {
        return this == LE || this == LT;
    }

    /** Reads ">=", "≥", "＞" …; null for anything else. */
    public static Operator of(String text) {
        if (text == null) {
            return null;
        }
        String t = ValueParser.normalize(text).strip();
        for (Operator op : values()) {
            if (op.code.equals(t)) {
                return op;
            }
        }
        return null;
    }
}
