package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.ReportSection;

/**
 * Numbers quoted in the narrative report must agree with the table: the total score, and the
 * annual budget, executed amount and execution rate of a budget line. A report written before the
 * table was corrected is the usual cause.
 */
final class ReportChecks {
    private static final Pattern TOTAL = Pattern.compile("(?:自评得分|总分)[为是：:\\s]*([0-9]+(?:\\.[0-9]+)?)\\s*分");
    private static final Pattern ANNUAL = Pattern.compile("全年预算数[为是：:\\s]*([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern EXECUTED = Pattern.compile("全年执行数[为是：:\\s]*([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern RATE = Pattern.compile("执行率[为是：:\\s]*([0-9]+(?:\\.[0-9]+)?)\\s*%");
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private ReportChecks() {
    }

    static void check(EvaluationForm form, BigDecimal total, List<Finding> findings) {
        if (form.getReport() == null || form.getReport().getSections() == null) {
            return;
        }
        List<BigDecimal> annual = new ArrayList<>();
        List<BigDecimal> executed = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        for (BudgetLine line : form.getBudgetLines() == null ? List.<BudgetLine>of() : form.getBudgetLines()) {
            if (line == null) {
                continue;
            }
            add(annual, line.getAnnualBudget());
            add(executed, line.getExecuted());
            BigDecimal rate = BudgetScorer.rate(line);
            add(rates, rate == null ? null : rate.multiply(Scores.HUNDRED));
        }
        List<ReportSection> sections = form.getReport().getSections();
        for (int i = 0; i < sections.size(); i++) {
            String body = sections.get(i) == null ? null : sections.get(i).getBody();
            if (body == null || body.isBlank()) {
                continue;
            }
            String path = "report.sections[" + i + "].body";
            String heading = sections.get(i).getHeading() == null ? "第 " + (i + 1) + " 节" : "「" + sections.get(i).getHeading() + "」";
            compare(TOTAL, body, List.of(total), "总分", path, heading, findings);
            compare(ANNUAL, body, annual, "全年预算数", path, heading, findings);
            compare(EXECUTED, body, executed, "全年执行数", path, heading, findings);
            compare(RATE, body, rates, "执行率", path, heading, findings);
        }
    }

    private static void compare(Pattern pattern, String body, List<BigDecimal> table, String what, String path,
                                String heading, List<Finding> findings) {
        if (table.isEmpty()) {
            return;
        }
        Matcher m = pattern.matcher(body);
        while (m.find()) {
            BigDecimal quoted = new BigDecimal(m.group(1));
            boolean matches = table.stream().anyMatch(v -> !Scores.differ(quoted, v, TOLERANCE));
            if (!matches) {
                findings.add(new Finding("REPORT_NUMBER_MISMATCH", Severity.WARNING, path,
                        "自评报告" + heading + "中的" + what + " " + m.group(1) + " 与表中数字（"
                                + String.join("、", table.stream().map(Scores::display).toList())
                                + "）不一致。请修改报告或表格，使两者一致。"));
                return;
            }
        }
    }

    private static void add(List<BigDecimal> list, BigDecimal value) {
        if (value != null) {
            list.add(value);
        }
    }
}
