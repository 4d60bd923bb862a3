package org.perfeval.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.BudgetLineRole;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.ReportSection;
import org.perfeval.scoring.IndicatorScore;
import org.perfeval.scoring.Scorer;
import org.perfeval.scoring.ScoringResult;
import org.perfeval.shared.Numbers;
import org.springframework.stereotype.Component;

/**
 * Drafts the narrative 绩效自评报告 from the form's own figures (budget, execution rate, score,
 * grade, indicators that fell short with their reasons). Only empty sections are filled, so
 * nothing the unit wrote is overwritten; the unit then edits the draft.
 */
@Component
public class ReportDraft {
    private final Scorer scorer;

    public ReportDraft(Scorer scorer) {
        this.scorer = scorer;
    }

    public int fillEmptySections(EvaluationForm form) {
        FormStore.normalized(form);
        ScoringResult score = scorer.score(form);
        int filled = 0;
        for (ReportSection section : form.getReport().getSections()) {
            if (section.getBody() != null && !section.getBody().isBlank()) {
                continue;
            }
            String body = draftFor(section.getHeading() == null ? "" : section.getHeading(), form, score);
            if (body != null) {
                section.setBody(body);
                filled++;
            }
        }
        return filled;
    }

    private String draftFor(String heading, EvaluationForm form, ScoringResult score) {
        if (heading.contains("基本情况")) {
            return basics(form);
        }
        if (heading.contains("综合评价") || heading.contains("评价结论")) {
            return "经自评，" + form.getTitle() + "自评得分 " + Numbers.twoDecimals(score.total()) + " 分，等级为「"
                    + score.grade() + "」。其中预算执行得分 " + Numbers.twoDecimals(score.executionScore())
                    + " 分，绩效指标得分 " + Numbers.twoDecimals(score.indicatorScore()) + " 分"
                    + (score.deduction().signum() > 0 ? "，减分 " + Numbers.twoDecimals(score.deduction()) + " 分" : "")
                    + "。";
        }
        if (heading.contains("指标分析")) {
            return indicators(form, score);
        }
        if (heading.contains("问题")) {
            List<String> shortfalls = shortfalls(form, score);
            return shortfalls.isEmpty() ? "各项绩效指标均已完成，未发现明显问题。"
                    : "以下指标未达到满分：\n" + String.join("\n", shortfalls);
        }
        return null;
    }

    private static String basics(EvaluationForm form) {
        StringBuilder s = new StringBuilder(form.getTitle() == null ? "" : form.getTitle());
        s.append("由").append(form.getUnit() == null ? "本单位" : form.getUnit()).append("实施");
        for (BudgetLine line : form.getBudgetLines()) {
            if (line.getRole() == BudgetLineRole.TOTAL || line.getRole() == BudgetLineRole.ITEM) {
                s.append("。").append(line.getName() == null ? "资金" : line.getName()).append("全年预算数 ")
                        .append(Numbers.twoDecimals(line.getAnnualBudget())).append(" ")
                        .append(form.getMoneyUnit() == null ? "万元" : form.getMoneyUnit())
                        .append("，全年执行数 ").append(Numbers.twoDecimals(line.getExecuted()));
                if (line.getAnnualBudget() != null && line.getExecuted() != null && line.getAnnualBudget().signum() > 0) {
                    s.append("，执行率 ").append(Numbers.twoDecimals(line.getExecuted().multiply(BigDecimal.valueOf(100))
                            .divide(line.getAnnualBudget(), 6, RoundingMode.HALF_UP))).append("%");
                }
            }
        }
        if (form.getGoal() != null && form.getGoal().getExpected() != null && !form.getGoal().getExpected().isBlank()) {
            s.append("。年度总体目标：").append(form.getGoal().getExpected());
        }
        return s.append("。").toString();
    }

    private static String indicators(EvaluationForm form, ScoringResult score) {
        List<String> lines = new ArrayList<>();
        for (IndicatorScore is : score.indicators()) {
            Indicator row = form.getIndicators().get(is.index());
            lines.add(row.getCategory() + "／" + row.getSubcategory() + "／" + row.getName() + "：目标 "
                    + nullToDash(row.getTarget()) + "，实际完成 " + nullToDash(row.getActual()) + "，得分 "
                    + Numbers.twoDecimals(is.score()) + "／" + Numbers.twoDecimals(row.getWeight()) + "。");
        }
        return String.join("\n", lines);
    }

    private static List<String> shortfalls(EvaluationForm form, ScoringResult score) {
        List<String> lines = new ArrayList<>();
        for (IndicatorScore is : score.indicators()) {
            Indicator row = form.getIndicators().get(is.index());
            if (row.getWeight() != null && is.score().compareTo(row.getWeight()) < 0) {
                String reason = firstNonBlank(row.getDeviationNote(), row.getImprovement());
                lines.add("· " + row.getName() + "（得分 " + Numbers.twoDecimals(is.score()) + "／"
                        + Numbers.twoDecimals(row.getWeight()) + "）：" + (reason == null ? "（请说明偏差原因）" : reason));
            }
        }
        return lines;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
