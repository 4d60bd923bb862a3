package org.perfeval.scoring;

import java.math.BigDecimal;

/** formulaScore is null for qualitative rows; score is the effective score. */
public record IndicatorScore(int index, IndicatorKind kind, BigDecimal formulaScore, BigDecimal score) {
}
