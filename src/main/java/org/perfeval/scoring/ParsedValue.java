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

    public boolean isBlank() {
        return text == null || text.isBlank();
    }
}
