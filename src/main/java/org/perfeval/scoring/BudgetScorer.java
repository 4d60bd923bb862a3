package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.BudgetLineRole;
import org.perfeval.exchange.FieldCatalogue;

/** 预算执行: the rate and score of each scored budget line, and the checks of the budget block. */
final class BudgetScorer {
    /** The amounts a unit types in; the printed balance may be negative, the split initial budget is not checked here. */
    private static final List<FieldCatalogue.Field<BudgetLine>> AMOUNTS = Stream.of("initialBudget", "annualBudget", "executed")
            .map(path -> FieldCatalogue.field(FieldCatalogue.BUDGET_LINE, path)).toList();

    private final RuleSet rules;

    BudgetScorer(RuleSet rules) {
        this.rules = rules;
    }

    static boolean scored(BudgetLine line) {
        return line.getWeight() != null && line.getRole() != BudgetLineRole.SOURCE;
    }

    /** Checks every row; returns the score of a scored row, or null for a row that is not scored. */
    BudgetLineScore score(int index, BudgetLine line, List<Finding> findings) {
        String at = "budgetLines[" + index + "]";
        String name = label(line, index);
        for (FieldCatalogue.Field<BudgetLine> field : AMOUNTS) {
            negative(at + "." + field.path(), name + field.label(), (BigDecimal) field.get(line), findings);
        }
        BigDecimal rate = rate(line);
        if (rate != null && line.getStatedRate() != null) {
            BigDecimal percent = rate.multiply(Scores.HUNDRED);
            if (Scores.differ(line.getStatedRate(), percent, rules.tolerance())) {
                findings.add(new Finding("EXECUTION_RATE_MISMATCH", Severity.WARNING, at + ".statedRate",
                        name + "执行率填写为 " + Scores.shown(line.getStatedRate()) + "%，按全年执行数÷全年预算数应为 "
                                + Scores.shown(percent, line.getStatedRate()) + "%。请核对。"));
            }
        }
        if (line.getBalance() != null && line.getAnnualBudget() != null && line.getExecuted() != null) {
            BigDecimal expected = line.getAnnualBudget().subtract(line.getExecuted());
            if (Scores.differ(line.getBalance(), expected, rules.tolerance())) {
                findings.add(new Finding("BALANCE_MISMATCH", Severity.WARNING, at + ".balance",
                        name + "结余填写为 " + Scores.shown(line.getBalance()) + "，全年预算数减全年执行数应为 "
                                + Scores.shown(expected, line.getBalance()) + "。请核对。"));
            }
        }
        if (line.getAnnualBudget() != null && line.getExecuted() != null
                && line.getExecuted().compareTo(line.getAnnualBudget()) > 0) {
            findings.add(new Finding("EXECUTED_ABOVE_BUDGET", Severity.WARNING, at + ".executed",
                    name + "全年执行数 " + Scores.display(line.getExecuted()) + " 超过全年预算数 "
                            + Scores.display(line.getAnnualBudget()) + "。如确有超支请说明原因，否则请核对数字。"));
        }
        if (!scored(line)) {
            return null;
        }
        if (line.getClaimedScore() != null && line.getClaimedScore().compareTo(line.getWeight()) > 0) {
            findings.add(new Finding("SCORE_ABOVE_WEIGHT", Severity.ERROR, at + ".claimedScore",
                    name + "得分 " + Scores.display(line.getClaimedScore()) + " 超过分值 "
                            + Scores.display(line.getWeight()) + "，得分不能高于分值。"));
        }
        if (line.getAnnualBudget() == null || line.getExecuted() == null || line.getAnnualBudget().signum() <= 0) {
            findings.add(new Finding("MISSING_ACTUAL", Severity.ERROR,
                    at + (line.getExecuted() == null ? ".executed" : ".annualBudget"),
                    name + "请填写大于 0 的全年预算数和全年执行数，才能计算预算执行率得分。"));
            return new BudgetLineScore(index, null, BigDecimal.ZERO);
        }
        BigDecimal formula = line.getWeight().multiply(executionShare(line, rate), Scores.MC);
        BigDecimal score = formula;
        BigDecimal claimed = line.getClaimedScore();
        if (claimed != null && claimed.compareTo(line.getWeight()) <= 0) {
            if (Scores.above(claimed, formula)) {
                findings.add(new Finding("SCORE_ABOVE_FORMULA", Severity.ERROR, at + ".claimedScore",
                        name + "预算执行得分填写为 " + Scores.shown(claimed) + "，按执行率 "
                                + Scores.display(rate.multiply(Scores.HUNDRED)) + "% 计算最多 " + Scores.shown(formula, claimed)
                                + " 分。请改为不超过 " + Scores.shown(formula, claimed) + " 分。"));
            } else {
                // Accepted as printed: the claimed figure counts, so the total adds up as the form prints it.
                score = claimed.max(BigDecimal.ZERO);
            }
        }
        return new BudgetLineScore(index, rate, score);
    }

    private BigDecimal executionShare(BudgetLine line, BigDecimal rate) {
        if (rules.execution().mode() == RuleSet.ExecutionMode.PROGRESS) {
            BigDecimal threshold = rules.execution().progressThreshold();
            BigDecimal progress = averageProgress(line);
            BigDecimal percent = progress != null ? progress : rate.multiply(Scores.HUNDRED);
            return percent.compareTo(threshold) >= 0 ? BigDecimal.ONE
                    : Scores.divide(percent.max(BigDecimal.ZERO), threshold);
        }
        return Scores.min(rate, BigDecimal.ONE);
    }

    private static BigDecimal averageProgress(BudgetLine line) {
        List<BigDecimal> q = line.getQuarterlyProgress();
        if (q == null || q.isEmpty() || q.stream().anyMatch(v -> v == null)) {
            return null;
        }
        BigDecimal sum = q.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Scores.divide(sum, BigDecimal.valueOf(q.size()));
    }

    static BigDecimal rate(BudgetLine line) {
        if (line.getAnnualBudget() == null || line.getExecuted() == null || line.getAnnualBudget().signum() <= 0) {
            return null;
        }
        return Scores.divide(line.getExecuted(), line.getAnnualBudget());
    }

    /** SOURCE rows must add up to the TOTAL row. */
    void checkSources(List<BudgetLine> lines, List<Finding> findings) {
        int totalIndex = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).getRole() == BudgetLineRole.TOTAL) {
                totalIndex = i;
                break;
            }
        }
        if (totalIndex < 0 || lines.stream().noneMatch(l -> l.getRole() == BudgetLineRole.SOURCE)) {
            return;
        }
        BudgetLine total = lines.get(totalIndex);
        compareSum(lines, total.getAnnualBudget(), BudgetLine::getAnnualBudget, "全年预算数",
                "budgetLines[" + totalIndex + "].annualBudget", findings);
        compareSum(lines, total.getExecuted(), BudgetLine::getExecuted, "全年执行数",
                "budgetLines[" + totalIndex + "].executed", findings);
    }

    private void compareSum(List<BudgetLine> lines, BigDecimal total,
                            java.util.function.Function<BudgetLine, BigDecimal> field, String what, String path,
                            List<Finding> findings) {
        if (total == null) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BudgetLine line : lines) {
            if (line.getRole() == BudgetLineRole.SOURCE && field.apply(line) != null) {
                sum = sum.add(field.apply(line));
            }
        }
        if (Scores.differ(total, sum, rules.tolerance())) {
            findings.add(new Finding("SOURCES_MISMATCH", Severity.WARNING, path,
                    "各资金来源的" + what + "合计 " + Scores.shown(sum, total) + "，与年度资金总额的" + what + " "
                            + Scores.shown(total) + " 不一致。请核对本年财政拨款、上年结转和其他资金。"));
        }
    }

    private static void negative(String path, String label, BigDecimal value, List<Finding> findings) {
        if (value != null && value.signum() < 0) {
            findings.add(new Finding("NEGATIVE_AMOUNT", Severity.ERROR, path,
                    label + "不能为负数（" + value.toPlainString() + "）。"));
        }
    }

    private static String label(BudgetLine line, int index) {
        return "资金第 " + (index + 1) + " 行" + (line.getName() == null || line.getName().isBlank() ? ""
                : "「" + line.getName() + "」");
    }
}
