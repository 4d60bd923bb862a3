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

    /**
     * A target as people read it: the typed codes ("&gt;=95%", "&lt;=2%") as the symbols the form
     * shows ("≥95%", "≤2%"). Text without a code stays as it is.
     */
    public static String readable(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replace(">=", "≥").replace("<=", "≤");
        if (t.startsWith(">")) {
            t = "＞" + t.substring(1);
        } else if (t.startsWith("<")) {
            t = "＜" + t.substring(1);
        }
        return t;
    }

    /** With the operator chosen apart from the text: "≥" and "95%" as "≥95%", never "≥≥95%". */
    public static String readable(String operator, String target) {
        String t = readable(target);
        Operator op = of(operator);
        if (op == null || t == null || t.isBlank() || of(t.substring(0, 1)) != null
                || t.startsWith("≥") || t.startsWith("≤")) {
            return t;
        }
        return op.symbol() + t;
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
