package org.perfeval.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;


/**
 * What a form may hold at all, whichever way it arrives (page, JSON, Excel): numbers in range and
 * with few enough decimals, text within the column sizes, no control or invisible characters.
 * Missing values are the scorer's business at submit time, not a problem here.
 */
public final class FormLimits {
    static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");
    public static final int MAX_ROWS = 500;
    static final int MAX_OPTIONS = 50;
    static final int MAX_SECTIONS = 50;

    private FormLimits() {
    }

    public static List<Problem> check(EvaluationForm form) {
        List<Problem> problems = new ArrayList<>();
        if (form.getBudgetLines() == null) {
            form.setBudgetLines(new ArrayList<>());
        }
        if (form.getIndicators() == null) {
            form.setIndicators(new ArrayList<>());
        }
        if (form.getBudgetLines().size() > MAX_ROWS || form.getIndicators().size() > MAX_ROWS) {
            problems.add(new Problem("indicators", "行数过多（每类最多 " + MAX_ROWS + " 行）"));
        }
        text(problems, "title", "项目名称", form.getTitle(), 200);
        text(problems, "unit", "实施单位", form.getUnit(), 200);
        text(problems, "supervisingDepartment", "主管部门", form.getSupervisingDepartment(), 200);
        text(problems, "moneyUnit", "金额单位", form.getMoneyUnit(), 20);
        if (form.getGoal() != null) {
            text(problems, "goal.expected", "年度总体目标（预期目标）", form.getGoal().getExpected(), 5000);
            text(problems, "goal.actual", "年度总体目标（实际完成情况）", form.getGoal().getActual(), 5000);
        }
        if (form.getSuggestions() != null) {
            text(problems, "suggestions.overall", "结果应用建议（总体意见）", form.getSuggestions().getOverall(), 2000);
        }
        number(problems, "claimedTotal", "自评总分", form.getClaimedTotal(), new BigDecimal("1000"));
        text(problems, "claimedGrade", "自评等级", form.getClaimedGrade(), 8);
        for (int i = 0; i < form.getBudgetLines().size(); i++) {
            BudgetLine line = form.getBudgetLines().get(i);
            if (line == null) {
                continue;
            }
            String at = "budgetLines[" + i + "].";
            String row = "资金第 " + (i + 1) + " 行";
            text(problems, at + "name", row + "「名称」", line.getName(), 200);
            money(problems, at + "initialBudget", row + "「年初预算数」", line.getInitialBudget());
            money(problems, at + "declaredBudget", row + "「目标申报数」", line.getDeclaredBudget());
            money(problems, at + "compiledBudget", row + "「预算编制数」", line.getCompiledBudget());
            money(problems, at + "annualBudget", row + "「全年预算数」", line.getAnnualBudget());
            money(problems, at + "executed", row + "「全年执行数」", line.getExecuted());
            signedNumber(problems, at + "balance", row + "「结余」", line.getBalance(), MAX_MONEY);
            number(problems, at + "statedRate", row + "「执行率」", line.getStatedRate(), new BigDecimal("10000"));
            number(problems, at + "weight", row + "「分值」", line.getWeight(), new BigDecimal("100"));
            number(problems, at + "claimedScore", row + "「得分」", line.getClaimedScore(), new BigDecimal("100"));
        }
        for (int i = 0; i < form.getIndicators().size(); i++) {
            Indicator ind = form.getIndicators().get(i);
            if (ind == null) {
                continue;
            }
            String at = "indicators[" + i + "].";
            String row = "指标第 " + (i + 1) + " 行";
            text(problems, at + "category", row + "「一级指标」", ind.getCategory(), 100);
            text(problems, at + "subcategory", row + "「二级指标」", ind.getSubcategory(), 100);
            text(problems, at + "name", row + "「三级指标」", ind.getName(), 200);
            text(problems, at + "operator", row + "「运算符号」", ind.getOperator(), 8);
            text(problems, at + "target", row + "「年度指标值」", ind.getTarget(), 500);
            text(problems, at + "adjustedTarget", row + "「调整后指标值」", ind.getAdjustedTarget(), 500);
            text(problems, at + "unitOfMeasure", row + "「度量单位」", ind.getUnitOfMeasure(), 50);
            text(problems, at + "actual", row + "「实际完成值」", ind.getActual(), 500);
            number(problems, at + "weight", row + "「分值」", ind.getWeight(), new BigDecimal("100"));
            number(problems, at + "claimedScore", row + "「得分」", ind.getClaimedScore(), new BigDecimal("100"));
            text(problems, at + "deviationNote", row + "「原因说明」", ind.getDeviationNote(), 2000);
            text(problems, at + "improvement", row + "「改进措施」", ind.getImprovement(), 2000);
            text(problems, at + "previousActual", row + "「上年实际完成值」", ind.getPreviousActual(), 500);
            if (ind.getDeviationReasons() != null) {
                text(problems, at + "deviationReasons.funding", row + "「经费保障」", ind.getDeviationReasons().getFunding(), 2000);
                text(problems, at + "deviationReasons.institution", row + "「制度保障」", ind.getDeviationReasons().getInstitution(), 2000);
                text(problems, at + "deviationReasons.staffing", row + "「人员保障」", ind.getDeviationReasons().getStaffing(), 2000);
                text(problems, at + "deviationReasons.facilities", row + "「硬件条件保障」", ind.getDeviationReasons().getFacilities(), 2000);
                text(problems, at + "deviationReasons.other", row + "「其他」", ind.getDeviationReasons().getOther(), 2000);
            }
        }
        List<ReportSection> sections = form.getReport() == null || form.getReport().getSections() == null
                ? List.of() : form.getReport().getSections();
        for (int i = 0; i < sections.size(); i++) {
            text(problems, "report.sections[" + i + "].heading", "报告第 " + (i + 1) + " 节标题", sections.get(i).getHeading(), 200);
            text(problems, "report.sections[" + i + "].body", "报告第 " + (i + 1) + " 节正文", sections.get(i).getBody(), 50000);
        }
        if (sections.size() > MAX_SECTIONS) {
            problems.add(new Problem("report.sections", "报告节数过多（最多 " + MAX_SECTIONS + " 节）"));
        }
        List<String> selectedOptions = form.getSuggestions() == null || form.getSuggestions().getSelected() == null
                ? List.of() : form.getSuggestions().getSelected();
        if (selectedOptions.size() > MAX_OPTIONS
                || (form.getSuggestions() != null && form.getSuggestions().getDetails() != null
                && form.getSuggestions().getDetails().size() > MAX_OPTIONS)) {
            problems.add(new Problem("suggestions.selected", "结果应用建议选项过多（最多 " + MAX_OPTIONS + " 项）"));
        }
        for (String selected : selectedOptions) {
            // Stored one row per option (form_suggestion.option_label).
            text(problems, "suggestions.selected", "结果应用建议选项", selected, 200);
            text(problems, "suggestions.details", "结果应用建议「" + selected + "」的具体内容",
                    form.getSuggestions().getDetails() == null ? null : form.getSuggestions().getDetails().get(selected), 2000);
        }
        return problems;
    }

    private static void money(List<Problem> problems, String path, String label, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            problems.add(new Problem(path, label + "不能为负数，收到 " + value.toPlainString()));
        }
        signedNumber(problems, path, label, value, MAX_MONEY);
    }

    private static void number(List<Problem> problems, String path, String label, BigDecimal value, BigDecimal max) {
        if (value != null && value.signum() < 0) {
            problems.add(new Problem(path, label + "不能为负数，收到 " + value.toPlainString()));
            return;
        }
        signedNumber(problems, path, label, value, max);
    }

    private static void signedNumber(List<Problem> problems, String path, String label, BigDecimal value,
                                     BigDecimal max) {
        if (value == null) {
            return;
        }
        if (value.abs().compareTo(max) > 0) {
            problems.add(new Problem(path, label + "数值过大（不超过 " + max.toPlainString() + "），收到 " + value.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > 6) {
            problems.add(new Problem(path, label + "最多保留 6 位小数，收到 " + value.toPlainString()));
        }
    }

    private static void text(List<Problem> problems, String path, String label, String value, int max) {
        if (value != null && hasHiddenCharacters(value)) {
            problems.add(new Problem(path, label + "包含控制字符或不可见字符，请删除后重新输入"));
        } else if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(new Problem(path, label + "不能超过 " + max + " 个字（现为 "
                    + value.codePointCount(0, value.length()) + " 个字）"));
        }
    }


    /** Control characters other than line breaks and tabs, zero-width and direction-override characters. */
    static boolean hasHiddenCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F
                    || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || c == 0xFEFF
                    || (c >= 0x2060 && c <= 0x2064)) {
                return true;
            }
        }
        return false;
    }
}
