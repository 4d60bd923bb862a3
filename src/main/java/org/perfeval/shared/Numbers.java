package org.perfeval.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scores and money are kept at full precision and shown with two decimals, half-up. */
public final class Numbers {

    private Numbers() {
    }

    public static String twoDecimals(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
