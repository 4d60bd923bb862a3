package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * formulaScore is null for qualitative rows; score is the effective score; subIndicators holds the
 * scores of a composite row's 分项指标 (empty for other rows).
 */
public record IndicatorScore(int index, IndicatorKind kind, BigDecimal formulaScore, BigDecimal score,
                             List<SubIndicatorScore> subIndicators) {

    public IndicatorScore {
        subIndicators = subIndicators == null ? List.of() : List.copyOf(subIndicators);
    }

    public IndicatorScore(int index, IndicatorKind kind, BigDecimal formulaScore, BigDecimal score) {
        this(index, kind, formulaScore, score, List.of());
    }
}
