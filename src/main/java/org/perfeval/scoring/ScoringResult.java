package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.List;

/** What the scoring module returns for one form, in the shape of the spec's scoring result. */
public record ScoringResult(
        String ruleSet,
        List<BudgetLineScore> budgetLines,
        List<IndicatorScore> indicators,
        BigDecimal executionScore,
        BigDecimal indicatorScore,
        BigDecimal deduction,
        BigDecimal total,
        String grade,
        List<Finding> findings) {

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
