package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.BudgetLineRole;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;

/**
 * 自评打分: scores a form in the exchange shape under its rule set and reports its findings
 * (docs/evaluation-form.md). Pure Java and deterministic; thread-safe.
 */
public final class Scorer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("0.0001");

    private final RuleSetCatalog catalog;

    public Scorer(RuleSetCatalog catalog) {
        this.catalog = catalog;
    }

    public Set<String> ruleSetNames() {
        return catalog.names();
    }

    /** The rule set's Chinese name ("全国通用：…") for pages and PDFs; the code itself when unknown. */
    public String ruleSetLabel(String name) {
        RuleSet rules = name == null ? null : catalog.find(name);
        return rules == null || rules.label() == null || rules.label().isBlank() ? name : rules.label();
    }

    public ScoringResult score(EvaluationForm form) {
        List<Finding> findings = new ArrayList<>();
        RuleSet rules = ruleSet(form.getRuleSet(), findings);
        List<BudgetLine> lines = form.getBudgetLines() == null ? List.of() : form.getBudgetLines();
        List<Indicator> rows = form.getIndicators() == null ? List.of() : form.getIndicators();

        BudgetScorer budget = new BudgetScorer(rules);
        List<BudgetLineScore> lineScores = new ArrayList<>();
        BigDecimal execution = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            BudgetLine line = lines.get(i);
            if (line == null) {
                continue;
            }
            BudgetLineScore s = budget.score(i, line, findings);
            if (s != null) {
                lineScores.add(s);
                execution = execution.add(s.score());
                weights = weights.add(line.getWeight());
            }
        }
        budget.checkSources(lines, findings);

        IndicatorScorer indicatorScorer = new IndicatorScorer(rules);
        List<IndicatorScore> indicatorScores = new ArrayList<>();
        BigDecimal indicatorTotal = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Indicator row = rows.get(i);
            if (row == null || emptyPaperRow(row)) {
                continue;
            }
            IndicatorScore s = indicatorScorer.score(i, row, findings);
            indicatorScores.add(s);
            indicatorTotal = indicatorTotal.add(s.score());
            if (row.getWeight() != null) {
                weights = weights.add(row.getWeight());
            }
        }
        duplicateNames(rows, findings);
        if (weights.subtract(HUNDRED).abs().compareTo(WEIGHT_TOLERANCE) > 0) {
            findings.add(new Finding("WEIGHTS_NOT_100", Severity.ERROR, "indicators",
                    "各项分值（预算执行 + 绩效指标）合计 " + Scores.display(weights) + " 分，应为 100 分。请调整各指标分值，使合计为 100 分。"));
        }

        BigDecimal raw = execution.add(indicatorTotal);
        BigDecimal deduction = deduction(rules, lines, raw);
        BigDecimal total = raw.subtract(deduction);
        String grade = rules.grade(total);
        ReportChecks.check(form, total, findings);
        BigDecimal claimedTotal = form.getClaimedTotal();
        if (claimedTotal != null && Scores.differ(claimedTotal, total, rules.tolerance())) {
            findings.add(new Finding("TOTAL_MISMATCH", Severity.WARNING, "claimedTotal",
                    "填写的总分 " + Scores.shown(claimedTotal) + " 与按各项得分计算的总分 "
                            + Scores.shown(total, claimedTotal) + " 不一致" + (deduction.signum() > 0 ? "（已扣减 "
                            + Scores.display(deduction) + " 分）" : "") + "。请改为 " + Scores.shown(total, claimedTotal) + "。"));
        }
        if (form.getClaimedGrade() != null && !form.getClaimedGrade().isBlank()
                && !form.getClaimedGrade().strip().equals(grade)) {
            findings.add(new Finding("GRADE_MISMATCH", Severity.WARNING, "claimedGrade",
                    "填写的等级“" + form.getClaimedGrade() + "”与总分 " + Scores.display(total) + " 对应的等级“"
                            + grade + "”不一致。"));
        }
        return new ScoringResult(rules.name(), lineScores, indicatorScores, execution, indicatorTotal, deduction,
                total, grade, findings);
    }

    private RuleSet ruleSet(String name, List<Finding> findings) {
        if (name == null || name.isBlank()) {
            return catalog.defaultRuleSet();
        }
        RuleSet rules = catalog.find(name.strip());
        if (rules == null) {
            findings.add(new Finding("UNKNOWN_RULE_SET", Severity.ERROR, "ruleSet",
                    "评分规则“" + name + "”不存在，可用的规则有：" + String.join("、", catalog.names())
                            + "。已暂按 " + RuleSetCatalog.DEFAULT + " 计算。"));
            return catalog.defaultRuleSet();
        }
        return rules;
    }

    /** 减分项: what a low execution rate cuts off the total under a rule set with caps. */
    private static BigDecimal deduction(RuleSet rules, List<BudgetLine> lines, BigDecimal raw) {
        if (rules.caps().isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal rate = overallRate(lines);
        if (rate == null) {
            return BigDecimal.ZERO;
        }
        RuleSet.Cap cap = rules.capFor(rate);
        return cap == null ? BigDecimal.ZERO : raw.subtract(cap.maxTotal()).max(BigDecimal.ZERO);
    }

    /** The TOTAL row's rate, or for department forms the rate of all scored rows together. */
    private static BigDecimal overallRate(List<BudgetLine> lines) {
        for (BudgetLine line : lines) {
            if (line != null && line.getRole() == BudgetLineRole.TOTAL) {
                return BudgetScorer.rate(line);
            }
        }
        BigDecimal annual = BigDecimal.ZERO;
        BigDecimal executed = BigDecimal.ZERO;
        for (BudgetLine line : lines) {
            if (line != null && BudgetScorer.scored(line) && line.getAnnualBudget() != null && line.getExecuted() != null) {
                annual = annual.add(line.getAnnualBudget());
                executed = executed.add(line.getExecuted());
            }
        }
        return annual.signum() > 0 ? Scores.divide(executed, annual) : null;
    }

    /** The same 三级指标 twice in one form is almost always a copy-and-paste slip. */
    private static void duplicateNames(List<Indicator> rows, List<Finding> findings) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Indicator row = rows.get(i);
            if (row == null || Texts.blank(row.getName())) {
                continue;
            }
            Integer first = seen.putIfAbsent(Texts.strip(row.getName()), i);
            if (first != null) {
                findings.add(new Finding("DUPLICATE_INDICATOR", Severity.WARNING, "indicators[" + i + "].name",
                        "指标第 " + (i + 1) + " 行「" + row.getName() + "」与第 " + (first + 1)
                                + " 行重名。请合并这两行，或改为能区分的名称。"));
            }
        }
    }

    /** Rows with neither a name nor a weight are the blank rows of the paper form. */
    private static boolean emptyPaperRow(Indicator row) {
        return row.getWeight() == null && Texts.blank(row.getName());
    }
}
