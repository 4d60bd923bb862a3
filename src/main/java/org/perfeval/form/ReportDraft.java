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
        return fillEmptySections(form, null, null);
    }

    /**
     * As {@link #fillEmptySections(EvaluationForm)}, with the project's and the unit's names from the
     * form's record for when the content does not carry them.
     */
    public int fillEmptySections(EvaluationForm form, String projectName, String unitName) {
        FormStore.normalized(form);
        ScoringResult score = scorer.score(form);
        Names names = new Names(firstNonBlank(form.getTitle(), projectName, "本项目"),
                firstNonBlank(form.getUnit(), unitName, "本单位"),
                firstNonBlank(form.getMoneyUnit(), "万元"));
        int filled = 0;
        for (ReportSection section : form.getReport().getSections()) {
            if (section.getBody() != null && !section.getBody().isBlank()) {
                continue;
            }
            String body = draftFor(section.getHeading() == null ? "" : section.getHeading(), form, score, names);
            if (body != null) {
                section.setBody(tidy(body));
                filled++;
            }
        }
        return filled;
    }

    private record Names(String project, String unit, String money) {
    }

    private String draftFor(String heading, EvaluationForm form, ScoringResult score, Names names) {
        if (heading.contains("基本情况")) {
            return basics(form, names);
        }
        if (heading.contains("综合评价") || heading.contains("评价结论")) {
            return "经自评，" + names.project() + "自评得分 " + Numbers.twoDecimals(score.total()) + " 分，等级为「"
                    + score.grade() + "」。其中预算执行得分 " + Numbers.twoDecimals(score.executionScore())
                    + " 分，绩效指标得分 " + Numbers.twoDecimals(score.indicatorScore()) + " 分"
                    + (score.deduction().signum() > 0 ? "，减分 " + Numbers.twoDecimals(score.deduction()) + " 分" : "")
                    + "。";
        }
        if (heading.contains("指标分析")) {
            return indicators(form, score);
        }
        if (heading.contains("问题")) {
            List<String> problems = new ArrayList<>(lowExecution(form, names));
            problems.addAll(shortfalls(form, score));
            return problems.isEmpty() ? "预算全部执行，各项绩效指标均已完成，未发现明显问题。"
                    : "存在以下问题：\n" + String.join("\n", problems);
        }
        return null;
    }

    /** One sentence ends with one 。: text the unit typed may already end with one. */
    static String tidy(String text) {
        return text.replaceAll("。[。．.]+", "。").replaceAll("([，；：、])。", "。").replaceAll("。([，；])", "$1");
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith("。") || t.endsWith("！") || t.endsWith("？") ? t : t + "。";
    }

    private static String basics(EvaluationForm form, Names names) {
        StringBuilder s = new StringBuilder(names.project()).append("由").append(names.unit()).append("实施。");
        for (BudgetLine line : form.getBudgetLines()) {
            if (line.getRole() != BudgetLineRole.TOTAL && line.getRole() != BudgetLineRole.ITEM) {
                continue;
            }
            if (line.getAnnualBudget() == null && line.getExecuted() == null) {
                continue;
            }
            s.append(firstNonBlank(line.getName(), "资金")).append("：");
            List<String> parts = new ArrayList<>();
            if (line.getAnnualBudget() != null) {
                parts.add("全年预算数 " + Numbers.twoDecimals(line.getAnnualBudget()) + " " + names.money());
            }
            if (line.getExecuted() != null) {
                parts.add("全年执行数 " + Numbers.twoDecimals(line.getExecuted()) + " " + names.money());
            }
            BigDecimal rate = rate(line);
            if (rate != null) {
                parts.add("执行率 " + Numbers.twoDecimals(rate) + "%");
            }
            s.append(String.join("，", parts)).append("。");
        }
        if (form.getGoal() != null && form.getGoal().getExpected() != null && !form.getGoal().getExpected().isBlank()) {
            s.append("年度总体目标：").append(sentence(form.getGoal().getExpected()));
        }
        return s.toString();
    }

    /** The execution rate in per cent, or null without a budget. */
    private static BigDecimal rate(BudgetLine line) {
        if (line.getAnnualBudget() == null || line.getExecuted() == null || line.getAnnualBudget().signum() <= 0) {
            return null;
        }
        return line.getExecuted().multiply(BigDecimal.valueOf(100)).divide(line.getAnnualBudget(), 6, RoundingMode.HALF_UP);
    }

    private static String indicators(EvaluationForm form, ScoringResult score) {
        List<String> lines = new ArrayList<>();
        for (IndicatorScore is : score.indicators()) {
            Indicator row = form.getIndicators().get(is.index());
            String path = String.join("／", java.util.stream.Stream.of(row.getCategory(), row.getSubcategory(), row.getName())
                    .filter(x -> x != null && !x.isBlank()).toList());
            lines.add((path.isEmpty() ? "第 " + (is.index() + 1) + " 项指标" : path) + "：目标 "
                    + target(row) + "，实际完成 " + actual(row) + "，得分 "
                    + Numbers.twoDecimals(is.score()) + "／" + Numbers.twoDecimals(row.getWeight()) + "。");
        }
        return String.join("\n", lines);
    }

    /** The target as the table shows it: "≥95%", never ">=" (the operator may be apart from the text). */
    private static String target(Indicator row) {
        String target = org.perfeval.scoring.Operator.readable(row.getOperator(), nullToDash(row.getTarget()));
        String unit = row.getUnitOfMeasure() == null || target.equals("—") || target.endsWith(row.getUnitOfMeasure())
                ? "" : row.getUnitOfMeasure();
        return target + unit;
    }

    /** The actual value, with the unit of measure when it is a bare number. */
    private static String actual(Indicator row) {
        String actual = nullToDash(row.getActual());
        return row.getUnitOfMeasure() != null && actual.matches("[0-9.]+") ? actual + row.getUnitOfMeasure() : actual;
    }

    /** Budget lines whose money was not all spent: the rate, what was left, and the unit's reason if given. */
    private static List<String> lowExecution(EvaluationForm form, Names names) {
        List<String> lines = new ArrayList<>();
        for (BudgetLine line : form.getBudgetLines()) {
            if (line.getRole() != BudgetLineRole.TOTAL && line.getRole() != BudgetLineRole.ITEM) {
                continue;
            }
            BigDecimal rate = rate(line);
            if (rate == null || rate.compareTo(BigDecimal.valueOf(100)) >= 0) {
                continue;
            }
            BigDecimal left = line.getAnnualBudget().subtract(line.getExecuted());
            lines.add("· 预算执行不到位：" + firstNonBlank(line.getName(), "资金") + "执行率 " + Numbers.twoDecimals(rate)
                    + "%，尚有 " + Numbers.twoDecimals(left) + " " + names.money() + "未执行。");
        }
        return lines;
    }

    private static List<String> shortfalls(EvaluationForm form, ScoringResult score) {
        List<String> lines = new ArrayList<>();
        for (IndicatorScore is : score.indicators()) {
            Indicator row = form.getIndicators().get(is.index());
            if (row.getWeight() != null && is.score().compareTo(row.getWeight()) < 0) {
                List<String> why = new ArrayList<>();
                if (row.getDeviationNote() != null && !row.getDeviationNote().isBlank()) {
                    why.add(row.getDeviationNote().strip());
                }
                why.addAll(reasons(row.getDeviationReasons()));
                String name = firstNonBlank(row.getName(), row.getSubcategory(), "第 " + (is.index() + 1) + " 项指标");
                lines.add(sentence("· 指标未完全达成：" + name + "（目标 " + target(row) + "，实际完成 "
                        + actual(row) + "，得分 " + Numbers.twoDecimals(is.score()) + "／"
                        + Numbers.twoDecimals(row.getWeight()) + "）"
                        + (why.isEmpty() ? "，偏差原因尚未说明（请补充）" : "，原因：" + String.join("；", why.stream()
                                .map(w -> w.replaceAll("[。；;]+$", "")).toList()))
                        + (row.getImprovement() == null || row.getImprovement().isBlank() ? ""
                                : "。改进措施：" + row.getImprovement().strip())));
            }
        }
        return lines;
    }

    private static List<String> reasons(org.perfeval.exchange.DeviationReasons r) {
        if (r == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String[][] named = {{"经费保障", r.getFunding()}, {"制度保障", r.getInstitution()}, {"人员保障", r.getStaffing()},
                {"硬件条件保障", r.getFacilities()}, {"其他原因", r.getOther()}};
        for (String[] n : named) {
            if (n[1] != null && !n[1].isBlank()) {
                out.add(n[0] + "方面，" + n[1].strip());
            }
        }
        return out;
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
