package org.perfeval.scoring;

import java.math.BigDecimal;

/**
 * A target or actual as written on a form, read apart: an optional leading operator, a number with
 * what follows it (the unit), or just text. {@code number} is null when the text is not a number.
 */
public record ParsedValue(Operator operator, BigDecimal number, String unit, String text) {

    public boolean isNumber() {
        return number != null;
    }

    /**
     * A number, a unit, and then digits again ("≥10家100%", "=100%100%"): two values run together.
     * Digits after a letter (m2, km3), a slash (人/10万人) or in a date (2024年3月) are a normal unit.
     */
    public boolean garbled() {
        if (number == null || unit == null) {
            return false;
        }
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            if (c >= '0' && c <= '9') {
                char before = i == 0 ? ' ' : unit.charAt(i - 1);
                boolean letter = before < 128 && Character.isLetter(before);
                if (!letter && before != '/' && before != '年' && before != '月' && !(before >= '0' && before <= '9')
                        && before != '.') {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same value read as text only: a garbled target is not a number to score against. */
    public ParsedValue asText() {
        return new ParsedValue(operator, null, null, text);
    }

    public boolean isBlank() {
        return text == null || text.isBlank();
    }
}
