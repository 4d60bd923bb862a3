package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Arithmetic at full precision inside; two decimals, half-up, only for display. */
public final class Scores {
    static final MathContext MC = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scores() {
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC);
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * A computed figure as the form prints it: half-up to the decimals the claimed figure carries,
     * at least two. Every comparison of a claimed figure with a computed one goes through this, so a
     * unit is never faulted for rounding the way every printed form rounds.
     */
    static BigDecimal asPrinted(BigDecimal computed, BigDecimal claimed) {
        return computed.setScale(decimals(claimed), RoundingMode.HALF_UP);
    }

    /** The claimed figure is higher than the computed one even after rounding the computed one as printed. */
    static boolean above(BigDecimal claimed, BigDecimal computed) {
        return claimed.compareTo(asPrinted(computed, claimed)) > 0;
    }

    /** The claimed figure and the computed one, rounded as printed, are further apart than the tolerance. */
    static boolean differ(BigDecimal claimed, BigDecimal computed, BigDecimal tolerance) {
        return claimed.subtract(asPrinted(computed, claimed)).abs().compareTo(tolerance) > 0;
    }

    /** A claimed figure shown with its own decimals (at least two), so a message quotes what was typed. */
    static String shown(BigDecimal claimed) {
        return claimed.setScale(decimals(claimed), RoundingMode.HALF_UP).toPlainString();
    }

    /** A computed figure shown with the decimals of the claimed figure it is compared with. */
    static String shown(BigDecimal computed, BigDecimal claimed) {
        return asPrinted(computed, claimed).toPlainString();
    }

    private static int decimals(BigDecimal claimed) {
        return Math.max(2, claimed.stripTrailingZeros().scale());
    }

    public static String display(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
