package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;

/**
 * Interim scorer: execution score and claimed indicator scores, weights check only. Replaced by
 * the rule-set driven implementation (issue 3); the public methods stay.
 */
public final class Scorer {

    public Set<String> ruleSetNames() {
        return Set.of("national-2020");
    }

    public ScoringResult score(EvaluationForm form) {
        List<Finding> findings = new ArrayList<>();
        List<BudgetLineScore> lines = new ArrayList<>();
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal execution = BigDecimal.ZERO;
        for (int i = 0; i < form.getBudgetLines().size(); i++) {
            BudgetLine line = form.getBudgetLines().get(i);
            if (line.getWeight() == null) {
                continue;
            }
            weights = weights.add(line.getWeight());
            BigDecimal rate = BigDecimal.ZERO;
            if (line.getAnnualBudget() != null && line.getExecuted() != null && line.getAnnualBudget().signum() > 0) {
                rate = line.getExecuted().divide(line.getAnnualBudget(), 10, RoundingMode.HALF_UP);
            }
            BigDecimal score = line.getWeight().multiply(rate.min(BigDecimal.ONE));
            execution = execution.add(score);
            lines.add(new BudgetLineScore(i, rate, score));
        }
        List<IndicatorScore> indicators = new ArrayList<>();
        BigDecimal indicatorTotal = BigDecimal.ZERO;
        for (int i = 0; i < form.getIndicators().size(); i++) {
            Indicator row = form.getIndicators().get(i);
            if (row.getWeight() == null) {
                continue;
            }
            weights = weights.add(row.getWeight());
            BigDecimal score = row.getClaimedScore() == null ? BigDecimal.ZERO : row.getClaimedScore().min(row.getWeight());
            indicatorTotal = indicatorTotal.add(score);
            indicators.add(new IndicatorScore(i, IndicatorKind.QUALITATIVE, null, score));
        }
        if (weights.compareTo(BigDecimal.valueOf(100)) != 0) {
            findings.add(new Finding("WEIGHTS_NOT_100", Severity.ERROR, "indicators",
                    "各项分值合计为 " + weights.stripTrailingZeros().toPlainString() + " 分，应为 100 分。"));
        }
        BigDecimal total = execution.add(indicatorTotal);
        return new ScoringResult("national-2020", lines, indicators, execution, indicatorTotal, BigDecimal.ZERO,
                total, grade(total), findings);
    }

    private static String grade(BigDecimal total) {
        if (total.compareTo(BigDecimal.valueOf(90)) >= 0) return "优";
        if (total.compareTo(BigDecimal.valueOf(80)) >= 0) return "良";
        if (total.compareTo(BigDecimal.valueOf(60)) >= 0) return "中";
        return "差";
    }
}
